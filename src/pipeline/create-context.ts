/** Builds the pipeline context: which packs exist, their morphology, and the knowledge base. */
import { join } from 'node:path'
import { availablePacks, PACKS_DIR } from '../packs/language-pack.js'
import { loadMorphology } from '../morphology/lemmatiser.js'
import { loadGazetteer } from '../kb/load-kb.js'
import type { PipelineContext } from './context.js'
import type { KbEntry } from '../kb/types.js'

export interface ContextOptions {
  packsDir?: string
  /** Extra knowledge-base entries (from --kb files). */
  extraEntries?: KbEntry[]
  fallbackLanguage?: string
}

export function createContext(options: ContextOptions): PipelineContext {
  const packsDir = options.packsDir ?? PACKS_DIR
  const gazetteer = loadGazetteer()
  // compiled indexes describe the shipped packs only
  if (options.packsDir && options.packsDir !== PACKS_DIR) gazetteer.compiledIndex = undefined
  if (options.extraEntries?.length) gazetteer.add(options.extraEntries)
  return {
    packsDir,
    languages: availablePacks(packsDir),
    fallbackLanguage: options.fallbackLanguage ?? 'en',
    morphology: (dir) => loadMorphology(join(dir, 'morphology')),
    gazetteer,
  }
}
