import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build, type Metafile } from 'esbuild'
import type { Benchmark } from '../harness/benchmark.ts'
import { checkBudget, readBudget, writeBudget } from '../harness/budget.ts'
import { budgetFile, rootDir } from '../harness/paths.ts'
import { type Column, type Row, target } from '../harness/report.ts'
import { ratio } from '../harness/stats.ts'

/** A consumer file of bench/src/fixtures/consumers, by name. */
export const consumerFile = (name: string) =>
  fileURLToPath(new URL(`../fixtures/consumers/${name}.ts`, import.meta.url))

const CONSUMERS = [
  { name: '@cc/client + @cc/schema', file: consumerFile('cc-client'), validates: 'both ways' },
  { name: 'openapi-fetch', file: consumerFile('openapi-fetch'), validates: 'nothing' },
  { name: 'ky + zod (hand-written schema)', file: consumerFile('ky-zod'), validates: 'request only' },
] as const

/** The issue's goal for our consumer, gzipped. */
const GOAL_GZIP_BYTES = 40_000

export interface BundleOptions {
  /** Bundle the workspace packages from their TypeScript sources (`@cc/source`) instead of `dist`: no build needed. */
  source?: boolean
  /** Packages left out of the bundle, e.g. `['zod']` (their subpaths too). */
  external?: readonly string[]
}

export interface Bundle {
  code: Uint8Array
  metafile: Metafile
}

export interface BundleSize {
  minified: number
  gzip: number
  /** Minified bytes by package, largest first. */
  byPackage: Array<[string, number]>
}

/** Bundles `entry` the way an application build would: esbuild, minified, ESM, platform neutral. */
export async function bundle(entry: string, options: BundleOptions = {}): Promise<Bundle> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    // Custom conditions replace esbuild's default `module` condition: keep it, as a plain build has it.
    ...(options.source ? { conditions: ['@cc/source', 'module'] } : {}),
    external: (options.external ?? []).flatMap((name) => [name, `${name}/*`]),
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  })
  const code = result.outputFiles[0]?.contents
  if (!code) throw new Error(`esbuild produced nothing for ${entry}`)
  return { code, metafile: result.metafile }
}

const gzipBytes = (code: Uint8Array) => gzipSync(code, { level: 9 }).byteLength
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`

/** The bundle's size, minified and gzipped at level 9, and its minified bytes by package. */
export async function bundleSize(entry: string, options: BundleOptions = {}): Promise<BundleSize> {
  const { code, metafile } = await bundle(entry, options)
  return { minified: code.byteLength, gzip: gzipBytes(code), byPackage: byPackage(metafile) }
}

/** The input files that left code in the bundle, as esbuild names them (relative to the working directory). */
export function bundledModules(metafile: Metafile): string[] {
  const found = new Set<string>()
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, input] of Object.entries(output.inputs)) if (input.bytesInOutput > 0) found.add(path)
  }
  return [...found]
}

function byPackage(metafile: Metafile): Array<[string, number]> {
  const totals = new Map<string, number>()
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, input] of Object.entries(output.inputs)) {
      const name = packageOf(path)
      totals.set(name, (totals.get(name) ?? 0) + input.bytesInOutput)
    }
  }
  return [...totals].sort((a, b) => b[1] - a[1])
}

/** `zod`, `@cc/client`, … from a path esbuild reports (workspace packages resolve to packages/<name>/dist). */
export function packageOf(path: string): string {
  const inModules = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/)
  if (inModules?.[1]) return inModules[1]
  const workspace = path.match(/(?:^|\/)(?:packages|apps)\/([^/]+)\//)
  if (workspace?.[1]) return `@cc/${workspace[1]}`
  return 'consumer'
}

/**
 * Gzip by package, for a bundle of workspace and third-party packages: what each third-party package adds (the
 * bundle minus the same bundle without it), and the workspace code gzipped on its own (every third-party package
 * left out). Gzip shares one dictionary across the file, so these do not add up to the total.
 */
async function gzipByPackage(entry: string, size: BundleSize): Promise<string> {
  const thirdParty = size.byPackage
    .map(([name]) => name)
    .filter((name) => name !== 'consumer' && !name.startsWith('@cc/'))
  const added: string[] = []
  for (const name of thirdParty) {
    const { code } = await bundle(entry, { external: [name] })
    added.push(`${name} adds ${kB(size.gzip - gzipBytes(code))}`)
  }
  const own = gzipBytes((await bundle(entry, { external: thirdParty })).code)
  return `${added.join(', ')} (ours minus ours without it); the @cc packages' own code is ${kB(own)} on its own`
}

export const bundleSizeBenchmark: Benchmark = {
  id: 'size',
  number: 7,
  title: 'Bundle size: a consumer of createClient + UpdateContactInput, minified + gzipped',
  async run({ updateBudget, log }) {
    for (const dist of ['packages/client/dist/index.js', 'packages/schema/dist/index.js']) {
      if (!existsSync(`${rootDir}${dist}`)) throw new Error(`${dist} is missing: run \`pnpm build\` first`)
    }
    const sizes = []
    for (const c of CONSUMERS) {
      const size = await bundleSize(c.file)
      log(`${c.name}: ${size.byPackage.map(([name, bytes]) => `${name} ${bytes}`).join(', ')}`)
      sizes.push({ ...c, ...size })
    }
    const [ours, openapiFetch, kyZod] = sizes as [(typeof sizes)[0], (typeof sizes)[0], (typeof sizes)[0]]
    // One column per package (the consumer's own code last), in the order of their size in ours.
    const packages = [...new Set(sizes.flatMap((s) => s.byPackage.map(([name]) => name)))]
      .filter((name) => name !== 'consumer')
      .concat('consumer')
    const packageColumns: Column[] = packages.map((name) => ({
      key: `package:${name}`,
      label: name === 'consumer' ? 'own code B' : `${name} B`,
    }))
    const rows: Row[] = sizes.map((s) => ({
      consumer: s.name,
      validates: s.validates,
      minified: s.minified,
      gzip: s.gzip,
      vsOpenapiFetch: ratio(s.gzip, openapiFetch.gzip),
      vsKyZod: ratio(s.gzip, kyZod.gzip),
      ...Object.fromEntries(packages.map((name) => [`package:${name}`, new Map(s.byPackage).get(name) ?? null])),
    }))
    const failures: string[] = []
    const notes = [
      'esbuild (bundle, minify, ESM, platform neutral, es2022) of the files in bench/src/fixtures/consumers; gzip level 9 of the output. The workspace packages are bundled from their built dist.',
      "zod is imported as `import * as z from 'zod'` in ours and in the hand-written consumer: with `import { z }` esbuild keeps all of zod, its 50 locales included.",
      `The "B" columns after the ratios split the minified bytes by package (esbuild's metafile); "own code" is the consumer file.`,
      `Ours gzipped by package: ${await gzipByPackage(ours.file, ours)}. Gzip shares one dictionary across the file, so these do not add up to the total.`,
    ]
    if (updateBudget) {
      writeBudget(budgetFile, { gzipBytes: ours.gzip, tolerance: 0.1 })
      notes.push(`Budget recorded: ${ours.gzip} B gzip (bench/size-budget.json).`)
    } else {
      const check = checkBudget(ours.gzip, readBudget(budgetFile))
      if (check.ok) notes.push(check.message)
      else failures.push(check.message)
    }
    return {
      columns: [
        { key: 'consumer', label: 'consumer' },
        { key: 'validates', label: 'validates' },
        { key: 'minified', label: 'minified B' },
        { key: 'gzip', label: 'gzip B' },
        { key: 'vsOpenapiFetch', label: 'vs openapi-fetch', digits: 2 },
        { key: 'vsKyZod', label: 'vs ky + zod', digits: 2 },
        ...packageColumns,
      ],
      rows,
      targets: [
        target(
          `${ours.name} gzipped`,
          `≤ ${GOAL_GZIP_BYTES.toLocaleString('en-US')} B`,
          `${ours.gzip.toLocaleString('en-US')} B`,
          ours.gzip <= GOAL_GZIP_BYTES,
        ),
      ],
      notes,
      failures,
    }
  },
}
