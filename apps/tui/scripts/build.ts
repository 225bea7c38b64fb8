// Builds dist/: the editor bundled by esbuild into a few ES modules, so that a launch loads a handful of
// files instead of several hundred (module loading was most of the start-up time). `cc-tui get/set`
// load only what they need: the interactive editor (React, Ink, yoga) sits behind a dynamic import and
// lands in chunks of its own.
import { rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))
const outdir = `${root}dist`

rmSync(outdir, { recursive: true, force: true })
await build({
  absWorkingDir: root,
  entryPoints: ['src/cli.ts'],
  outdir,
  outbase: 'src',
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  format: 'esm',
  platform: 'node',
  target: 'node22',
  jsx: 'automatic',
  // Ink loads React's devtools only with DEV=true, and only when the person installed them.
  external: ['react-devtools-core'],
  // Bundled CommonJS (React, signal-exit, …) still calls require() for Node's built-in modules.
  banner: {
    js: "import { createRequire as __ccRequire } from 'node:module';\nconst require = __ccRequire(import.meta.url);",
  },
  // Readable output: stack traces stay meaningful, and each module keeps a comment naming its source.
  minify: false,
  legalComments: 'inline',
  logLevel: 'warning',
})
