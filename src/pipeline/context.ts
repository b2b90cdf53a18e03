/** What every stage may use besides the document: the packs, the knowledge base, and the caller's options. */
import type { Gazetteer } from '../kb/gazetteer.js'
import type { Morphology } from '../packs/language-pack.js'

export interface PipelineContext {
  /** Root folder of the language packs. */
  packsDir: string
  /** Language codes with a pack. */
  languages: string[]
  /** Pack used when the language cannot be identified. */
  fallbackLanguage: string
  /** Builds a pack's morphology from its folder. */
  morphology: (packDir: string) => Morphology
  gazetteer: Gazetteer
}
