import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { ApiErrorBody } from '@cc/schema'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createSandbox, type Sandbox } from '../src/index.js'
import { call } from './call.js'
import { type RunningCli, runCli, startCli } from './run-cli.js'

interface RawResult {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** One request with exactly these headers (`host` included), from `localAddress` when given. */
function raw(
  url: string,
  options: { method?: string; headers?: Record<string, string>; localAddress?: string } = {},
): Promise<RawResult> {
  const target = new URL(url)
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: target.hostname.replace(/^\[(.*)\]$/, '$1'),
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: options.method ?? 'GET',
        headers: { host: target.host, ...options.headers },
        ...(options.localAddress ? { localAddress: options.localAddress } : {}),
        agent: false,
      },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => {
          body += chunk
        })
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      },
    )
    req.on('error', reject)
    req.end()
  })
}

const errorCode = (result: RawResult) => ApiErrorBody.parse(JSON.parse(result.body)).error

describe('Host header: a listening sandbox answers only to its own names (DNS rebinding)', () => {
  let sandbox: Sandbox
  let port: string
  beforeAll(async () => {
    sandbox = await createSandbox({ listen: { port: 0 }, seed: false })
    port = new URL(sandbox.url).port
  })
  afterAll(() => sandbox.close())
  const auth = () => ({ authorization: `Bearer ${sandbox.apiKey}` })

  it('on 127.0.0.1: 127.0.0.1, localhost and [::1], with the port, with another port or none', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, 'LOCALHOST.:80', '127.0.0.1']) {
      const res = await raw(`${sandbox.url}/me`, { headers: { ...auth(), host } })
      expect(res.status, host).toBe(200)
    }
  })

  it('another name gets a 400 bad_request that says which names it answers to, before any key is checked', async () => {
    for (const host of [`evil.example:${port}`, 'localhost.evil.example', `127.0.0.1.nip.io:${port}`, '10.1.2.3']) {
      const res = await raw(`${sandbox.url}/me`, { headers: { ...auth(), host } })
      expect(res.status, host).toBe(400)
      const error = errorCode(res)
      expect(error.code).toBe('bad_request')
      expect(error.message).toContain(`Host "${host}" is not a name of this sandbox`)
      expect(error.message).toContain('127.0.0.1, localhost, [::1]')
      expect(error.message).toContain('DNS rebinding')
    }
    // No key needed to be refused.
    expect((await raw(`${sandbox.url}/me`, { headers: { host: 'evil.example' } })).status).toBe(400)
    const openapi = await raw(sandbox.url.replace(/\/v1$/, '/openapi.json'), { headers: { host: 'evil.example' } })
    expect(openapi.status).toBe(400)
  })

  it('in-process fetch is not a network request: no Host to check', async () => {
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:/)
    const res = await sandbox.fetch(new Request('http://localhost/v1/me', { headers: auth() }))
    expect(res.status).toBe(200)
    const other = await sandbox.fetch(new Request('http://anything.example/v1/me', { headers: auth() }))
    expect(other.status).toBe(200)
  })

  it('listen.hosts adds names; a wildcard bind answers to any IP address and the machine name', async () => {
    const named = await createSandbox({ listen: { port: 0, hosts: ['sandbox.test'] }, seed: false })
    try {
      const namedPort = new URL(named.url).port
      const headers = { authorization: `Bearer ${named.apiKey}` }
      expect(
        (await raw(`${named.url}/me`, { headers: { ...headers, host: `sandbox.test:${namedPort}` } })).status,
      ).toBe(200)
      expect((await raw(`${named.url}/me`, { headers: { ...headers, host: 'other.test' } })).status).toBe(400)
    } finally {
      await named.close()
    }
    const wildcard = await createSandbox({ listen: { port: 0, host: '0.0.0.0' }, seed: false })
    try {
      const local = wildcard.url.replace('0.0.0.0', '127.0.0.1')
      const headers = { authorization: `Bearer ${wildcard.apiKey}` }
      for (const host of ['192.168.7.7:4010', '[fe80::1]', hostname(), 'localhost']) {
        expect((await raw(`${local}/me`, { headers: { ...headers, host } })).status, host).toBe(200)
      }
      expect((await raw(`${local}/me`, { headers: { ...headers, host: 'evil.example' } })).status).toBe(400)
    } finally {
      await wildcard.close()
    }
  })
})

describe('failed authentications count toward a limit per client, apart from the per-key budget', () => {
  let sandbox: Sandbox
  beforeAll(async () => {
    sandbox = await createSandbox({
      listen: { port: 0 },
      seed: false,
      rateLimit: { requests: 100, windowMs: 60_000 },
    })
  })
  afterEach(() => sandbox.reset())
  afterAll(() => sandbox.close())

  const asClient = (localAddress: string, key: string) =>
    raw(`${sandbox.url}/me`, { headers: { authorization: `Bearer ${key}` }, localAddress })

  it('a guessing address gets 429s with Retry-After after 10 attempts (the default), even with the right key', async () => {
    const budget = await asClient('127.0.0.1', sandbox.apiKey)
    expect(budget.headers['x-ratelimit-remaining']).toBe('99')
    for (let i = 0; i < 10; i++) expect((await asClient('127.0.0.1', `ccmd_test_guess${i}`)).status).toBe(401)
    const limited = await asClient('127.0.0.1', 'ccmd_test_guess10')
    expect(limited.status).toBe(429)
    expect(errorCode(limited)).toMatchObject({ code: 'rate_limited' })
    expect(errorCode(limited).message).toMatch(/Too many failed authentications from this client/)
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
    expect((await asClient('127.0.0.1', sandbox.apiKey)).status).toBe(429)
    // Another address is another client; the guesses did not spend the key's own budget.
    const other = await asClient('127.0.0.2', sandbox.apiKey)
    expect(other.status).toBe(200)
    expect(other.headers['x-ratelimit-remaining']).toBe('98')
    // reset() clears the windows.
    await sandbox.reset()
    expect((await asClient('127.0.0.1', sandbox.apiKey)).status).toBe(200)
  })

  it('a missing or malformed Authorization header guesses nothing and is not counted', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await raw(`${sandbox.url}/me`, { headers: {} })).status).toBe(401)
      expect((await raw(`${sandbox.url}/me`, { headers: { authorization: 'Basic abc' } })).status).toBe(401)
    }
    expect((await asClient('127.0.0.1', sandbox.apiKey)).status).toBe(200)
  })

  it('in-process, every caller is one client; failedAuthLimit sets the attempts, false turns it off', async () => {
    const local = await createSandbox({ seed: false, failedAuthLimit: { attempts: 3, windowMs: 60_000 } })
    try {
      for (let i = 0; i < 3; i++)
        expect((await call(local, 'GET', '/me', { key: `ccmd_test_wrong${i}` })).status).toBe(401)
      const limited = await call(local, 'GET', '/me', { key: 'ccmd_test_wrong3' })
      expect(limited.status).toBe(429)
      expect(limited.headers.get('Retry-After')).toMatch(/^\d+$/)
      expect((await call(local, 'GET', '/me')).status).toBe(429)
    } finally {
      await local.close()
    }
    const unlimited = await createSandbox({ seed: false, failedAuthLimit: false })
    try {
      for (let i = 0; i < 15; i++)
        expect((await call(unlimited, 'GET', '/me', { key: 'ccmd_test_wrong' })).status).toBe(401)
      expect((await call(unlimited, 'GET', '/me')).status).toBe(200)
    } finally {
      await unlimited.close()
    }
  })
})

describe('a sandbox other machines can reach warns that it speaks plain HTTP', () => {
  const warningsDuring = async (work: () => Promise<void>) => {
    const seen: (Error & { code?: string })[] = []
    const listener = (warning: Error) => seen.push(warning)
    process.on('warning', listener)
    try {
      await work()
      await new Promise((resolve) => setImmediate(resolve))
    } finally {
      process.off('warning', listener)
    }
    return seen
  }

  it('a SecurityWarning for 0.0.0.0, none for loopback', async () => {
    const exposed = await warningsDuring(async () => {
      const sandbox = await createSandbox({ listen: { port: 0, host: '0.0.0.0' }, seed: false })
      await sandbox.close()
    })
    expect(exposed).toHaveLength(1)
    expect(exposed[0]?.name).toBe('SecurityWarning')
    expect(exposed[0]?.code).toBe('CC_SANDBOX_PLAIN_HTTP')
    expect(exposed[0]?.message).toMatch(/^listening on 0\.0\.0\.0:\d+ over plain HTTP, reachable from other machines/)
    const loopback = await warningsDuring(async () => {
      for (const host of ['127.0.0.1', 'localhost']) {
        const sandbox = await createSandbox({ listen: { port: 0, host }, seed: false })
        await sandbox.close()
      }
    })
    expect(loopback).toEqual([])
  })

  it('the CLI shows it as a banner on stderr', async () => {
    const cli = await startCli(['--port', '0', '--host', '0.0.0.0', '--quiet', '--empty'])
    try {
      await new Promise((resolve) => setTimeout(resolve, 100))
      expect(cli.stderr()).toMatch(/cc-sandbox:\n {2}!! WARNING: listening on 0\.0\.0\.0:\d+ over plain HTTP/)
      expect(cli.stderr()).not.toContain('(node:')
    } finally {
      cli.child.kill('SIGKILL')
    }
    const quiet = await startCli(['--port', '0', '--quiet', '--empty'])
    try {
      await new Promise((resolve) => setTimeout(resolve, 100))
      expect(quiet.stderr()).toBe('')
    } finally {
      quiet.child.kill('SIGKILL')
    }
  })
})

describe('--api-key values are never printed back in full', () => {
  const KEY = 'ccmd_test_do_not_print_me_0123456789'
  let cli: RunningCli | undefined
  afterEach(() => cli?.child.kill('SIGKILL'))

  it('the start-up banner shows a short prefix; the key works', async () => {
    cli = await startCli(['--port', '0', '--empty', '--api-key', KEY, '--api-key', `${KEY}_2`])
    const res = await fetch(`${cli.url}/me`, { headers: { Authorization: `Bearer ${KEY}` } })
    expect(res.status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 50))
    const output = cli.stdout() + cli.stderr()
    expect(output).toContain('API key:  ccmd_t… (from --api-key, and 1 more)')
    expect(output).toContain('Authorization: Bearer <your key>')
    expect(output).not.toContain(KEY.slice(0, 12))
  })

  it('nor in a usage error, when a key lost its flag', async () => {
    const { code, stdout, stderr } = await runCli(['--port', '0', KEY])
    expect(code).toBe(2)
    expect(stderr).toContain('unexpected positional argument')
    expect(stdout + stderr).not.toContain(KEY)
  })
})

describe('the data folder and database are the owner’s only', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-sandbox-perm-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('a new data folder is 0700; the database and its WAL are 0600', async () => {
    const dataDir = join(dir, 'nested', 'data')
    const sandbox = await createSandbox({ dataDir, seed: false })
    try {
      expect((await call(sandbox, 'POST', '/people', { body: { firstName: 'Private' } })).status).toBe(201)
      expect(statSync(dataDir).mode & 0o777).toBe(0o700)
      expect(statSync(join(dir, 'nested')).mode & 0o777).toBe(0o700)
      expect(statSync(join(dataDir, 'sandbox.db')).mode & 0o777).toBe(0o600)
      expect(statSync(join(dataDir, 'sandbox.db-wal')).mode & 0o777).toBe(0o600)
    } finally {
      await sandbox.close()
    }
  })
})
