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
