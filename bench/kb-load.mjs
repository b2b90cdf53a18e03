// Measures loading the knowledge base and one language's alias index, and the first lookups in them (the compiled
// index and the places are read lazily, so their cost shows there): node --expose-gc bench/kb-load.mjs sq|en
const { loadGazetteer } = await import('../dist/kb/load-kb.js')
const { loadPack } = await import('../dist/packs/language-pack.js')
const { loadMorphology } = await import('../dist/morphology/lemmatiser.js')
const { fold } = await import('../dist/text/fold.js')
const { join } = await import('node:path')
const lang = process.argv[2] ?? 'sq'
const pack = loadPack(lang, undefined, (d) => loadMorphology(join(d, 'morphology')))
global.gc?.()
const t0 = performance.now(), h0 = process.memoryUsage()
const g = loadGazetteer()
const t1 = performance.now()
const index = g.index(pack)
const t2 = performance.now()
// first lookups: every country's English name through the index, and its capitals (places) by id
let found = 0
for (const e of g.entries) {
  if (!e.id.startsWith('country:')) continue
  for (const item of index.get(fold(e.name).split(' ')[0]) ?? []) if (item.entry) found++
  for (const c of e.capitals ?? []) if (g.get(`place:${c.geonames}`)) found++
}
const t3 = performance.now()
global.gc?.()
const h1 = process.memoryUsage()
const mb = (x) => (x / 1048576).toFixed(0)
console.log(`${lang}: KB ${(t1 - t0).toFixed(0)} ms + alias index ${(t2 - t1).toFixed(0)} ms + first lookups ${(t3 - t2).toFixed(0)} ms (${found} found) = ${(t3 - t0).toFixed(0)} ms; heap +${mb(h1.heapUsed - h0.heapUsed)} MB, external +${mb(h1.external - h0.external)} MB, RSS +${mb(h1.rss - h0.rss)} MB`)
