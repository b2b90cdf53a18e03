/**
 * Finds the near-duplicate family of a new document: the earliest stored document whose text it nearly repeats
 * (estimated Jaccard similarity of word shingles at or above the threshold). Wire copies and republished articles
 * join the family of the first copy, so an event they report is counted once per family ("stories").
 */
import { stmt } from '../store/statements.js'
import type { Db } from '../store/database.js'
import { bands, MINHASH, signatureFromBytes, similarity } from './minhash.js'

/** Estimated shingle overlap from which two articles count as one story. */
export const NEAR_DUPLICATE_SIMILARITY = 0.6

export interface Family {
  /** seq of the family's first document, or undefined when the document starts a family of its own. */
  family?: number
  similarity?: number
}

/** The family a signature belongs to among stored documents. */
export function findFamily(db: Db, sig: Uint32Array | undefined, threshold = NEAR_DUPLICATE_SIMILARITY): Family {
  if (!sig) return {}
  const values = bands(sig, MINHASH.bands)
  const candidates = new Set<number>()
  const inBand = stmt(db, 'SELECT doc FROM minhash_bands WHERE band = ? AND value = ?').pluck()
  values.forEach((v, b) => { for (const doc of inBand.all(b, v) as number[]) candidates.add(doc) })
  let best: { seq: number; family: number; sim: number } | undefined
  const get = stmt(db, 'SELECT minhash, family FROM documents WHERE seq = ?')
  for (const seq of [...candidates].sort((a, b) => a - b)) {
    const row = get.get(seq) as { minhash: Buffer | null; family: number } | undefined
    if (!row?.minhash) continue
    const sim = similarity(sig, signatureFromBytes(row.minhash))
    if (sim >= threshold && (!best || sim > best.sim)) best = { seq, family: row.family, sim }
  }
  return best ? { family: best.family, similarity: best.sim } : {}
}

/** Indexes a stored document's signature bands. */
export function indexBands(db: Db, seq: number, sig: Uint32Array | undefined): void {
  if (!sig) return
  const put = stmt(db, 'INSERT OR IGNORE INTO minhash_bands (band, value, doc) VALUES (?, ?, ?)')
  bands(sig, MINHASH.bands).forEach((v, b) => put.run(b, v, seq))
}
