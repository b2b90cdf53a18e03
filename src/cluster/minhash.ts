/**
 * MinHash signatures of word shingles, for recognising near-duplicate articles (wire copies, republished texts with
 * a changed headline or byline). Jaccard similarity of shingle sets is estimated by the share of equal signature
 * slots; locality-sensitive bands let the store find candidates without comparing every pair.
 * See Broder, "On the resemblance and containment of documents" (1997).
 */
import { fold } from '../text/fold.js'

export interface MinHashOptions {
  /** Signature length (number of hash functions). */
  hashes: number
  /** Band count for LSH; hashes / bands rows per band. */
  bands: number
  /** Words per shingle. */
  shingle: number
  /** Texts with fewer shingles get no signature (too short to call a near-duplicate). */
  minShingles: number
}

export const MINHASH: MinHashOptions = { hashes: 96, bands: 24, shingle: 3, minShingles: 8 }

function fnv1a(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** Murmur3's finaliser: spreads the bits of a 32-bit value. */
function mix(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** The distinct word shingles of a text (folded: case and diacritics do not count). */
export function shingles(text: string, size = MINHASH.shingle): Set<string> {
  const words = fold(text).match(/[\p{L}\p{N}]+/gu) ?? []
  const out = new Set<string>()
  if (words.length < size) { if (words.length) out.add(words.join(' ')); return out }
  for (let i = 0; i + size <= words.length; i++) out.add(words.slice(i, i + size).join(' '))
  return out
}

/** The MinHash signature of a text, or undefined when it is too short to compare. */
export function minhash(text: string, options: MinHashOptions = MINHASH): Uint32Array | undefined {
  const set = shingles(text, options.shingle)
  if (set.size < options.minShingles) return undefined
  const sig = new Uint32Array(options.hashes).fill(0xffffffff)
  for (const s of set) {
    const h1 = fnv1a(s, 0), h2 = fnv1a(s, 0x9e3779b9) | 1
    for (let i = 0; i < options.hashes; i++) {
      const v = mix((h1 + Math.imul(i, h2)) >>> 0)
      if (v < sig[i]!) sig[i] = v
    }
  }
  return sig
}

/** Estimated Jaccard similarity of the shingle sets behind two signatures. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) throw new Error('MinHash signatures of different lengths cannot be compared: build both with the same options')
  let same = 0
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++
  return same / a.length
}

/** One value per band: documents sharing a band value are candidate near-duplicates. */
export function bands(sig: Uint32Array, bandCount = MINHASH.bands): number[] {
  const rows = Math.floor(sig.length / bandCount)
  const out: number[] = []
  for (let b = 0; b < bandCount; b++) {
    let h = 0x811c9dc5 ^ b
    for (let r = 0; r < rows; r++) h = mix((h ^ sig[b * rows + r]!) >>> 0)
    out.push(h >>> 0)
  }
  return out
}

/** Signature bytes for storage, and back. */
export function signatureBytes(sig: Uint32Array): Buffer {
  return Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength)
}
export function signatureFromBytes(buf: Uint8Array): Uint32Array {
  const copy = new Uint8Array(buf)
  return new Uint32Array(copy.buffer, 0, copy.byteLength >> 2)
}
