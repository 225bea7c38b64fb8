import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build, type Metafile } from 'esbuild'
import type { Benchmark } from '../harness/benchmark.ts'
import { checkBudget, readBudget, writeBudget } from '../harness/budget.ts'
import { budgetFile, rootDir } from '../harness/paths.ts'
import type { Row } from '../harness/report.ts'
import { ratio } from '../harness/stats.ts'

const consumer = (name: string) => fileURLToPath(new URL(`../fixtures/consumers/${name}.ts`, import.meta.url))

const CONSUMERS = [
  { name: '@cc/client + @cc/schema', file: consumer('cc-client'), validates: 'both ways' },
  { name: 'openapi-fetch', file: consumer('openapi-fetch'), validates: 'nothing' },
  { name: 'ky + zod (hand-written schema)', file: consumer('ky-zod'), validates: 'request only' },
] as const

export interface BundleSize {
  minified: number
  gzip: number
  /** Minified bytes by package, largest first. */
  byPackage: Array<[string, number]>
}

/** Bundles `entry` the way an application build would (esbuild, minified, ESM), and gzips it at level 9. */
export async function bundleSize(entry: string): Promise<BundleSize> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  })
  const code = result.outputFiles[0]?.contents
  if (!code) throw new Error(`esbuild produced nothing for ${entry}`)
  return {
    minified: code.byteLength,
    gzip: gzipSync(code, { level: 9 }).byteLength,
    byPackage: byPackage(result.metafile),
  }
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
function packageOf(path: string): string {
  const inModules = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/)
  if (inModules?.[1]) return inModules[1]
  const workspace = path.match(/(?:^|\/)(?:packages|apps)\/([^/]+)\//)
  if (workspace?.[1]) return `@cc/${workspace[1]}`
  return 'consumer'
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
    const rows: Row[] = sizes.map((s) => ({
      consumer: s.name,
      validates: s.validates,
      minified: s.minified,
      gzip: s.gzip,
      vsOpenapiFetch: ratio(s.gzip, openapiFetch.gzip),
      vsKyZod: ratio(s.gzip, kyZod.gzip),
    }))
    const failures: string[] = []
    const notes = [
      'esbuild (bundle, minify, ESM, platform neutral, es2022) of the files in bench/src/fixtures/consumers; gzip level 9 of the output. The workspace packages are bundled from their built dist.',
      `Ours by package (minified bytes): ${ours.byPackage.map(([name, bytes]) => `${name} ${bytes}`).join(', ')}.`,
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
      ],
      rows,
      targets: [],
      notes,
      failures,
    }
  },
}
