/**
 * The order of the stages: the one place it is declared. Each stage is one file exporting one function of the
 * document (and the shared context).
 */
import type { KronikaDocument } from '../document.js'
import type { PipelineContext } from './context.js'
import { detectLanguage } from '../stages/detect-language.js'
import { segment } from '../stages/segment.js'
import { analyse } from '../stages/analyse.js'
import { recogniseEntities } from '../stages/recognise-entities.js'
import { linkEntities } from '../stages/link-entities.js'
import { extractTimes } from '../stages/extract-times.js'
import { extractAmounts } from '../stages/extract-amounts.js'
import { resolvePronouns } from '../stages/resolve-pronouns.js'
import { extractQuotes } from '../stages/extract-quotes.js'
import { extractStatements } from '../stages/extract-statements.js'
import { extractEvents } from '../stages/extract-events.js'
import { mergeEvents } from '../stages/merge-events.js'
import { verifySpans } from '../stages/verify-spans.js'

export interface Stage {
  name: string
  run: (doc: KronikaDocument, ctx: PipelineContext) => void
}

export const STAGES: readonly Stage[] = [
  { name: 'detect-language', run: detectLanguage },
  { name: 'segment', run: segment },
  { name: 'analyse', run: analyse },
  { name: 'recognise-entities', run: recogniseEntities },
  { name: 'link-entities', run: linkEntities },
  { name: 'extract-times', run: extractTimes },
  { name: 'extract-amounts', run: extractAmounts },
  { name: 'resolve-pronouns', run: resolvePronouns },
  { name: 'extract-quotes', run: extractQuotes },
  { name: 'extract-statements', run: extractStatements },
  { name: 'extract-events', run: extractEvents },
  { name: 'merge-events', run: mergeEvents },
  { name: 'verify-spans', run: verifySpans },
]
