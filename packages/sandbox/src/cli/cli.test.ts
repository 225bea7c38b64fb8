import { afterEach, describe, expect, it } from 'vitest'
import { type RunningCli, runCli, startCli } from '../test-cli.js'
import { DEFAULT_FAULT_KINDS, DEFAULT_PORT, parseCliArgs } from './args.js'
import { hideSqliteExperimentalWarning } from './warnings.js'

describe('parseCliArgs', () => {
  it('defaults to 127.0.0.1:4010, in memory, seed 1, no faults', () => {
    expect(parseCliArgs([])).toEqual({
      help: false,
      quiet: false,
      reset: false,
      options: { listen: { port: DEFAULT_PORT, host: '127.0.0.1' } },
    })
  })

  it('maps every flag to a sandbox option', () => {
    const config = parseCliArgs([
      ...['--port', '0', '--host', '::1', '--data', '/tmp/x', '--seed', '7', '--reset', '--quiet'],
      ...['--api-key', 'k1', '--api-key', 'k2', '--rate-limit', '5', '--rate-window', '1000'],
      ...['--fault-rate', '0.25', '--fault-kinds', '500,slow-body', '--fault-seed', '3', '--latency', '50'],
    ])
    expect(config).toEqual({
      help: false,
      quiet: true,
      reset: true,
      options: {
        listen: { port: 0, host: '::1' },
        dataDir: '/tmp/x',
        seed: 7,
        apiKeys: ['k1', 'k2'],
        rateLimit: { requests: 5, windowMs: 1000 },
        faults: { rate: 0.25, kinds: ['500', 'slow-body'], seed: 3, latencyMs: 50 },
      },
    })
    expect(parseCliArgs(['--fault-rate', '0.1']).options.faults).toEqual({ rate: 0.1, kinds: DEFAULT_FAULT_KINDS })
    expect(parseCliArgs(['--empty']).options.seed).toBe(false)
  })

  it('--contacts asks for that many demo contacts, with --seed or the default seed', () => {
    expect(parseCliArgs(['--contacts', '100000']).options.seed).toEqual({ contacts: 100_000 })
    expect(parseCliArgs(['--contacts', '0', '--seed', '7']).options.seed).toEqual({ value: 7, contacts: 0 })
    expect(() => parseCliArgs(['--contacts=-1'])).toThrow(/--contacts must be a whole number from 0 to 1000000/)
    expect(() => parseCliArgs(['--contacts', '2000000'])).toThrow(/--contacts must be a whole number/)
    expect(() => parseCliArgs(['--contacts', '5', '--empty'])).toThrow(/--contacts and --empty exclude each other/)
  })

  it('--profile picks how closely to play the API', () => {
    expect(parseCliArgs(['--profile', 'docs']).options.profile).toBe('docs')
    expect(parseCliArgs(['--profile', 'sandbox']).options.profile).toBe('sandbox')
    expect(parseCliArgs([]).options).not.toHaveProperty('profile')
  })

  it('names the flag and the rule for bad values', () => {
    const bad: [string[], RegExp][] = [
      [['--port', 'abc'], /--port must be a whole number from 0 to 65535/],
      [['--port', '70000'], /--port/],
      [['--fault-rate', '2'], /--fault-rate must be a number from 0 to 1/],
      [['--fault-rate', '0.1', '--fault-kinds', '500,boom'], /unknown kind "boom"/],
      [['--latency', '5'], /--latency needs --fault-rate/],
      [['--data', 'x', '--memory'], /exclude each other/],
      [['--reset'], /--reset needs --data/],
      [['--rate-window', '5'], /needs --rate-limit/],
      [['--nope'], /Unknown option '--nope'/],
      [['--profile', 'strict'], /--profile must be sandbox or docs \(got "strict"\)/],
      [['extra'], /positional/],
    ]
    for (const [args, message] of bad) expect(() => parseCliArgs(args), args.join(' ')).toThrow(message)
  })
})

describe('hideSqliteExperimentalWarning', () => {
  it('drops only the SQLite experimental warning', () => {
    const original = process.emitWarning
    const seen: string[] = []
    const listener = (warning: Error) => seen.push(`${warning.name}: ${warning.message}`)
    process.on('warning', listener)
    try {
      hideSqliteExperimentalWarning()
      process.emitWarning('SQLite is an experimental feature and might change at any time', 'ExperimentalWarning')
      process.emitWarning('Something else is experimental', 'ExperimentalWarning')
      process.emitWarning(new Error('a plain warning'))
    } finally {
      process.emitWarning = original
    }
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        process.off('warning', listener)
        expect(seen).toEqual(['ExperimentalWarning: Something else is experimental', 'Error: a plain warning'])
        resolve()
      }),
    )
  })
})

describe('cc-sandbox (built CLI)', () => {
  let running: RunningCli | undefined
  afterEach(() => {
    running?.child.kill('SIGKILL')
    running = undefined
  })

  it('--help documents every flag and exits 0', async () => {
    const { code, stdout } = await runCli(['--help'])
    expect(code).toBe(0)
    for (const flag of [
      '--port',
      '--host',
      '--data',
      '--memory',
      '--seed',
      '--contacts',
      '--reset',
      '--fault-rate',
      '--fault-kinds',
      '--profile',
    ]) {
      expect(stdout).toContain(flag)
    }
    expect(stdout).toContain('--latency')
  })

  it('exits 2 with the reason for a bad flag', async () => {
    const { code, stderr } = await runCli(['--port', 'x'])
    expect(code).toBe(2)
    expect(stderr).toContain('--port must be a whole number')
    expect(stderr).toContain('--help')
  })

  it('prints the URL and key, logs each request without the key, stops cleanly on SIGTERM and SIGINT', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      running = await startCli(['--port', '0', '--empty'])
      expect(running.stdout()).toContain('Profile:  sandbox')
      expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/)
      expect(running.apiKey).toMatch(/^ccmd_test_/)
      const res = await fetch(`${running.url}/me`, { headers: { Authorization: `Bearer ${running.apiKey}` } })
      expect(res.status).toBe(200)
      const requestId = res.headers.get('X-Request-Id') as string
      await new Promise((resolve) => setTimeout(resolve, 50))
      const logLine =
        running
          .stdout()
          .split('\n')
          .find((line) => line.includes(requestId)) ?? ''
      expect(logLine).toMatch(/ GET \/v1\/me 200 [\d.]+ms /)
      expect(logLine).not.toContain(running.apiKey)
      running.child.kill(signal)
      expect(await running.exited).toEqual({ code: 0, signal: null })
      expect(running.stdout()).toContain(`stopped (${signal})`)
      // Node 22 warns when node:sqlite loads; the CLI keeps that out of its output.
      expect(running.stderr()).toBe('')
    }
  })

  it('--profile docs serves only what the docs state, and says so on start', async () => {
    running = await startCli(['--port', '0', '--profile', 'docs'])
    expect(running.stdout()).toContain('Profile:  docs (only what the API docs state)')
    const headers = { Authorization: `Bearer ${running.apiKey}` }
    const page = await fetch(`${running.url}/people?limit=1`, { headers })
    expect(page.headers.get('X-Request-Id')).toBeNull()
    const body = (await page.json()) as { data: { id: string }[]; meta: { requestId: string } }
    const get = await fetch(`${running.url}/people/${body.data[0]?.id}`, { headers })
    expect(get.status).toBe(405)
    expect(get.headers.get('Allow')).toBe('PUT, DELETE')
    await new Promise((resolve) => setTimeout(resolve, 50))
    // The log still names each request, by the id its body gives.
    expect(running.stdout()).toContain(` GET /v1/people 200 `)
    expect(running.stdout()).toContain(body.meta.requestId)
  })

  it('--contacts starts with that many contacts', async () => {
    running = await startCli(['--port', '0', '--quiet', '--contacts', '1234', '--seed', '3'])
    const headers = { Authorization: `Bearer ${running.apiKey}` }
    let count = 0
    let cursor: string | null = null
    do {
      const res: Response = await fetch(`${running.url}/people?limit=100${cursor ? `&cursor=${cursor}` : ''}`, {
        headers,
      })
      const page = (await res.json()) as { data: unknown[]; meta: { nextCursor: string | null } }
      count += page.data.length
      cursor = page.meta.nextCursor
    } while (cursor)
    expect(count).toBe(1234)
  })

  it('fails with a clear message when the port is taken', async () => {
    running = await startCli(['--port', '0', '--empty', '--quiet'])
    const port = new URL(running.url).port
    const { code, stderr } = await runCli(['--port', port])
    expect(code).toBe(1)
    expect(stderr).toContain('already in use')
  })
})
