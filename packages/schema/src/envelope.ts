import * as z from 'zod'
import type * as core from 'zod/v4/core'
import { worded } from './messages.js'
import { namedSchemas } from './named-schemas.js'

/**
 * `meta` on every response, the one part the docs mark required. `requestId` is the request's id: an `X-Request-Id`
 * header (a proxy may add one) is only a fallback (ASSUMPTIONS.md#request-id).
 */
export const Meta = z
  .looseObject({ requestId: z.string(worded), timestamp: z.string(worded), version: z.string(worded) }, worded)
  .register(namedSchemas, { id: 'Meta' })
export type Meta = z.infer<typeof Meta>

/** `meta` on a paginated list: adds the page count and the cursor to the next page. */
export const ListMeta = Meta.extend({
  count: z.number(worded).int(worded).min(0, worded),
  hasMore: z.boolean(worded),
  nextCursor: z.string(worded).nullish(),
}).register(namedSchemas, { id: 'ListMeta' })
export type ListMeta = z.infer<typeof ListMeta>

/** `{ meta, data }`: the envelope of every response that returns data. */
export const DataEnvelope = <T extends core.$ZodType>(data: T) => z.looseObject({ meta: Meta, data }, worded)
export type DataEnvelope<T> = { meta: Meta; data: T }

/** `{ meta, data }` of a paginated list. */
export const ListEnvelope = <T extends core.$ZodType>(item: T) =>
  z.looseObject({ meta: ListMeta, data: z.array(item, worded) }, worded)
export type ListEnvelope<T> = { meta: ListMeta; data: T[] }

/**
 * `{ meta, success, message }`: updates and moves return no data. The docs mark only `meta` required, so `success`
 * may be absent: a 2xx answer is a success (ASSUMPTIONS.md#success-is-2xx).
 */
export const SuccessEnvelope = z
  .looseObject({ meta: Meta, success: z.boolean(worded).optional(), message: z.string(worded).optional() }, worded)
  .register(namedSchemas, { id: 'SuccessEnvelope' })
export type SuccessEnvelope = z.infer<typeof SuccessEnvelope>

/** One problem with one field of a request. `path` is the field path, empty for the whole body. */
export const ApiIssue = z
  .looseObject(
    {
      path: z.array(z.union([z.string(worded), z.number(worded)], worded), worded),
      message: z.string(worded),
    },
    worded,
  )
  .register(namedSchemas, { id: 'ApiIssue' })
export type ApiIssue = z.infer<typeof ApiIssue>

/**
 * The error body. The API docs define none, so this is the one the sandbox sends (ASSUMPTIONS.md#error-body):
 * `{ meta, success: false, error: { code, message, issues? } }`.
 */
export const ApiErrorBody = z
  .looseObject(
    {
      meta: Meta,
      success: z.literal(false, worded),
      error: z.looseObject(
        { code: z.string(worded), message: z.string(worded), issues: z.array(ApiIssue, worded).optional() },
        worded,
      ),
    },
    worded,
  )
  .register(namedSchemas, { id: 'ApiErrorBody' })
export type ApiErrorBody = z.infer<typeof ApiErrorBody>

/** What any error body, of any shape, tells us: the best code, message, request id and field issues we can find. */
export interface ParsedErrorBody {
  code?: string
  message?: string
  requestId?: string
  issues?: ApiIssue[]
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined

/** How much of a text body is read: enough for any error page's message, and a bound on the work. */
export const ERROR_TEXT_MAX_CHARS = 64 * 1024

/** A tag: from `<` to the next `>`, with no `<` inside, so an unclosed `<` is given up at the next one (linear). */
const TAG = /<[^<>]*>/g

/** The words of a plain-text or HTML body: tags dropped, white space collapsed, at most 300 characters. */
function textMessage(body: string): string | undefined {
  const stripped = body.slice(0, ERROR_TEXT_MAX_CHARS).replace(TAG, ' ').replace(/\s+/g, ' ').trim()
  return stripped ? stripped.slice(0, 300) : undefined
}

/**
 * Lenient reading of an error body from any server: our `ApiErrorBody`, `{ error: "text" }`,
 * `{ message }`, `{ errors: [...] }`, plain text or HTML (its first 64 KiB). Never throws, and takes time linear in
 * the text whatever it holds.
 */
export function parseErrorBody(body: unknown): ParsedErrorBody {
  const strict = ApiErrorBody.safeParse(body)
  if (strict.success) {
    const { error, meta } = strict.data
    return { code: error.code, message: error.message, requestId: meta.requestId, issues: error.issues }
  }
  if (typeof body === 'string') {
    const message = textMessage(body)
    return message ? { message } : {}
  }
  if (body === null || typeof body !== 'object') return {}
  const record = body as Record<string, unknown>
  const meta = record.meta as Record<string, unknown> | undefined
  const error = record.error
  // Read as an object: text, numbers and booleans have no code, message or issues either.
  const nested = error as Record<string, unknown> | null | undefined
  const issues = ApiIssue.array().safeParse(nested?.issues ?? record.issues)
  const errorsList = Array.isArray(record.errors) ? record.errors : undefined
  const firstListed = errorsList?.[0]
  const listedMessage =
    typeof firstListed === 'string'
      ? firstListed
      : text((firstListed as Record<string, unknown> | null | undefined)?.message)
  return {
    code: text(nested?.code) ?? text(record.code),
    message: text(nested?.message) ?? text(error) ?? text(record.message) ?? listedMessage,
    requestId: text(meta?.requestId) ?? text(record.requestId),
    ...(issues.success ? { issues: issues.data } : {}),
  }
}
