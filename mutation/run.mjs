// pnpm test:mutation [scope...] [--full] [--concurrency <n>]
// Runs Stryker for each scope (all of them, one after another, when none is named), incrementally against the
// committed baseline in mutation/baseline/ unless --full, and prints each scope's mutation score at the end.
import { spawn } from 'node:child_process'
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { aliveMutants, readReport, summarize } from './report.mjs'
import { scopeNames } from './scopes.mjs'

const repo = join(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const full = args.includes('--full')
// Stryker's worker count (default 2, one per core): 1 when other heavy work shares the machine.
const concurrencyAt = args.indexOf('--concurrency')
const concurrency = concurrencyAt >= 0 ? (args[concurrencyAt + 1] ?? '') : undefined
if (concurrencyAt >= 0) args.splice(concurrencyAt, 2)
const unknownFlags = args.filter((arg) => arg.startsWith('-') && arg !== '--full')
const asked = args.filter((arg) => !arg.startsWith('-'))
if (concurrency !== undefined && !/^[1-9]\d*$/.test(concurrency)) {
  console.error('--concurrency takes a whole number of workers, at least 1')
  process.exit(2)
}
const unknownScopes = asked.filter((name) => !scopeNames.includes(name))
if (unknownFlags.length > 0 || unknownScopes.length > 0) {
  console.error(`unknown ${unknownFlags.length > 0 ? `flag ${unknownFlags[0]}` : `scope "${unknownScopes[0]}"`}`)
  console.error(`usage: pnpm test:mutation [${scopeNames.join('|')}]... [--full] [--concurrency <n>]`)
  process.exit(2)
}
const selected = asked.length > 0 ? asked : scopeNames

/** Runs a command in the repository, echoing its output and copying it to `logFile` when given. */
function run(command, commandArgs, logFile) {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] })
    const log = logFile ? createWriteStream(logFile) : undefined
    for (const [stream, out] of [
      [child.stdout, process.stdout],
      [child.stderr, process.stderr],
    ]) {
      stream.on('data', (chunk) => {
        out.write(chunk)
        log?.write(chunk)
      })
    }
    child.on('close', (code) => {
      log?.end()
      resolve(code ?? 1)
    })
  })
}

// The sandbox's and editor's CLI tests spawn the built dist/cli.js (never mutated): make sure it exists.
if ((await run('pnpm', ['exec', 'turbo', 'run', 'build', '--output-logs=errors-only'])) !== 0) process.exit(1)

const results = []
for (const name of selected) {
  const out = join(repo, 'reports', 'mutation', name)
  mkdirSync(out, { recursive: true })
  console.log(`\n== mutation testing: ${name}${full ? ' (full run)' : ''}`)
  const started = Date.now()
  const strykerArgs = ['exec', 'stryker', 'run', `mutation/${name}.stryker.mjs`, ...(full ? ['--force'] : [])]
  if (concurrency !== undefined) strykerArgs.push('--concurrency', concurrency)
  const code = await run('pnpm', strykerArgs, join(out, 'stryker.log'))
  const minutes = (Date.now() - started) / 60_000
  if (code !== 0) {
    results.push({ name, code, minutes })
    continue
  }
  const report = readReport(join(out, 'mutation.json'))
  const alive = aliveMutants(report, repo)
  writeFileSync(join(out, 'survivors.txt'), alive.length > 0 ? `${alive.join('\n')}\n` : '')
  results.push({ name, code, minutes, ...summarize(report) })
}

console.log('\nscope    score   killed survived timeout no-cov errors  time')
for (const r of results) {
  const time = `${r.minutes.toFixed(1)} min`
  if (r.code !== 0) {
    console.log(`${r.name.padEnd(8)} failed (Stryker exited ${r.code}; see reports/mutation/${r.name}/stryker.log)`)
    continue
  }
  const cells = [r.Killed, r.Survived, r.Timeout, r.NoCoverage, r.errors]
  console.log(
    `${r.name.padEnd(8)} ${`${r.score.toFixed(1)} %`.padStart(7)} ${cells.map((n, i) => String(n).padStart([6, 8, 7, 6, 6][i])).join(' ')}  ${time}`,
  )
}
console.log('\nreports: reports/mutation/<scope>/ (index.html, mutation.json, survivors.txt, stryker.log)')
process.exit(results.some((r) => r.code !== 0) ? 1 : 0)
