import { afterEach, describe, expect, it, vi } from 'vitest'
import { createClient, ValidationError } from '../index.js'
import {
  baseUrlProblem,
  DEFAULT_MAX_RESPONSE_BYTES,
  optionError,
  optionErrors,
  RequestOptionsSchema,
  resolveConfig,
} from './config.js'

const KEY = 'ccmd_live_abc123def456'

/** The ValidationError `resolveConfig` throws for these options and environment. */
function configError(
  options: Parameters<typeof resolveConfig>[0],
  env: Record<string, string | undefined> = {},
): ValidationError {
  try {
    resolveConfig(options, env)
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError)
    return error as ValidationError
  }
  throw new Error('expected a ValidationError')
}

describe('API key', () => {
  it('comes from the option, else CC_API_KEY (trimmed; empty counts as unset)', () => {
    expect(resolveConfig({ apiKey: KEY }, { CC_API_KEY: 'ccmd_live_other' }).apiKey).toBe(KEY)
    expect(resolveConfig({}, { CC_API_KEY: ` ${KEY}\n` }).apiKey).toBe(KEY)
    expect(() => resolveConfig({}, { CC_API_KEY: '   ' })).toThrow(ValidationError)
  })

  it('is required, and the error names both the option and the variable', () => {
    const error = configError({})
    expect(error.fieldErrors.apiKey).toMatch(/apiKey/)
    expect(error.message).toContain('apiKey')
    expect(error.message).toContain('CC_API_KEY')
  })

  it('refuses spaces and line breaks without echoing the key', () => {
    const fromOption = configError({ apiKey: `${KEY}\n` })
    expect(fromOption.fieldErrors.apiKey).toMatch(/line breaks/)
    expect(fromOption.message).not.toContain(KEY)
    const fromEnv = configError({}, { CC_API_KEY: `${KEY} extra` })
    expect(fromEnv.fieldErrors.apiKey).toMatch(/CC_API_KEY/)
    expect(fromEnv.message).not.toContain(KEY)
  })

  afterEach(() => {
    vi.unstubAllEnvs()
  })

  it('createClient reads process.env', () => {
    vi.stubEnv('CC_API_KEY', KEY)
    vi.stubEnv('CC_BASE_URL', 'http://127.0.0.1:4010/v1/')
    expect(createClient().baseUrl).toBe('http://127.0.0.1:4010/v1')
    vi.stubEnv('CC_API_KEY', '')
    expect(() => createClient()).toThrow(/CC_API_KEY/)
  })
})

describe('base URL', () => {
  it('comes from the option, else CC_BASE_URL, else production, without a trailing slash', () => {
    expect(
      resolveConfig({ apiKey: KEY, baseUrl: 'https://a.example/v1/' }, { CC_BASE_URL: 'https://b.example' }).baseUrl,
    ).toBe('https://a.example/v1')
    expect(resolveConfig({ apiKey: KEY }, { CC_BASE_URL: 'https://b.example/v1' }).baseUrl).toBe('https://b.example/v1')
    expect(resolveConfig({ apiKey: KEY }, {}).baseUrl).toBe('https://api.clientcommander.com/v1')
  })

  it.each([
    'http://localhost:4010/v1',
    'http://127.0.0.1:4010/v1',
    'http://127.1.2.3/v1',
    'http://[::1]:4010/v1',
    'https://api.example.com/v1',
  ])('accepts %s', (url) => {
    expect(baseUrlProblem(url)).toBeUndefined()
  })

  it.each([
    ['http://api.clientcommander.com/v1', /clear text/],
    ['http://192.168.1.10/v1', /clear text/],
    ['http://localhost.evil.com/v1', /clear text/],
    // A name under .localhost is looked up through DNS by some resolvers: it may not be this machine.
    ['http://sandbox.localhost/v1', /clear text/],
    ['http://a.b.localhost:4010/v1', /clear text/],
    ['http://localhost./v1', /clear text/],
    ['ftp://api.example.com/v1', /https/],
    ['api.clientcommander.com/v1', /absolute URL/],
    ['https://user:pw@api.example.com/v1', /user name or password/],
    ['https://api.example.com/v1?x=1', /query string/],
  ])('refuses %s', (url, rule) => {
    expect(baseUrlProblem(url)).toMatch(rule)
    expect(configError({ apiKey: KEY, baseUrl: url }).fieldErrors.baseUrl).toMatch(rule)
  })

  it('trims any number of trailing slashes in linear time (100 000s of slashes inside the URL too)', () => {
    const slashes = '/'.repeat(200_000)
    const base = `https://api.example.com${slashes}v1`
    expect(resolveConfig({ apiKey: KEY, baseUrl: `${base}${slashes}` }, {}).baseUrl).toBe(base)
    expect(resolveConfig({ apiKey: KEY, baseUrl: base }, {}).baseUrl).toBe(base)
  })

  it('says when a bad URL came from CC_BASE_URL', () => {
    expect(configError({ apiKey: KEY }, { CC_BASE_URL: 'http://example.com' }).fieldErrors.baseUrl).toMatch(
      /CC_BASE_URL/,
    )
  })
})

describe('the environment', () => {
  /** What Deno gives without `--allow-env`: every read throws (`NotCapable`). */
  const forbidden = new Proxy({} as Record<string, string | undefined>, {
    get() {
      throw Object.assign(new Error('Requires env access to "CC_LOG", run again with the --allow-env flag'), {
        name: 'NotCapable',
      })
    },
  })

  it('a variable that cannot be read counts as not set', () => {
    const config = resolveConfig({ apiKey: KEY, baseUrl: 'https://api.example.com/v1' }, forbidden)
    expect(config.baseUrl).toBe('https://api.example.com/v1')
    expect(config.logger.level).toBe('warn')
    expect(resolveConfig({ apiKey: KEY }, forbidden).baseUrl).toBe('https://api.clientcommander.com/v1')
    expect(configError({}, forbidden).fieldErrors.apiKey).toMatch(/CC_API_KEY/)
  })
})

describe('in a browser', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('createClient refuses to start unless given dangerouslyAllowBrowser: true, and says why', () => {
    vi.stubGlobal('window', { document: {} })
    vi.stubGlobal('navigator', { userAgent: 'Mozilla/5.0' })
    const error = configError({ apiKey: KEY })
    expect(error.fieldErrors.dangerouslyAllowBrowser).toMatch(
      /^dangerouslyAllowBrowser: must be true to run in a browser, where the API key is readable by anyone who opens the page/,
    )
    expect(error.fieldErrors.dangerouslyAllowBrowser).toBe(
      'dangerouslyAllowBrowser: must be true to run in a browser, where the API key is readable by anyone who opens ' +
        'the page: call the API from your server (or a proxy that adds the key) instead, or pass ' +
        '`dangerouslyAllowBrowser: true` if the key may be public',
    )
    expect(error.message).toContain('call the API from your server')
    expect(error.message).not.toContain(KEY)
    expect(() => createClient({ apiKey: KEY, dangerouslyAllowBrowser: false })).toThrow(ValidationError)
    expect(createClient({ apiKey: KEY, dangerouslyAllowBrowser: true }).baseUrl).toBe(
      'https://api.clientcommander.com/v1',
    )
    // A derived client keeps the permission.
    const allowed = createClient({ apiKey: KEY, dangerouslyAllowBrowser: true })
    expect(allowed.withOptions({ timeout: 5_000 }).baseUrl).toBe('https://api.clientcommander.com/v1')
  })

  it('elsewhere the option is not needed', () => {
    expect(createClient({ apiKey: KEY }).baseUrl).toBe('https://api.clientcommander.com/v1')
    expect(configError({ apiKey: KEY, dangerouslyAllowBrowser: 'yes' as never }).fieldErrors).toEqual({
      dangerouslyAllowBrowser: 'dangerouslyAllowBrowser: must be true or false',
    })
  })
})

describe('other options', () => {
  it('has the documented defaults', () => {
    const config = resolveConfig({ apiKey: KEY }, {})
    expect(config).toMatchObject({
      timeout: 30_000,
      maxRetries: 2,
      maxRetryAfter: 60_000,
      validate: 'warn',
      headers: {},
      backoff: { initialDelay: 500, maxDelay: 8_000 },
    })
    expect(config.logger.level).toBe('warn')
  })

  it('names each invalid option and its rule', () => {
    const error = configError({
      apiKey: KEY,
      timeout: 0,
      maxRetries: 1.5,
      maxRetryAfter: -1,
      logLevel: 'loud' as 'off',
      validate: 'maybe' as 'off',
      fetch: 'nope' as never,
    })
    expect(error.fieldErrors).toEqual({
      timeout: 'timeout: must be at least 1 ms',
      maxRetries: 'maxRetries: must be a whole number',
      maxRetryAfter: 'maxRetryAfter: must be 0 or more',
      logLevel: 'logLevel: must be one of "off", "error", "warn", "info", "debug"',
      validate: 'validate: must be one of "strict", "warn", "off"',
      fetch: 'fetch: must be a function',
    })
    expect(error.message).toMatch(
      /^Invalid client options: timeout: must be at least 1 ms; maxRetries: .*; and 1 more$/,
    )
  })

  it('rejects unknown options by name', () => {
    expect(configError({ apiKey: KEY, retries: 3 } as never).fieldErrors).toEqual({
      retries: 'retries: is not a known field',
    })
    // Named as written, even where a contact field has a label of its own ("Email").
    expect(configError({ apiKey: KEY, email: 'a@b.co' } as never).fieldErrors).toEqual({
      email: 'email: is not a known field',
    })
  })

  it('refuses an Authorization header and invalid header values', () => {
    expect(configError({ apiKey: KEY, headers: { authorization: 'Bearer x' } }).fieldErrors.headers).toMatch(/apiKey/)
    expect(configError({ apiKey: KEY, headers: { 'x-a': 'line\nbreak' } }).fieldErrors.headers).toMatch(/valid HTTP/)
  })

  it('takes the log level from CC_LOG unless the option is set, and warns about a bad CC_LOG', () => {
    const warnings: string[] = []
    const logger = { error() {}, warn: (line: string) => warnings.push(line), info() {}, debug() {} }
    expect(resolveConfig({ apiKey: KEY }, { CC_LOG: 'debug' }).logger.level).toBe('debug')
    expect(resolveConfig({ apiKey: KEY, logLevel: 'error' }, { CC_LOG: 'debug' }).logger.level).toBe('error')
    expect(resolveConfig({ apiKey: KEY, logger }, { CC_LOG: 'verbose' }).logger.level).toBe('warn')
    expect(warnings).toEqual([
      '[cc-client] CC_LOG="verbose" is not a log level (off, error, warn, info, debug); using warn',
    ])
  })
})

describe('the bounds of each option', () => {
  /** The field errors of these options, `{}` when they are accepted. */
  const problems = (options: Record<string, unknown>) => {
    try {
      resolveConfig({ apiKey: KEY, ...options } as never, {})
      return {}
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError)
      return (error as ValidationError).fieldErrors
    }
  }

  it('timeout: a whole number of milliseconds from 1 to what a timer can wait', () => {
    expect(problems({ timeout: 1 })).toEqual({})
    expect(problems({ timeout: 2_147_483_647 })).toEqual({})
    expect(problems({ timeout: 2_147_483_648 })).toEqual({ timeout: 'timeout: must be at most 2147483647' })
    expect(problems({ timeout: 1.5 })).toEqual({ timeout: 'timeout: must be a whole number of milliseconds' })
    expect(problems({ timeout: '5s' })).toEqual({ timeout: 'timeout: must be a number' })
  })

  it('maxRetries: 0 to 10', () => {
    expect(problems({ maxRetries: 0 })).toEqual({})
    expect(problems({ maxRetries: 10 })).toEqual({})
    expect(problems({ maxRetries: 11 })).toEqual({ maxRetries: 'maxRetries: must be at most 10' })
    expect(problems({ maxRetries: -1 })).toEqual({ maxRetries: 'maxRetries: must be 0 or more' })
  })

  it('maxRetryAfter: 0 up to what a timer can wait, in whole milliseconds', () => {
    expect(problems({ maxRetryAfter: 0 })).toEqual({})
    expect(problems({ maxRetryAfter: 2_147_483_648 })).toEqual({
      maxRetryAfter: 'maxRetryAfter: must be at most 2147483647',
    })
    expect(problems({ maxRetryAfter: 1.5 })).toEqual({
      maxRetryAfter: 'maxRetryAfter: must be a whole number of milliseconds',
    })
  })

  it('maxResponseBytes: a whole number of bytes from 1', () => {
    expect(problems({ maxResponseBytes: 1 })).toEqual({})
    expect(problems({ maxResponseBytes: Number.MAX_SAFE_INTEGER })).toEqual({})
    expect(problems({ maxResponseBytes: 2 ** 60 })).toEqual({
      maxResponseBytes: 'maxResponseBytes: must be at most 9007199254740991',
    })
    expect(problems({ maxResponseBytes: 1.5 })).toEqual({
      maxResponseBytes: 'maxResponseBytes: must be a whole number',
    })
  })

  it('backoff: only its two delays, each 0 or more whole milliseconds', () => {
    expect(problems({ backoff: { initialDelay: 0, maxDelay: 0 } })).toEqual({})
    expect(problems({ backoff: { initialDelay: -1 } })).toEqual({
      'backoff.initialDelay': 'backoff.initialDelay: must be 0 or more',
    })
    expect(problems({ backoff: { maxDelay: 1.5 } })).toEqual({
      'backoff.maxDelay': 'backoff.maxDelay: must be a whole number of milliseconds',
    })
    expect(problems({ backoff: { factor: 2 } })).toEqual({ 'backoff.factor': 'backoff.factor: is not a known field' })
    expect(problems({ backoff: 5 })).toEqual({ backoff: 'backoff: must be an object' })
  })

  it('logger: anything with error, warn, info and debug methods', () => {
    const methods = { error() {}, warn() {}, info() {}, debug() {} }
    expect(problems({ logger: methods })).toEqual({})
    const refused = { logger: 'logger: must have error, warn, info and debug methods' }
    for (const missing of ['error', 'warn', 'info', 'debug']) {
      const { [missing as keyof typeof methods]: _, ...rest } = methods
      expect(problems({ logger: rest }), missing).toEqual(refused)
    }
    expect(problems({ logger: { ...methods, debug: 'loud' } })).toEqual(refused)
    expect(problems({ logger: null })).toEqual(refused)
    // A function is no logger, whatever methods are attached to it.
    expect(problems({ logger: Object.assign(() => {}, methods) })).toEqual(refused)
    expect(problems({ logger: 'console' })).toEqual(refused)
  })

  it('headers: text values in an object', () => {
    expect(problems({ headers: { 'x-app': 'crm' } })).toEqual({})
    expect(problems({ headers: { 'x-count': 1 } })).toEqual({ 'headers.x-count': 'headers.x-count: must be text' })
    expect(problems({ headers: 'x-app: crm' })).toEqual({ headers: 'headers: must be an object' })
  })

  it('apiKey, baseUrl and fetch: text, text and a function', () => {
    expect(problems({ apiKey: 5 })).toEqual({ apiKey: 'apiKey: must be text' })
    expect(problems({ apiKey: 'has space' })).toEqual({
      apiKey: 'apiKey: must be printable ASCII with no spaces or line breaks (check for a stray newline)',
    })
    expect(problems({ baseUrl: 5 })).toEqual({ baseUrl: 'baseUrl: must be text' })
    expect(problems({ fetch: async () => new Response() })).toEqual({})
  })
})

describe('what the configuration says in full', () => {
  it('the defaults nobody set: 10 MiB answers, the platform fetch, protective requests', () => {
    const config = resolveConfig({ apiKey: KEY }, {})
    expect(config.maxResponseBytes).toBe(DEFAULT_MAX_RESPONSE_BYTES)
    expect(DEFAULT_MAX_RESPONSE_BYTES).toBe(10 * 1024 * 1024)
    expect(config.fetch).toBeUndefined()
    expect(config.validateRequest).toBe('protective')
    expect(config.validate).toBe('warn')
  })

  it('keeps each option given', () => {
    const fetch = async () => new Response()
    const config = resolveConfig(
      {
        apiKey: KEY,
        timeout: 1234,
        maxRetries: 5,
        maxRetryAfter: 999,
        maxResponseBytes: 2048,
        fetch,
        validate: { request: 'documented', response: 'strict' },
        headers: { 'x-app': 'crm' },
        backoff: { initialDelay: 10 },
      },
      {},
    )
    expect(config).toMatchObject({
      apiKey: KEY,
      timeout: 1234,
      maxRetries: 5,
      maxRetryAfter: 999,
      maxResponseBytes: 2048,
      validate: 'strict',
      validateRequest: 'documented',
      headers: { 'x-app': 'crm' },
      backoff: { initialDelay: 10, maxDelay: 8_000 },
    })
    expect(config.fetch).toBe(fetch)
    expect(resolveConfig({ apiKey: KEY, backoff: { maxDelay: 50 } }, {}).backoff).toEqual({
      initialDelay: 500,
      maxDelay: 50,
    })
    expect(resolveConfig({ apiKey: KEY, validate: { request: false } }, {}).validateRequest).toBe(false)
  })

  it('an invalid key from CC_API_KEY is named as coming from there, with the rule it breaks', () => {
    expect(configError({}, { CC_API_KEY: `${KEY} extra` }).fieldErrors).toEqual({
      apiKey:
        'apiKey (from CC_API_KEY): must be printable ASCII with no spaces or line breaks (check for a stray newline)',
    })
  })

  it('a missing key: how to give one (no schema issue behind it)', () => {
    expect(configError({}).issues).toEqual([])
    expect(configError({}).fieldErrors).toEqual({
      apiKey: 'apiKey: missing: pass `apiKey` to createClient() or set the CC_API_KEY environment variable',
    })
  })

  it('a base URL problem is named after where the URL came from', () => {
    const clear =
      'must use https: (http: is allowed only for localhost, 127.0.0.1 and [::1]: the API key would travel in clear text)'
    expect(configError({ apiKey: KEY, baseUrl: 'http://example.com/v1' }).fieldErrors).toEqual({
      baseUrl: `baseUrl: ${clear}`,
    })
    expect(configError({ apiKey: KEY }, { CC_BASE_URL: 'http://example.com/v1' }).fieldErrors).toEqual({
      baseUrl: `baseUrl (from CC_BASE_URL): ${clear}`,
    })
    expect(configError({ apiKey: KEY, baseUrl: 'http://example.com/v1' }).message).toBe(
      `Invalid client options: baseUrl: ${clear}`,
    )
  })

  it('every problem with a base URL, worded', () => {
    expect(baseUrlProblem('not a url')).toBe('must be an absolute URL like https://api.clientcommander.com/v1')
    expect(baseUrlProblem('ftp://api.example.com/v1')).toBe('must use https:')
    expect(baseUrlProblem('https://user@api.example.com/v1')).toBe('must not contain a user name or password')
    expect(baseUrlProblem('https://:secret@api.example.com/v1')).toBe('must not contain a user name or password')
    expect(baseUrlProblem('https://api.example.com/v1#top')).toBe('must not have a query string or fragment')
    expect(baseUrlProblem('http://127.10.200.30:8080/v1')).toBeUndefined()
    expect(baseUrlProblem('http://LOCALHOST:4010/v1')).toBeUndefined()
    expect(baseUrlProblem('http://[::2]/v1')).toMatch(/clear text/)
    expect(baseUrlProblem('http://128.0.0.1/v1')).toMatch(/clear text/)
  })

  it('trims trailing slashes, and a URL of slashes only is no URL', () => {
    expect(resolveConfig({ apiKey: KEY, baseUrl: 'https://api.example.com/v1///' }, {}).baseUrl).toBe(
      'https://api.example.com/v1',
    )
    expect(configError({ apiKey: KEY, baseUrl: '///' }).fieldErrors.baseUrl).toMatch(/absolute URL/)
  })

  it('an Authorization header, in any case, is refused by name', () => {
    expect(configError({ apiKey: KEY, headers: { 'X-App': 'crm', AUTHORIZATION: 'Bearer x' } }).fieldErrors).toEqual({
      headers: 'headers: must not set Authorization: pass `apiKey` instead',
    })
    expect(configError({ apiKey: KEY, headers: { 'bad name': 'x' } }).fieldErrors).toEqual({
      headers: 'headers: must be valid HTTP header names and values',
    })
  })

  it('the key never reaches a log line, even through CC_LOG', () => {
    const warnings: string[] = []
    const logger = { error() {}, warn: (line: string) => warnings.push(line), info() {}, debug() {} }
    resolveConfig({ apiKey: KEY, logger }, { CC_LOG: KEY })
    expect(warnings).toEqual([
      '[cc-client] CC_LOG="[redacted]" is not a log level (off, error, warn, info, debug); using warn',
    ])
  })

  it('a bad CC_LOG is not mentioned when the option sets the level, or when CC_LOG is unset', () => {
    const warnings: string[] = []
    const logger = { error() {}, warn: (line: string) => warnings.push(line), info() {}, debug() {} }
    expect(resolveConfig({ apiKey: KEY, logger, logLevel: 'warn' }, { CC_LOG: 'verbose' }).logger.level).toBe('warn')
    expect(resolveConfig({ apiKey: KEY, logger }, {}).logger.level).toBe('warn')
    expect(resolveConfig({ apiKey: KEY, logger }, { CC_LOG: ' info ' }).logger.level).toBe('info')
    expect(warnings).toEqual([])
  })
})

describe('where the environment comes from', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('no process at all (a browser, workerd): no environment, and the options alone', () => {
    vi.stubGlobal('process', undefined)
    let config: ReturnType<typeof resolveConfig> | undefined
    let error: unknown
    try {
      config = resolveConfig({ apiKey: KEY })
      resolveConfig({})
    } catch (thrown) {
      error = thrown
    }
    vi.unstubAllGlobals()
    expect(config?.baseUrl).toBe('https://api.clientcommander.com/v1')
    expect((error as ValidationError).fieldErrors.apiKey).toMatch(/CC_API_KEY/)
  })

  it('a process whose environment cannot be read at all: no environment', () => {
    const locked = Object.defineProperty({ versions: { node: '24.0.0' } }, 'env', {
      get() {
        throw new Error('NotCapable')
      },
    })
    vi.stubGlobal('process', locked)
    let config: ReturnType<typeof resolveConfig> | undefined
    try {
      config = resolveConfig({ apiKey: KEY })
    } finally {
      vi.unstubAllGlobals()
    }
    expect(config?.baseUrl).toBe('https://api.clientcommander.com/v1')
  })
})

describe('request options', () => {
  const problems = (options: unknown) => {
    const result = RequestOptionsSchema.safeParse(options)
    return result.success ? {} : optionErrors(result.error.issues)
  }

  it('name each bad option and its rule', () => {
    expect(problems({ signal: 'stop' })).toEqual({ signal: 'signal: must be an AbortSignal' })
    expect(problems({ signal: new AbortController().signal })).toEqual({})
    expect(problems({ headers: { Authorization: 'Bearer x' } })).toEqual({
      headers: 'headers: must not set Authorization: pass `apiKey` to the client instead',
    })
    expect(problems({ headers: { 'x-app': 'crm' } })).toEqual({})
    expect(problems({ headers: {} })).toEqual({})
    for (const option of ['headers', 'extraHeaders']) {
      expect(problems({ [option]: { 'x-app': 'crm', AUTHORIZATION: 'Bearer x' } }), option).toEqual({
        [option]: `${option}: must not set Authorization: pass \`apiKey\` to the client instead`,
      })
    }
    expect(problems({ extraQuery: { a: {} } })).toEqual({
      'extraQuery.a': 'extraQuery.a: must be text, a number or true or false',
    })
    expect(problems({ extraQuery: { a: 'x', b: 1, c: false } })).toEqual({})
    expect(problems({ extraBody: [] })).toEqual({ extraBody: 'extraBody: must be an object' })
    expect(problems({ timeout: 0 })).toEqual({ timeout: 'timeout: must be at least 1 ms' })
    expect(problems({ extraHeaders: { a: 1 } })).toEqual({ 'extraHeaders.a': 'extraHeaders.a: must be text' })
  })

  it('optionError words one problem, under a label when the value came from elsewhere', () => {
    expect(optionError('baseUrl', 'must use https:')).toEqual({ baseUrl: 'baseUrl: must use https:' })
    expect(optionError('baseUrl', 'must use https:', 'baseUrl (from CC_BASE_URL)')).toEqual({
      baseUrl: 'baseUrl (from CC_BASE_URL): must use https:',
    })
  })
})
