#!/usr/bin/env node
import { enableCompileCache } from './cli/compile-cache.js'
import { appPaths } from './config/paths.js'

// First of all, before the rest of the editor is loaded: what is imported from here on is compiled
// once and then read from the cache on later launches.
enableCompileCache(appPaths().compileCacheDir)

const { main } = await import('./cli/main.js')
try {
  process.exitCode = await main(process.argv.slice(2), process.env)
} catch (error) {
  process.stderr.write(`cc-tui: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 1
}
