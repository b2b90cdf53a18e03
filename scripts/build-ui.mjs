// Builds the web UI (ui/, vite + preact) into dist-ui/ and puts the API documentation page beside it
// (dist-ui/swagger/: swagger-ui-dist's files and our own start-up script, so /docs works offline).
// Skipped with a note when vite is not installed (an install without dev dependencies ships a built dist-ui/).
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const out = join(root, 'dist-ui')
let vite
try {
  vite = await import('vite')
} catch {
  console.error(`build-ui: vite is not installed; ${existsSync(join(out, 'index.html')) ? 'keeping the built' : 'no'} web UI in dist-ui/`)
  process.exit(0)
}

await vite.build({ configFile: join(root, 'ui', 'vite.config.ts'), logLevel: 'warn' })

const require = createRequire(import.meta.url)
const swaggerDir = dirname(require.resolve('swagger-ui-dist/package.json'))
const docs = join(out, 'swagger')
mkdirSync(docs, { recursive: true })
for (const f of ['swagger-ui.css', 'swagger-ui-bundle.js', 'LICENSE']) copyFileSync(join(swaggerDir, f), join(docs, f))
writeFileSync(join(docs, 'index.html'), `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Kronika API</title>
  <link rel="stylesheet" href="swagger-ui.css">
  <link rel="icon" href="data:,">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="swagger-ui-bundle.js"></script>
  <script src="start.js"></script>
</body>
</html>
`)
// no validator badge: it would call a service on the internet
writeFileSync(join(docs, 'start.js'), `window.ui = SwaggerUIBundle({
  url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true, validatorUrl: null,
  presets: [SwaggerUIBundle.presets.apis], layout: 'BaseLayout',
})
`)
console.error('build-ui: web UI in dist-ui/, API docs in dist-ui/swagger/')
