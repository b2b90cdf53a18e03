#!/usr/bin/env node
// The kronika command: runs the compiled CLI (npm run build writes dist/).
import { main } from '../dist/cli/main.js'

main(process.argv.slice(2)).then((code) => { process.exitCode = code })
