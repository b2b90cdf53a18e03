/**
 * Runs the stages over one document. A stage that fails on some content is reported on the document and the
 * remaining stages still run: one bad article never stops a batch.
 */
import { KronikaDocument, type DocumentInput } from '../document.js'
import type { DocumentRecord } from '../record/schema.js'
import type { PipelineContext } from './context.js'
import { STAGES } from './stages.js'
import { createContext, type ContextOptions } from './create-context.js'

export interface ExtractOptions {
  /** Measure the time of each stage (milliseconds, added to `timings`). */
  timings?: Map<string, number>
}

let defaultContext: PipelineContext | undefined

/** The shared context with the shipped packs and knowledge base, built on first use. */
export function getDefaultContext(options?: ContextOptions): PipelineContext {
  if (options) return createContext(options)
  defaultContext ??= createContext({})
  return defaultContext
}

/** Extracts the record of one article. */
export function extractDocument(input: DocumentInput, ctx: PipelineContext = getDefaultContext(), options: ExtractOptions = {}): KronikaDocument {
  const doc = new KronikaDocument(input)
  for (const stage of STAGES) {
    const t0 = options.timings ? performance.now() : 0
    try {
      stage.run(doc, ctx)
    } catch (err) {
      if (stage.name === 'detect-language' || stage.name === 'segment') throw err
      doc.message(`stage ${stage.name} failed: ${(err as Error).message}`, 'core.pipeline.stage-failed', 'error')
    }
    if (options.timings) options.timings.set(stage.name, (options.timings.get(stage.name) ?? 0) + performance.now() - t0)
  }
  return doc
}

/** Extracts and returns the published record. */
export function extract(input: DocumentInput, ctx?: PipelineContext): DocumentRecord {
  return extractDocument(input, ctx).toRecord()
}
