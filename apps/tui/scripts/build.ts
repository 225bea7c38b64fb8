// Builds dist/: the editor bundled by esbuild into a few ES modules, so that a launch loads a handful of
// files instead of several hundred (module loading was most of the start-up time). `cc-tui get/set`
// load only what they need: the interactive editor (React, Ink, yoga) sits behind a dynamic import and
// lands in chunks of its own.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))
const outdir = `${root}dist`

rmSync(outdir, { recursive: true, force: true })
const result = await build({
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
  metafile: true,
})

writeFileSync(join(outdir, 'THIRD-PARTY-NOTICES.md'), thirdPartyNotices(Object.keys(result.metafile.inputs)))

/** The package a bundled file came from: the nearest package.json with a name and a version. */
function packageOf(file: string): string | undefined {
  for (let dir = dirname(join(root, file)); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json')
    if (!existsSync(manifest)) continue
    const { name, version } = JSON.parse(readFileSync(manifest, 'utf8'))
    if (name && version) return dir
  }
  return undefined
}

/** The licence text of every third-party package in the bundle: their licences ask for it to travel with the code. */
function thirdPartyNotices(inputs: string[]): string {
  const dirs = new Set(inputs.filter((file) => file.includes('node_modules')).flatMap((file) => packageOf(file) ?? []))
  const sections = [...dirs]
    .map((dir) => {
      const { name, version, license } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
      const licenseFile = readdirSync(dir).find((entry) => /^(licen[cs]e|copying)(\.|$)/i.test(entry))
      const text = licenseFile
        ? readFileSync(join(dir, licenseFile), 'utf8').trim()
        : `License: ${license ?? 'unknown'}`
      return { name: `${name}@${version}`, text }
    })
    .sort((a, b) => a.name.localeCompare(b.name))
  return [
    '# Third-party notices',
    '',
    '`cc-tui` is bundled: these packages are part of `dist/`, each under its own licence.',
    ...sections.flatMap(({ name, text }) => ['', `## ${name}`, '', '```', text, '```']),
    '',
  ].join('\n')
}
