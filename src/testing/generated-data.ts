/** Test helper: the generated place data, built when a fresh checkout has not run the build script yet. */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { DEFAULT_DATA_DIR } from '../kb/countries.js'

/** The package root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** Runs scripts/build-places.mjs unless data/generated already holds its output. */
export async function ensureGenerated(): Promise<void> {
  if (existsSync(join(DEFAULT_DATA_DIR, 'countries.json')) && existsSync(join(DEFAULT_DATA_DIR, 'places.json'))) return
  const mod = await import(pathToFileURL(join(ROOT, 'scripts', 'build-places.mjs')).href) as { writePlaces: (root: string) => void }
  mod.writePlaces(ROOT)
}
