#!/usr/bin/env node
// Packs every published package, installs the tarballs with plain npm into a temporary project outside the
// repository (the way a user would), and uses them: types under nodenext and bundler resolution, an ESM script
// that drives the sandbox through the client, require() from CommonJS, and the two bins.
// Any failure prints what broke and exits non-zero.
import { execFileSync, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const published = ['packages/schema', 'packages/client', 'packages/sandbox', 'apps/tui']
const work = mkdtempSync(join(tmpdir(), 'cc-pack-'))
const tarballs = join(work, 'tarballs')
const app = join(work, 'consumer')
const keep = process.argv.includes('--keep')

// A user's shell has none of the npm_* / pnpm variables a package script inherits; npm misbehaves with them
// (a nested `npx` inside `npx -c` fails with EUSAGE), so the consumer's commands run in a clean environment.
const userEnv = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !/^(npm_|pnpm_|PNPM_|INIT_CWD$|COREPACK_)/i.test(name)),
)

const failures = []
function run(command, args, options = {}) {
  return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options })
}
async function check(name, fn) {
  const started = Date.now()
  try {
    const detail = await fn()
    console.log(`✓ ${name}${detail ? ` — ${detail}` : ''} (${Date.now() - started} ms)`)
  } catch (error) {
    const output = [error.stdout, error.stderr].filter(Boolean).join('\n').trim()
    console.log(`✗ ${name}\n${String(error.message ?? error)}${output ? `\n${output}` : ''}`)
    failures.push(name)
  }
}
function assert(condition, message) {
  if (!condition) throw new Error(message)
}

/** Starts `cc-sandbox` from the installed package and resolves with its base URL and test key. */
function startSandbox() {
  const child = spawn(join(app, 'node_modules/.bin/cc-sandbox'), ['--port', '0', '--memory'], {
    cwd: app,
    env: userEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return new Promise((resolvePromise, reject) => {
    let seen = ''
    const timer = setTimeout(() => reject(new Error(`cc-sandbox printed no URL and key:\n${seen}`)), 15_000)
    const onData = (chunk) => {
      seen += chunk
      const url = seen.match(/http:\/\/127\.0\.0\.1:\d+\/v1/)?.[0]
      const key = seen.match(/\bccmd_[A-Za-z0-9_-]+/)?.[0]
      if (url && key) {
        clearTimeout(timer)
        resolvePromise({ url, key, stop: () => child.kill('SIGTERM') })
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('exit', (code) => reject(new Error(`cc-sandbox exited with ${code}:\n${seen}`)))
  })
}

try {
  console.log(`packing into ${work}`)
  run('pnpm', ['exec', 'turbo', 'run', 'build', '--output-logs=errors-only'], { cwd: root, stdio: 'inherit' })
  mkdirSync(tarballs, { recursive: true })
  for (const dir of published) run('pnpm', ['pack', '--pack-destination', tarballs], { cwd: join(root, dir) })
  const packed = readdirSync(tarballs).filter((file) => file.endsWith('.tgz'))
  assert(packed.length === published.length, `expected ${published.length} tarballs, got ${packed.join(', ')}`)

  await check('packed manifests have no workspace: or catalog: ranges; the bundled editor carries its notices', () => {
    for (const file of packed) {
      const manifest = run('tar', ['-xOzf', join(tarballs, file), 'package/package.json'])
      assert(!/"(workspace|catalog):/.test(manifest), `${file} still has a workspace:/catalog: range`)
      const listing = run('tar', ['-tzf', join(tarballs, file)])
      assert(!/\.test\.|\/test\//.test(listing), `${file} ships test files:\n${listing}`)
    }
    const tui = packed.find((file) => file.startsWith('cc-tui-'))
    const notices = run('tar', ['-xOzf', join(tarballs, tui), 'package/dist/THIRD-PARTY-NOTICES.md'])
    for (const bundled of ['ink@', 'react@', 'ky@', 'zod@'])
      assert(notices.includes(`## ${bundled}`), `the bundled editor ships no licence notice for ${bundled}`)
    return packed.join(', ')
  })

  mkdirSync(app, { recursive: true })
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }))
  await check('npm install of the tarballs', () => {
    run(
      'npm',
      [
        'install',
        '--no-audit',
        '--no-fund',
        ...packed.map((file) => join(tarballs, file)),
        'zod@^4',
        'typescript@^7',
        '@types/node@^22',
      ],
      { cwd: app, env: userEnv },
    )
  })

  writeFileSync(
    join(app, 'consumer.ts'),
    `import { type CcClient, createClient, NotFoundError } from '@cc/client'
import { UpdateContactInput, type Person } from '@cc/schema'
import { createSandbox, type Sandbox } from '@cc/sandbox'

const patch: UpdateContactInput = UpdateContactInput.parse({ city: 'Austin', tags: ['VIP'] })
const sandbox: Sandbox = await createSandbox()
const cc: CcClient = createClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.url, fetch: sandbox.fetch })
const page = await cc.people.list({ limit: 1 })
const first: Person | undefined = page.data[0]
if (first) await cc.people.update(first.id, patch)
export const isNotFound = (error: unknown): boolean => error instanceof NotFoundError
// @ts-expect-error price is a number
export const wrong: UpdateContactInput = { price: '12' }
await sandbox.close()
`,
  )
  for (const resolution of ['nodenext', 'bundler']) {
    await check(`types under moduleResolution ${resolution}`, () => {
      const compilerOptions = {
        strict: true,
        noEmit: true,
        target: 'es2023',
        lib: ['es2023', 'dom'],
        types: ['node'],
        skipLibCheck: false,
        module: resolution === 'nodenext' ? 'nodenext' : 'preserve',
        moduleResolution: resolution,
      }
      writeFileSync(
        join(app, `tsconfig.${resolution}.json`),
        JSON.stringify({ compilerOptions, files: ['consumer.ts'] }, null, 2),
      )
      run(join(app, 'node_modules/.bin/tsc'), ['-p', `tsconfig.${resolution}.json`], { cwd: app, env: userEnv })
    })
  }

  writeFileSync(
    join(app, 'smoke.mjs'),
    `import { createClient } from '@cc/client'
import { createSandbox } from '@cc/sandbox'

const sandbox = await createSandbox({ listen: { port: 0 } })
try {
  const cc = createClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.url })
  const { data: [person] } = await cc.people.list({ limit: 1 })
  const city = person.city === 'Packtown' ? 'Tarball City' : 'Packtown'
  await cc.people.update(person.id, { city })
  const after = await cc.people.get(person.id)
  if (after.city !== city) throw new Error('update did not stick: ' + JSON.stringify(after))
  console.log(person.id + ' city: ' + (person.city ?? '(none)') + ' → ' + after.city)
} finally {
  await sandbox.close()
}
`,
  )
  await check('ESM: sandbox + client update and read back over loopback', () =>
    run('node', ['smoke.mjs'], { cwd: app, env: userEnv }).trim(),
  )

  writeFileSync(
    join(app, 'smoke.cjs'),
    `const { createClient } = require('@cc/client')
const schema = require('@cc/schema')
if (typeof createClient !== 'function') throw new Error('createClient is not a function')
if (!schema.UpdateContactInput.safeParse({ city: 'Austin' }).success) throw new Error('schema did not load')
console.log('require() of ESM works on Node ' + process.versions.node)
`,
  )
  await check('CommonJS: require(@cc/client)', () => run('node', ['smoke.cjs'], { cwd: app, env: userEnv }).trim())

  await check('npx cc-sandbox --help', () => {
    const help = run('npx', ['--no-install', 'cc-sandbox', '--help'], { cwd: app, env: userEnv })
    assert(/--port/.test(help) && /--seed/.test(help), `help does not document the flags:\n${help}`)
  })
  await check('npx cc-tui --version', () => {
    const version = run('npx', ['--no-install', 'cc-tui', '--version'], { cwd: app, env: userEnv }).trim()
    const expected = JSON.parse(readFileSync(join(root, 'apps/tui/package.json'), 'utf8')).version
    assert(version.includes(expected), `expected ${expected}, got ${version}`)
    return version
  })
  await check('cc-tui get <id> --json against cc-sandbox', async () => {
    const server = await startSandbox()
    try {
      const list = await fetch(`${server.url}/people?limit=1`, { headers: { authorization: `Bearer ${server.key}` } })
      const id = (await list.json()).data[0].id
      const env = { ...userEnv, CC_API_KEY: server.key, CC_BASE_URL: server.url }
      const out = run('npx', ['--no-install', 'cc-tui', 'get', id, '--json'], { cwd: app, env })
      const person = JSON.parse(out)
      assert(person.id === id, `expected contact ${id}, got ${out.slice(0, 200)}`)
      assert(!out.includes(server.key), 'the API key appears in the output')
      return `${id} → ${person.firstName} ${person.lastName}`
    } finally {
      server.stop()
    }
  })
} catch (error) {
  console.log(`✗ setup\n${error.stack ?? error}`)
  failures.push('setup')
} finally {
  if (!keep) rmSync(work, { recursive: true, force: true })
}

if (failures.length > 0) {
  console.log(`\ntest:pack failed: ${failures.join('; ')}`)
  process.exit(1)
}
console.log('\ntest:pack passed: the packed packages install and work outside the workspace')
