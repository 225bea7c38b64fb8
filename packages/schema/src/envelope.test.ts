import { describe, expect, it } from 'vitest'
import {
  DeleteContactResponse,
  ERROR_TEXT_MAX_CHARS,
  ListPeopleResponse,
  parseErrorBody,
  UpdateContactResponse,
  UpsertContactResponse,
} from './index.js'

const meta = { requestId: '3c90c3cc-0d44-4b50-8888-8dd25736052a', timestamp: '2023-11-07T05:31:56Z', version: '1.0.0' }

describe('parseErrorBody on text', () => {
  it('reads the words of an HTML page', () => {
    expect(parseErrorBody('<html><body><h1>502 Bad Gateway</h1>\n<p>nginx</p></body></html>')).toEqual({
      message: '502 Bad Gateway nginx',
    })
  })

  // Before, `/<[^>]*>/g` went back over the rest of the text from every unclosed `<`: a 1 MiB body took minutes.
  it('reads a 1 MiB body of unclosed "<" at once', () => {
    expect(parseErrorBody('<'.repeat(1 << 20))).toEqual({ message: '<'.repeat(300) })
    expect(parseErrorBody(`${'<a'.repeat(1 << 19)}>`)).toEqual({ message: '<a'.repeat(150) })
  })

  it(`reads only the first ${ERROR_TEXT_MAX_CHARS} characters`, () => {
    expect(parseErrorBody(`${' '.repeat(ERROR_TEXT_MAX_CHARS)}Bad Gateway`)).toEqual({})
    expect(parseErrorBody(`Bad Gateway${'!'.repeat(ERROR_TEXT_MAX_CHARS)}`).message).toMatch(/^Bad Gateway!+$/)
  })

  it('gives the documented meta.requestId of an error body', () => {
    expect(parseErrorBody({ meta, error: 'Invalid API key' })).toEqual({
      message: 'Invalid API key',
      requestId: meta.requestId,
    })
  })
})

describe('success answers the docs allow', () => {
  it('without `success`: only `meta` is required, a 2xx is a success', () => {
    expect(UpdateContactResponse.parse({ meta })).toEqual({ meta })
    expect(
      DeleteContactResponse.parse({
        meta,
        message: 'Operation completed successfully',
        data: { deleted: true, permanent: false },
      }),
    ).toMatchObject({ data: { deleted: true } })
  })

  it('keeps unknown fields anywhere, never an error', () => {
    const answer = {
      meta: { ...meta, count: 1, hasMore: false, region: 'us-east' },
      data: [
        {
          id: 'jd79abc123def',
          emails: [{ value: 'john@example.com', verified: true }],
          phones: [{ value: '+15551234567', carrier: 'x' }],
          createdAt: '2023-11-15T10:00:00Z',
          customFields: { budget: 'high' },
        },
      ],
      links: { next: null },
    }
    expect(ListPeopleResponse.parse(answer)).toEqual(answer)
    const upsert = {
      meta,
      data: { created: true, id: 'jd79abc123def', person: answer.data[0], warnings: [] },
      success: true,
    }
    expect(UpsertContactResponse.parse(upsert)).toEqual(upsert)
  })
})
