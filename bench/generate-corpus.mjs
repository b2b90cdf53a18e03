#!/usr/bin/env node
/**
 * Generates a synthetic corpus of dated news articles in Albanian and English, for benchmarks (extraction speed,
 * the store). Deterministic: the same seed, language and size always give the same articles, and article i does
 * not depend on how many are made (--count 10 is the first ten of --count 10000). No network.
 *
 * Sentences come from templates written for this file, with slots for people, organisations, countries, cities,
 * dates, numbers, amounts, quotations and event verbs. Names are drawn from the built knowledge base
 * (dist/kb/load-kb.js, so run `npm run build` first); without it, from the small lists below.
 *
 *   node bench/generate-corpus.mjs --count 10000 --seed 1 --out corpus.jsonl [--lang sq|en|mixed] [--size 4096]
 *   node bench/generate-corpus.mjs --count 100 --out corpus/            (a folder: one `date YYYY-MM-DD` text file each)
 *
 * As a module: `generateCorpus({ count, seed, lang, size })` returns the articles, `generateArticle(...)` makes one.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** A small fast seeded generator (mulberry32): numbers in [0, 1). */
export function rng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Mixes the corpus seed and the article number into the seed of one article. */
function articleSeed(seed, i) {
  let h = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(i + 1, 0x85ebca6b)) >>> 0
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0
  return (h ^ (h >>> 15)) >>> 0
}

// ---------------------------------------------------------------------------------------------------------------
// Names: the fallback lists (used when the knowledge base is not built) are invented or generic.

const FALLBACK = {
  sq: {
    PER: ['Arben Krasniqi', 'Drita Hoxha', 'Besnik Gashi', 'Lindita Berisha', 'Agron Shala', 'Mimoza Kelmendi'],
    ORG: ['Bashkimi Evropian', 'Kombet e Bashkuara', 'NATO', 'Banka Botërore', 'Komisioni Evropian'],
    COUNTRY: ['Shqipëri', 'Kosovë', 'Serbi', 'Greqi', 'Itali', 'Gjermani', 'Francë', 'Turqi'],
    CITY: ['Tiranë', 'Prishtinë', 'Shkodër', 'Durrës', 'Prizren', 'Vlorë', 'Bruksel', 'Romë'],
  },
  en: {
    PER: ['Anna Keller', 'John Marsh', 'Maria Lopez', 'David Brennan', 'Sofia Novak', 'Peter Walsh'],
    ORG: ['European Union', 'United Nations', 'NATO', 'World Bank', 'European Commission'],
    COUNTRY: ['Albania', 'Kosovo', 'Serbia', 'Greece', 'Italy', 'Germany', 'France', 'Turkey'],
    CITY: ['Tirana', 'Pristina', 'Belgrade', 'Athens', 'Rome', 'Berlin', 'Paris', 'Brussels'],
  },
}

/** Name pools per language from the built knowledge base, or the fallback lists. */
export async function loadNames() {
  let kb
  try {
    const mod = await import(new URL('../dist/kb/load-kb.js', import.meta.url).href)
    kb = mod.loadKnowledgeBase()
  } catch {
    process.stderr.write('generate-corpus: the knowledge base is not built (npm run build); using the small built-in name lists\n')
    return FALLBACK
  }
  const byId = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  const entries = [...kb].sort(byId)
  const plain = (s) => typeof s === 'string' && s.length >= 3 && s.length <= 40 && !/[()\[\]"“”«»\n]/.test(s)
  const out = {}
  for (const lang of ['sq', 'en']) {
    const own = (e) => (lang === 'en' ? e.name : e.aliases[lang]?.[0] ?? e.aliases['*']?.[0])
    const pick = (filter, name) => entries.filter(filter).map(name).filter(plain)
    const per = pick((e) => e.id.startsWith('actor:') && e.type === 'PER', (e) => (lang === 'en' ? e.name : e.aliases.sq?.[0] ?? e.name))
    const org = pick((e) => e.id.startsWith('actor:') && e.type === 'ORG' && (lang === 'en' || e.aliases.sq?.length), own)
    const country = pick((e) => e.id.startsWith('country:') && (lang === 'en' || e.aliases.sq?.length), own)
    const city = pick((e) => e.id.startsWith('place:') && (e.population ?? 0) >= 500_000, own)
    out[lang] = {
      PER: per.length ? per : FALLBACK[lang].PER,
      ORG: org.length ? org : FALLBACK[lang].ORG,
      COUNTRY: country.length ? country : FALLBACK[lang].COUNTRY,
      CITY: city.length ? city : FALLBACK[lang].CITY,
    }
  }
  return out
}

// ---------------------------------------------------------------------------------------------------------------
// Words and templates, written for this generator.

const WORDS = {
  sq: {
    TITLE: ['Presidenti', 'Kryeministri', 'Ministri i Jashtëm', 'zëdhënësi', 'ambasadori', 'kryetari i bashkisë', 'deputeti'],
    WEEKDAY: ['të hënën', 'të martën', 'të mërkurën', 'të enjten', 'të premten', 'të shtunën', 'të dielën'],
    REL: ['dje', 'sot', 'pardje', 'javën e kaluar', 'muajin e kaluar', 'vitin e kaluar', 'këtë javë', 'së fundmi'],
    FUT: ['nesër', 'javën e ardhshme', 'muajin e ardhshëm', 'vitin e ardhshëm', 'së shpejti', 'në ditët në vazhdim'],
    MONTHS: ['janar', 'shkurt', 'mars', 'prill', 'maj', 'qershor', 'korrik', 'gusht', 'shtator', 'tetor', 'nëntor', 'dhjetor'],
    NUMWORD: ['dy', 'tre', 'katër', 'pesë', 'gjashtë', 'dhjetë', 'disa', 'dhjetëra', 'qindra', 'mijëra'],
    UNIT: ['ditë', 'javë', 'muaj', 'vjet'],
    TOPIC: ['bashkëpunimin ekonomik', 'sigurinë rajonale', 'energjinë', 'tregtinë', 'reformën në drejtësi', 'migracionin',
      'mbrojtjen e mjedisit', 'infrastrukturën rrugore', 'zgjerimin e Bashkimit Evropian', 'çmimet e energjisë'],
    ISSUE: ['korrupsion', 'shkelje të marrëveshjes', 'dhunë ndaj protestuesve', 'vonesa në zbatim', 'keqpërdorim të fondeve', 'provokime në kufi'],
    GOODS: ['ndihmë humanitare', 'vaksina', 'pajisje mjekësore', 'municion', 'ushqime', 'gaz natyror'],
    CURRENCY: ['euro', 'dollarë', 'lekë'],
    MAGNITUDE: ['mijë', 'milionë', 'miliardë'],
    QUOTE: [
      'Nuk do të lejojmë që kjo situatë të përsëritet',
      'Jemi të gatshëm të vazhdojmë dialogun pa kushte',
      'Kjo marrëveshje është një hap i rëndësishëm për të gjithë rajonin',
      'Qytetarët meritojnë më shumë transparencë nga institucionet',
      'Do të punojmë ngushtë me partnerët tanë ndërkombëtarë',
      'Situata në terren mbetet e tensionuar, por nën kontroll',
      'Askush nuk është mbi ligjin',
      'Kemi bërë përparim, por rruga është ende e gjatë',
    ],
    FILLER: [
      'Analistët thonë se situata mbetet e paqartë.',
      'Deri në mbrëmje nuk kishte asnjë reagim zyrtar.',
      'Opozita kërkoi transparencë të plotë për procesin.',
      'Çështja pritet të diskutohet edhe në seancën e radhës.',
      'Mediat vendase raportuan për tensione të shtuara gjatë ditës.',
      'Ekspertët paralajmërojnë se kostot mund të rriten më tej.',
    ],
    TEMPLATES: [
      '{TITLE} {PER} u takua {WHEN} në {CITY} me {PER} për të diskutuar {TOPIC}.',
      '{PER} vizitoi {CITY} {WHEN}, ku bisedoi me përfaqësues të {ORG}.',
      '{ORG} akuzoi {WHEN} qeverinë e {COUNTRY} për {ISSUE}.',
      '“{QUOTE}”, tha {PER} gjatë një konference për shtyp në {CITY}.',
      '{TITLE} {PER} deklaroi {WHEN}: “{QUOTE}.”',
      '{PER} tha se {COUNTRY} “{QUOTE_LC}”.',
      'Policia arrestoi {NUM} persona në {CITY} {WHEN}, njoftoi {ORG}.',
      '{ORG} ka ndarë {MONEY} për {GOODS} në {COUNTRY}.',
      'Rreth {NUM} qytetarë protestuan {WHEN} në {CITY} kundër {ISSUE}.',
      'Delegacionet nënshkruan më {DATE} një marrëveshje për {TOPIC} në {CITY}.',
      '{PER} do të vizitojë {COUNTRY} {FUT}, sipas një njoftimi të {ORG}.',
      'Sipas {ORG}, inflacioni u rrit me {PCT} në muajin {MONTH}.',
      '{PER} kritikoi ashpër {ORG} për {ISSUE} dhe kërkoi dorëheqjen e drejtuesve.',
      'Bisedimet mes {COUNTRY} dhe {COUNTRY} do të vazhdojnë {FUT} në {CITY}.',
      'Më {DATE}, {ORG} miratoi një paketë prej {MONEY} për {TOPIC}.',
      '{PER} kërcënoi se do të vendosë sanksione ndaj {COUNTRY} nëse tensionet vazhdojnë.',
      'Para {NUMWORD} {UNIT}, {PER} kishte refuzuar propozimin e {ORG}.',
      'Në vitin {YEAR}, {COUNTRY} dërgoi {NUM} ton {GOODS} në {CITY}.',
      '{PER} mbështeti {WHEN} planin e {ORG} për {TOPIC}.',
      'Ministria njoftoi se {NUM} ushtarë janë tërhequr nga {CITY} gjatë {NUMWORD} {UNIT} të fundit.',
    ],
    HEADLINES: ['{PER} takohet me {PER} në {CITY}', '{ORG} akuzon {COUNTRY} për {ISSUE}', 'Protesta në {CITY}', 'Marrëveshje e re për {TOPIC}'],
  },
  en: {
    TITLE: ['President', 'Prime Minister', 'Foreign Minister', 'spokesman', 'Ambassador', 'Mayor', 'Senator'],
    WEEKDAY: ['on Monday', 'on Tuesday', 'on Wednesday', 'on Thursday', 'on Friday', 'on Saturday', 'on Sunday'],
    REL: ['yesterday', 'today', 'last week', 'last month', 'last year', 'this week', 'recently', 'earlier this month'],
    FUT: ['tomorrow', 'next week', 'next month', 'next year', 'soon', 'in the coming days'],
    MONTHS: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    NUMWORD: ['two', 'three', 'four', 'five', 'six', 'ten', 'several', 'dozens of', 'hundreds of', 'thousands of'],
    UNIT: ['days', 'weeks', 'months', 'years'],
    TOPIC: ['economic cooperation', 'regional security', 'energy supplies', 'trade', 'judicial reform', 'migration',
      'environmental protection', 'road infrastructure', 'European Union enlargement', 'energy prices'],
    ISSUE: ['corruption', 'breaching the agreement', 'violence against protesters', 'delays in implementation', 'misuse of funds', 'provocations on the border'],
    GOODS: ['humanitarian aid', 'vaccines', 'medical equipment', 'ammunition', 'food', 'natural gas'],
    CURRENCY: ['euros', 'dollars', 'pounds'],
    MAGNITUDE: ['thousand', 'million', 'billion'],
    QUOTE: [
      'We will not allow this situation to repeat itself',
      'We are ready to continue the dialogue without conditions',
      'This agreement is an important step for the whole region',
      'Citizens deserve more transparency from their institutions',
      'We will work closely with our international partners',
      'The situation on the ground remains tense but under control',
      'Nobody is above the law',
      'We have made progress, but the road is still long',
    ],
    FILLER: [
      'Analysts say the situation remains unclear.',
      'There was no official reaction by the evening.',
      'The opposition demanded full transparency about the process.',
      'The matter is expected to be discussed again at the next session.',
      'Local media reported growing tensions during the day.',
      'Experts warn that the costs could rise further.',
    ],
    TEMPLATES: [
      '{TITLE} {PER} met {PER} in {CITY} {WHEN} to discuss {TOPIC}.',
      '{PER} visited {CITY} {WHEN}, where he held talks with officials of the {ORG}.',
      'The {ORG} {WHEN} accused the government of {COUNTRY} of {ISSUE}.',
      '"{QUOTE}," {PER} told a news conference in {CITY}.',
      '{TITLE} {PER} said {WHEN}: "{QUOTE}."',
      '{PER} said {COUNTRY} "{QUOTE_LC}".',
      'Police arrested {NUM} people in {CITY} {WHEN}, the {ORG} said.',
      'The {ORG} has allocated {MONEY} for {GOODS} in {COUNTRY}.',
      'About {NUM} people protested in {CITY} {WHEN} against {ISSUE}.',
      'The delegations signed an agreement on {TOPIC} in {CITY} on {DATE}.',
      '{PER} will visit {COUNTRY} {FUT}, according to a statement from the {ORG}.',
      'According to the {ORG}, inflation rose by {PCT} in {MONTH}.',
      '{PER} sharply criticised the {ORG} for {ISSUE} and called for its leaders to resign.',
      'Talks between {COUNTRY} and {COUNTRY} will continue {FUT} in {CITY}.',
      'On {DATE}, the {ORG} approved a package of {MONEY} for {TOPIC}.',
      '{PER} threatened to impose sanctions on {COUNTRY} if the tensions continue.',
      '{NUMWORD} {UNIT} ago, {PER} had rejected the proposal of the {ORG}.',
      'In {YEAR}, {COUNTRY} sent {NUM} tonnes of {GOODS} to {CITY}.',
      '{PER} {WHEN} backed the plan of the {ORG} for {TOPIC}.',
      'The ministry said {NUM} soldiers had withdrawn from {CITY} over the past {NUMWORD} {UNIT}.',
    ],
    HEADLINES: ['{PER} meets {PER} in {CITY}', '{ORG} accuses {COUNTRY} of {ISSUE}', 'Protest in {CITY}', 'New agreement on {TOPIC}'],
  },
}

const pad = (n) => String(n).padStart(2, '0')

/** Fills one template's slots. */
function fill(template, lang, names, r, published) {
  const w = WORDS[lang]
  const one = (xs) => xs[Math.floor(r() * xs.length)]
  const num = () => {
    const x = r()
    if (x < 0.3) return one(w.NUMWORD.slice(0, 6))
    const n = Math.floor(2 + r() * (x < 0.8 ? 200 : 20000))
    return n >= 1000 ? n.toLocaleString(lang === 'sq' ? 'de-DE' : 'en-US') : String(n)
  }
  const date = () => {
    const d = 1 + Math.floor(r() * 28), m = Math.floor(r() * 12)
    const y = published.year - (r() < 0.7 ? 0 : 1)
    return lang === 'sq' ? `${d} ${w.MONTHS[m]} ${y}` : r() < 0.5 ? `${d} ${w.MONTHS[m]} ${y}` : `${w.MONTHS[m]} ${d}, ${y}`
  }
  return template.replace(/\{([A-Z_]+)\}/g, (_, slot) => {
    switch (slot) {
      case 'PER': return one(names.PER)
      case 'ORG': return one(names.ORG)
      case 'COUNTRY': return one(names.COUNTRY)
      case 'CITY': return one(names.CITY)
      case 'WHEN': { const x = r(); return x < 0.4 ? one(w.WEEKDAY) : x < 0.8 ? one(w.REL) : lang === 'sq' ? `më ${date()}` : `on ${date()}` }
      case 'FUT': return one(w.FUT)
      case 'DATE': return date()
      case 'MONTH': return one(w.MONTHS)
      case 'YEAR': return String(published.year - 1 - Math.floor(r() * 10))
      case 'NUM': return num()
      case 'NUMWORD': { const s = one(w.NUMWORD.slice(0, 7)); return lang === 'en' && template.startsWith('{NUMWORD}') ? s[0].toUpperCase() + s.slice(1) : s }
      case 'UNIT': return one(w.UNIT)
      case 'PCT': { const p = (r() * 12).toFixed(1); return lang === 'sq' ? `${p.replace('.', ',')} për qind` : `${p} percent` }
      case 'MONEY': { const n = 1 + Math.floor(r() * 900); return `${n} ${one(w.MAGNITUDE)} ${one(w.CURRENCY)}` }
      case 'QUOTE': return one(w.QUOTE)
      case 'QUOTE_LC': { const q = one(w.QUOTE); return q[0].toLowerCase() + q.slice(1) }
      default: return one(w[slot])
    }
  })
}

/** A publication date between 2015 and 2025, as `YYYY-MM-DD` (sometimes with a time, as news-please writes it). */
function publicationDate(r) {
  const year = 2015 + Math.floor(r() * 11), month = 1 + Math.floor(r() * 12), day = 1 + Math.floor(r() * 28)
  const value = `${year}-${pad(month)}-${pad(day)}`
  const withTime = r() < 0.2 ? `${value} ${pad(Math.floor(r() * 24))}:${pad(Math.floor(r() * 60))}:00` : value
  return { year, value, date_publish: withTime }
}

/**
 * One article of about `size` bytes of UTF-8 text (exactly `size` or more when `exact`, else drawn between half
 * and one and a half times `size`), in paragraphs of two to five sentences.
 */
export function generateArticle({ seed = 1, index = 0, lang = 'sq', size = 4096, exact = false, names = FALLBACK } = {}) {
  const r = rng(articleSeed(seed, index))
  const language = lang === 'mixed' ? (r() < 0.5 ? 'sq' : 'en') : lang
  const w = WORDS[language], pool = names[language] ?? FALLBACK[language]
  const published = publicationDate(r)
  const target = exact ? size : Math.round(size * (0.5 + r()))
  const paragraphs = []
  let bytes = 0
  while (bytes < target) {
    const sentences = []
    const k = 2 + Math.floor(r() * 4)
    for (let s = 0; s < k; s++) {
      const t = r() < 0.15 ? w.FILLER[Math.floor(r() * w.FILLER.length)] : w.TEMPLATES[Math.floor(r() * w.TEMPLATES.length)]
      sentences.push(fill(t, language, pool, r, published))
    }
    const p = sentences.join(' ')
    paragraphs.push(p)
    bytes += Buffer.byteLength(p) + 2
  }
  const title = fill(w.HEADLINES[Math.floor(r() * w.HEADLINES.length)], language, pool, r, published)
  const id = `gen-${seed}-${index}`
  const slug = title.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60)
  return {
    id,
    text: paragraphs.join('\n\n'),
    date_publish: published.date_publish,
    language,
    title,
    url: `https://news.example/${language}/${published.value.replace(/-/g, '/')}/${slug}-${index}`,
  }
}

/** `count` articles; `lang` is sq, en or mixed (each article either, half and half). */
export async function generateCorpus({ count = 100, seed = 1, lang = 'mixed', size = 4096, names } = {}) {
  const pool = names ?? (await loadNames())
  return Array.from({ length: count }, (_, index) => generateArticle({ seed, index, lang, size, names: pool }))
}

function parseArgs(argv) {
  const opts = { count: 100, seed: 1, lang: 'mixed', size: 4096, out: '-' }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i], v = argv[i + 1]
    const need = () => { if (v === undefined) usage(`${a} needs a value`); i++; return v }
    if (a === '--count') opts.count = Number(need())
    else if (a === '--seed') opts.seed = Number(need())
    else if (a === '--lang') opts.lang = need()
    else if (a === '--size') opts.size = Number(need())
    else if (a === '--out') opts.out = need()
    else if (a === '--help' || a === '-h') usage()
    else usage(`unknown argument ${a}`)
  }
  if (!Number.isInteger(opts.count) || opts.count < 0) usage('--count must be a whole number')
  if (!Number.isInteger(opts.seed)) usage('--seed must be a whole number')
  if (!['sq', 'en', 'mixed'].includes(opts.lang)) usage('--lang must be sq, en or mixed')
  if (!(opts.size >= 64)) usage('--size must be at least 64 (bytes)')
  return opts
}

function usage(problem) {
  if (problem) process.stderr.write(`generate-corpus: ${problem}\n`)
  process.stderr.write('usage: node bench/generate-corpus.mjs --count N --seed S --out FILE.jsonl|DIR/|- [--lang sq|en|mixed] [--size BYTES]\n')
  process.exit(problem ? 2 : 0)
}

async function cli() {
  const opts = parseArgs(process.argv.slice(2))
  const names = await loadNames()
  const folder = opts.out !== '-' && !opts.out.endsWith('.jsonl') && !opts.out.endsWith('.json')
  let fd = 1
  if (folder) mkdirSync(opts.out, { recursive: true })
  else if (opts.out !== '-') fd = openSync(opts.out, 'w')
  let bytes = 0
  let batch = []
  for (let index = 0; index < opts.count; index++) {
    const a = generateArticle({ seed: opts.seed, index, lang: opts.lang, size: opts.size, names })
    bytes += Buffer.byteLength(a.text)
    if (folder) {
      const day = a.date_publish.slice(0, 10)
      const f = openSync(join(opts.out, `${a.id}.txt`), 'w')
      writeSync(f, `date ${day}\n${a.text}\n`)
      closeSync(f)
    } else {
      batch.push(JSON.stringify(a))
      if (batch.length >= 500) { writeSync(fd, batch.join('\n') + '\n'); batch = [] }
    }
  }
  if (batch.length) writeSync(fd, batch.join('\n') + '\n')
  if (fd !== 1) closeSync(fd)
  process.stderr.write(`generate-corpus: ${opts.count} ${opts.lang} articles, ${(bytes / 1e6).toFixed(1)} MB of text (${opts.count ? Math.round(bytes / opts.count) : 0} bytes each on average) → ${opts.out}\n`)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await cli()
