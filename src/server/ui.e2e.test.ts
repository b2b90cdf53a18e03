/**
 * End to end: the built web UI in Debian's headless Chromium (playwright-core), against a server on 127.0.0.1 with
 * a store of the example articles. Pastes an article, checks its highlighted facts and events and their evidence,
 * then opens the corpus, timeline, network and map views; screenshots go to test-artifacts/ui/ (git-ignored).
 * Skips, without failing, when Chromium, playwright-core or the built UI is missing.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PACKAGE_ROOT } from '../kb/load-kb.js'
import { openStore } from '../store/database.js'
import { memoryLogger } from './log.js'
import { startServer } from './serve.js'
import { uiBuilt } from './static.js'

const CHROMIUM = process.env.KRONIKA_CHROMIUM ?? '/usr/bin/chromium'
const ARTIFACTS = join(PACKAGE_ROOT, 'test-artifacts', 'ui')
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync']

async function playwright(): Promise<typeof import('playwright-core') | undefined> {
  try { return await import('playwright-core') } catch { return undefined }
}

const pw = await playwright()
const skip = !existsSync(CHROMIUM) ? `no Chromium at ${CHROMIUM} (apt-get install chromium)`
  : !pw ? 'playwright-core is not installed'
  : !uiBuilt() ? 'the web UI is not built (npm run build)'
  : false

test('the web UI: article evidence, corpus, timeline, network and map with real data', { skip, timeout: 180_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kronika-e2e-'))
  const store = openStore(join(dir, 'e2e.db'))
  const server = await startServer({ port: 0, store, log: memoryLogger() })
  const context = await pw!.chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM, args: FLAGS, viewport: { width: 1400, height: 900 }, timeout: 60_000,
  })
  try {
    // the corpus: every example article, stored through the API
    const examples = readdirSync(join(PACKAGE_ROOT, 'examples')).filter((f) => f.endsWith('.txt')).sort()
    for (const f of examples) {
      const res = await fetch(`${server.url}/v1/documents`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: readFileSync(join(PACKAGE_ROOT, 'examples', f)) })
      const body = await res.json() as { ok: number; duplicate: number }
      assert.equal(res.status, 200)
      assert.equal(body.ok + body.duplicate, 1, f)
    }
    mkdirSync(ARTIFACTS, { recursive: true })
    const page = await context.newPage()
    const errors: string[] = []
    const outside: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    page.on('console', (m) => { if (m.type() === 'error' && !m.location().url.includes('/docs/')) errors.push(m.text()) })
    // offline: nothing may leave the server's own origin
    await page.route('**/*', (route) => {
      const url = route.request().url()
      if (url.startsWith(server.url) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue()
      outside.push(url)
      return route.abort()
    })
    const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) })

    // article view: paste, extract, see highlights and events, click through to the evidence
    const article = readFileSync(join(PACKAGE_ROOT, 'examples', 'en-talks.txt'), 'utf8').replace(/^\s*date\s+\S+\s*/, '')
    await page.goto(`${server.url}/#/article`)
    await page.fill('#article-text', article)
    await page.fill('#article-published', '2024-03-14')
    await page.click('#extract-button')
    await page.waitForSelector('#event-list .event-row')
    assert.ok(await page.locator('#doc-text .seg.k-entity').count() >= 5, 'entities highlighted')
    assert.ok(await page.locator('#doc-text .seg.k-event').count() >= 3, 'event triggers highlighted')
    assert.ok(await page.locator('#doc-text .seg.k-time').count() >= 1, 'times highlighted')
    const events = await page.locator('#event-list .event-row').count()
    assert.ok(events >= 3)
    await page.locator('#event-list .event-row').first().click()
    await page.waitForSelector('#evidence')
    const evidence = await page.locator('#evidence').innerText()
    assert.match(evidence, /trigger rule\s+en\.event\./)
    assert.match(evidence, /characters \[\d+, \d+\)/)
    assert.match(evidence, /modality/)
    assert.ok(await page.locator('#doc-text .sel').count() >= 1, 'the selected trigger is marked in the text')
    await shot('article-event')
    await page.locator('#doc-text .seg.k-entity.e-PER').first().click()
    assert.match(await page.locator('#evidence').innerText(), /entity rule\s+\S+/)
    await shot('article-entity')

    // a stored document, opened at an event's evidence from the corpus table
    await page.goto(`${server.url}/#/corpus`)
    await page.waitForSelector('#event-table tbody tr')
    assert.ok(await page.locator('#event-table tbody tr').count() >= 5)
    assert.ok(await page.locator('#facets .facet').count() >= 4)
    await page.fill('#corpus-search', 'Kurti')
    await page.press('#corpus-search', 'Enter')
    await page.waitForSelector('.hits li')
    await page.locator('#event-table tbody tr').first().waitFor()
    await shot('corpus')
    const csv = await (await fetch(server.url + (await page.locator('#export-csv').getAttribute('href'))!)).text()
    assert.match(csv.split('\r\n')[0]!, /^id,type,/)
    await page.locator('#event-table tbody tr td a').first().click()
    await page.waitForSelector('#doc-text .sel')
    await page.waitForSelector('#evidence')
    await shot('stored-document')

    // timeline
    await page.goto(`${server.url}/#/timeline`)
    await page.waitForSelector('#timeline-chart .uplot canvas')
    assert.match(await page.locator('.chart-controls').innerText(), /\d+ events per (day|week|month)/)
    await page.selectOption('#timeline-by', 'quad')
    await page.waitForSelector('#timeline-chart[data-by="quad"] .uplot canvas')
    assert.match(await page.locator('#timeline-chart').innerText(), /verbal cooperation/)
    await shot('timeline')

    // network
    await page.goto(`${server.url}/#/network`)
    await page.waitForSelector('#network-canvas canvas')
    assert.match(await page.locator('#network-summary').innerText(), /^[1-9]\d* actors, [1-9]\d* links/)
    await page.waitForTimeout(500)
    await shot('network')

    // map
    await page.goto(`${server.url}/#/map`)
    await page.waitForSelector('#map-canvas[data-ready="true"]', { timeout: 30_000 })
    assert.match(await page.locator('#map-summary').innerText(), /^[1-9]\d* events with a known place/)
    await page.waitForTimeout(1000)
    await shot('map')

    // the API documentation, from local files
    await page.goto(`${server.url}/docs/`)
    await page.waitForSelector('.swagger-ui .opblock', { timeout: 30_000 })
    assert.ok(await page.locator('.swagger-ui .opblock').count() >= 16, 'every operation is shown')
    assert.doesNotMatch(await page.locator('.swagger-ui').innerText(), /Resolver error|Errors\n|Warning\n/, 'Swagger UI finds no problem in the document')
    await shot('api-docs')

    assert.deepEqual(errors, [], 'no script errors on any page')
    assert.deepEqual(outside, [], 'no request left the server')
  } finally {
    await context.close()
    await server.close()
    store.close()
    rmSync(dir, { recursive: true, force: true })
  }
})
