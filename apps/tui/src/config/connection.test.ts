import { describe, expect, it } from 'vitest'
import { resolveConnection } from './connection.js'

describe('resolveConnection', () => {
  it('uses the sandbox with --sandbox or without any key', () => {
    expect(resolveConnection({ sandbox: true }, { CC_API_KEY: 'k' }, {})).toEqual({ mode: 'sandbox', reason: 'flag' })
    expect(resolveConnection({}, {}, {})).toEqual({ mode: 'sandbox', reason: 'no-key' })
  })

  it('takes the key from the environment, then the config file, never from a flag', () => {
    const env = { CC_API_KEY: 'env-key' }
    const config = { apiKey: 'file-key', baseUrl: 'https://file.example/v1' }
    // A key smuggled in among the flags (the command line no longer has one) is not used.
    expect(resolveConnection({ apiKey: 'flag-key' } as never, {}, {})).toEqual({ mode: 'sandbox', reason: 'no-key' })
    expect(resolveConnection({}, env, config)).toMatchObject({ apiKey: 'env-key', keySource: 'env' })
    expect(resolveConnection({}, {}, config)).toEqual({
      mode: 'api',
      apiKey: 'file-key',
      keySource: 'config',
      baseUrl: 'https://file.example/v1',
    })
  })

  it('takes the URL from the flag, then CC_BASE_URL, then the config file', () => {
    const config = { apiKey: 'k', baseUrl: 'https://file.example/v1' }
    expect(
      resolveConnection({ baseUrl: 'https://flag.example/v1' }, { CC_BASE_URL: 'https://env.example/v1' }, config),
    ).toMatchObject({ baseUrl: 'https://flag.example/v1' })
    expect(resolveConnection({}, { CC_BASE_URL: 'https://env.example/v1' }, config)).toMatchObject({
      baseUrl: 'https://env.example/v1',
    })
  })
})
