// Compiles the knowledge base for a fast start (run by `npm run build` after tsc): the entries but the places, without
// their aliases (data/generated/kb-core.json), the places (kb-places.tsv) and one alias index per language pack
// (gazetteer-<lang>.tsv); the text formats are described in src/kb/compiled-index.ts.
// The output is reproducible: the same sources give the same bytes.
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadGazetteer, PACKAGE_ROOT } from '../dist/kb/load-kb.js'
import { coreEntry, serialiseIndex, serialisePlaces, sourceStamp } from '../dist/kb/compiled-index.js'
import { availablePacks, loadPack } from '../dist/packs/language-pack.js'
import { getDefaultContext } from '../dist/pipeline/extract.js'

const t0 = Date.now()
const out = join(PACKAGE_ROOT, 'data', 'generated')
const gazetteer = loadGazetteer({ compiled: false })
const isPlace = (e) => e.id.startsWith('place:')
writeFileSync(join(out, 'kb-core.json'), JSON.stringify({
  stamp: sourceStamp(PACKAGE_ROOT),
  entries: gazetteer.entries.filter((e) => !isPlace(e)).map(coreEntry),
}))
writeFileSync(join(out, 'kb-places.tsv'), serialisePlaces(gazetteer.entries.filter(isPlace), sourceStamp(PACKAGE_ROOT)))
const ctx = getDefaultContext()
for (const lang of availablePacks()) {
  const pack = loadPack(lang, undefined, ctx.morphology)
  const text = serialiseIndex(gazetteer.index(pack), lang, sourceStamp(PACKAGE_ROOT, lang))
  writeFileSync(join(out, `gazetteer-${lang}.tsv`), text)
  rmSync(join(out, `gazetteer-${lang}.json`), { force: true }) // the format before
  console.log(`compile-kb: ${lang}: ${text.slice(0, text.indexOf('\n')).split('\t')[3]} aliases`)
}
console.log(`compile-kb: ${gazetteer.entries.length} entries in ${Date.now() - t0} ms`)
