import { afterEach, describe, expect, it, vi } from 'vitest'
import { createClient, ValidationError } from '../index.js'
import { baseUrlProblem, resolveConfig } from './config.js'

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
