import { afterEach, describe, expect, it, vi } from 'vitest'
import { createClient } from '../index.js'
import {
  cleanServerText,
  isLogLevel,
  LevelLogger,
  LOG_LEVELS,
  redactHeaders,
  scrubSecrets,
  serverLine,
} from './logger.js'
import { answering, collectingLogger, json, meta, offline, person } from './test-fetch.js'

const ID = 'jd79abc123def'
const ok = () => json(200, { meta: meta('req_ok'), data: person(ID) }, { 'x-request-id': 'req_ok' })

describe('logging', () => {
  it('info: one line per attempt with status, time, attempt and request id', async () => {
    const { logger, lines } = collectingLogger()
    await createClient(offline(answering(ok).fetch, { logger, logLevel: 'info' })).people.get(ID)
    expect(lines).toEqual([
      {
        level: 'info',
        line: expect.stringMatching(
          /^\[cc-client\] GET \/people\/jd79abc123def → 200 in \d+ ms \(attempt 1\/3, request req_ok\)$/,
        ),
      },
    ])
  })

  it('debug: adds request and response headers, credentials redacted', async () => {
    const { logger, lines } = collectingLogger()
    await createClient(
      offline(answering(ok).fetch, { logger, logLevel: 'debug', headers: { 'x-session-token': 't0k3n' } }),
    ).people.get(ID)
    const debug = lines.filter((l) => l.level === 'debug').map((l) => l.line)
    expect(debug).toHaveLength(2)
    expect(debug[0]).toContain('GET /people/jd79abc123def request headers')
    expect(JSON.parse(debug[0]?.split('request headers ')[1] ?? '')).toEqual({
      accept: 'application/json',
      authorization: '[redacted]',
      'x-session-token': '[redacted]',
    })
    expect(debug[1]).toContain('response headers')
  })

  it('warn (the default) and off: nothing for a success', async () => {
    for (const logLevel of ['warn', 'off'] as const) {
      const { logger, lines } = collectingLogger()
      await createClient(offline(answering(ok).fetch, { logger, logLevel })).people.get(ID)
      expect(lines).toEqual([])
    }
  })
})

describe('server text in log lines', () => {
  it('cannot colour, retitle or forge a line: escape sequences and line breaks are gone', async () => {
    const { logger, lines } = collectingLogger()
    const hostile = () =>
      json(
        200,
        { meta: meta('req_ok'), data: person(ID) },
        { 'x-request-id': 'req\x1b]0;pwned\x07_ok', 'x-note': 'a\u009b2Jb' },
      )
    await createClient(offline(answering(hostile).fetch, { logger, logLevel: 'debug' })).people.get(ID)
    expect(lines.map((l) => l.line)).toContainEqual(
      expect.stringMatching(/ → 200 in \d+ ms \(attempt 1\/3, request req_ok\)$/),
    )
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters the test looks for
    for (const { line } of lines) expect(line).not.toMatch(/[\x00-\x1f\x7f-\x9f]/)
    expect(lines.find((l) => l.line.includes('response headers'))?.line).toContain('"x-note":"ab"')
  })
})

describe('LevelLogger', () => {
  const KEY = 'ccmd_live_secret_key_0123456789'

  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('writes the lines at its level and above, each to the method of its level, prefixed', () => {
    const written: Record<string, string[]> = {}
    for (const level of LOG_LEVELS) {
      const { logger, lines } = collectingLogger()
      const log = new LevelLogger(level, logger)
      log.warn('w')
      log.info('i')
      log.debug('d')
      written[level] = lines.map((line) => `${line.level}:${line.line}`)
    }
    expect(written).toEqual({
      off: [],
      error: [],
      warn: ['warn:[cc-client] w'],
      info: ['warn:[cc-client] w', 'info:[cc-client] i'],
      debug: ['warn:[cc-client] w', 'info:[cc-client] i', 'debug:[cc-client] d'],
    })
  })

  it('says which levels it writes', () => {
    const log = new LevelLogger('warn')
    expect((['error', 'warn', 'info', 'debug'] as const).map((level) => log.enabled(level))).toEqual([
      true,
      true,
      false,
      false,
    ])
    expect(new LevelLogger('off').enabled('error')).toBe(false)
    expect(log.level).toBe('warn')
  })

  it('writes to the console by default, looking the method up when it writes', () => {
    const seen: string[] = []
    vi.spyOn(console, 'warn').mockImplementation((line: string) => seen.push(`warn ${line}`))
    vi.spyOn(console, 'info').mockImplementation((line: string) => seen.push(`info ${line}`))
    vi.spyOn(console, 'debug').mockImplementation((line: string) => seen.push(`debug ${line}`))
    const log = new LevelLogger('debug')
    log.warn('one')
    log.info('two')
    log.debug('three')
    expect(seen).toEqual(['warn [cc-client] one', 'info [cc-client] two', 'debug [cc-client] three'])
  })

  it('builds a line given as a function only when it writes lines of that level', () => {
    const { logger, lines } = collectingLogger()
    let built = 0
    const line = () => `line ${++built}`
    new LevelLogger('info', logger).debug(line)
    new LevelLogger('warn', logger).info(line)
    new LevelLogger('error', logger).warn(line)
    expect(built).toBe(0)
    const log = new LevelLogger('debug', logger)
    log.debug(line)
    log.info(line)
    log.warn(line)
    expect(lines).toEqual([
      { level: 'debug', line: '[cc-client] line 1' },
      { level: 'info', line: '[cc-client] line 2' },
      { level: 'warn', line: '[cc-client] line 3' },
    ])
  })

  it('an empty secret removes nothing', () => {
    const { logger, lines } = collectingLogger()
    new LevelLogger('info', logger, ['', KEY]).info(`key ${KEY}`)
    expect(lines.map((line) => line.line)).toEqual(['[cc-client] key [redacted]'])
  })

  it('removes its secrets, line breaks and escape sequences from every line', () => {
    const { logger, lines } = collectingLogger()
    new LevelLogger('info', logger, [KEY]).info(`sent Bearer ${KEY}\n[cc-client] forged\x1b[2J line`)
    expect(lines.map((line) => line.line)).toEqual(['[cc-client] sent Bearer [redacted] [cc-client] forged line'])
  })
})

describe('isLogLevel', () => {
  it('only the five level names', () => {
    expect(LOG_LEVELS.every(isLogLevel)).toBe(true)
    expect(['verbose', 'WARN', '', 3, undefined, ['warn']].some(isLogLevel)).toBe(false)
  })
})

describe('secrets and server text', () => {
  const KEY = 'ccmd_live_secret_key_0123456789'

  it('scrubSecrets replaces every copy of every secret, and ignores an empty one', () => {
    expect(scrubSecrets(`${KEY}+${KEY}; other`, [KEY, 'other'])).toBe('[redacted]+[redacted]; [redacted]')
    expect(scrubSecrets('nothing to hide', ['', KEY])).toBe('nothing to hide')
  })

  it('cleanServerText scrubs before and after removing control characters', () => {
    // `ESC c` is a sequence that ends in the key's first character: removed first, it would leave "cmd_live_…".
    expect(cleanServerText(`\x1b${KEY}`, [KEY])).not.toContain(KEY.slice(1, 12))
    // A key broken up by invisible characters is whole again once they are gone.
    const hidden = `${KEY.slice(0, 5)}\u200b${KEY.slice(5)}`
    expect(cleanServerText(hidden, [KEY])).toBe('[redacted]')
    expect(cleanServerText('a\nb', [])).toBe('a\nb')
    expect(cleanServerText('a\nb', [], { singleLine: true })).toBe('a b')
  })

  it('redactHeaders hides credentials by name, and keeps the Idempotency-Key', () => {
    const headers = new Headers({
      authorization: 'Bearer x',
      'proxy-authorization': 'Basic y',
      'x-api-key': 'k',
      'x-auth-token': 't',
      'x-client-secret': 's',
      cookie: 'a=b',
      'set-cookie': 'c=d',
      'x-session-id': 'e',
      'x-password': 'p',
      'x-signature': 'sig',
      'idempotency-key': 'key-1',
      'x-request-id': 'req_1',
      accept: 'application/json',
    })
    expect(redactHeaders(headers)).toEqual({
      authorization: '[redacted]',
      'proxy-authorization': '[redacted]',
      'x-api-key': '[redacted]',
      'x-auth-token': '[redacted]',
      'x-client-secret': '[redacted]',
      cookie: '[redacted]',
      'set-cookie': '[redacted]',
      'x-session-id': '[redacted]',
      'x-password': '[redacted]',
      'x-signature': '[redacted]',
      'idempotency-key': 'key-1',
      'x-request-id': 'req_1',
      accept: 'application/json',
    })
  })

  it('serverLine: one clean line, or undefined when nothing is left', () => {
    expect(serverLine(`req\n${KEY}`, [KEY])).toBe('req [redacted]')
    expect(serverLine('\x1b[31m\u200b', [])).toBeUndefined()
    expect(serverLine('', [])).toBeUndefined()
    expect(serverLine(null, [])).toBeUndefined()
    expect(serverLine(undefined, [])).toBeUndefined()
  })
})
