import { describe, expect, it } from 'vitest'
import { DEFAULT_FAULT_KINDS, DEFAULT_PORT, parseCliArgs } from './args.js'

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
