import { describe, expect, it } from 'vitest'
import { createClient } from '../index.js'
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
