// Bundles a smoke entry the way an integrator's build would (esbuild, platform conditions), and proves from the
// bundle's inputs that it holds the built packages (dist/), not their TypeScript sources.
import { build } from 'esbuild'

const BUILT = ['packages/client/dist/', 'packages/schema/dist/']

/** Bundles `entry` (a path under runtimes/) and resolves with the bundled JavaScript text. */
export async function bundle(entry, { runtimesDir, conditions, needs = BUILT }) {
  const result = await build({
    absWorkingDir: runtimesDir,
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    conditions,
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  })
  const inputs = Object.keys(result.metafile.inputs)
  const sources = inputs.filter((input) => /packages\/[^/]+\/src\//.test(input))
  if (sources.length > 0) {
    const more = sources.length > 2 ? ` and ${sources.length - 2} more` : ''
    throw new Error(`${entry} bundled TypeScript sources: ${sources.slice(0, 2).join(', ')}${more}`)
  }
  for (const dir of needs) {
    if (!inputs.some((input) => input.includes(dir))) throw new Error(`${entry} did not bundle ${dir}`)
  }
  return result.outputFiles[0].text
}
