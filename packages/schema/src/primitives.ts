import * as z from 'zod'
import { EMAIL_MAX_LENGTH, EMAIL_PATTERN } from './email.js'
import { listTooLong, messages, worded } from './messages.js'

/** A contact id as the API documents it on `/people/{id}`. */
export const ContactId = z.string(worded).regex(/^[a-zA-Z0-9_-]{8,}$/, messages.contactId)
export type ContactId = z.infer<typeof ContactId>

/**
 * Ids the docs give no pattern for (users, stages, pipelines, deals), where one is required: any non-empty string.
 * Not empty is our rule (ASSUMPTIONS.md#ids-not-empty); the docs say only "string".
 */
export const ResourceId = z.string(worded).min(1, worded)
export type ResourceId = z.infer<typeof ResourceId>

/**
 * An email address: RFC 5321 with RFC 6531's internationalised forms (`josé@example.com`, `"john doe"@example.com`,
 * `user@bücher.de`), any length. See `EMAIL_PATTERN` and ASSUMPTIONS.md#email-syntax.
 */
export const EmailAddress = z.string(worded).regex(EMAIL_PATTERN, messages.email)
export type EmailAddress = z.infer<typeof EmailAddress>

/** An email address of at most 255 characters, as the Update contact docs give `email`. */
export const Email = z.string(worded).max(EMAIL_MAX_LENGTH, worded).regex(EMAIL_PATTERN, messages.email)
export type Email = z.infer<typeof Email>

/** E.164-like, the leading `+` optional, exactly as the Update contact docs give it. */
export const Phone = z.string(worded).regex(/^\+?[1-9]\d{1,14}$/, messages.phone)
export type Phone = z.infer<typeof Phone>

export const StateCode = z
  .string(worded)
  .max(2, worded)
  .regex(/^[A-Z]{2}$/, messages.stateCode)
export type StateCode = z.infer<typeof StateCode>

export const ZipCode = z.string(worded).regex(/^\d{5}(-\d{4})?$/, messages.zipCode)
export type ZipCode = z.infer<typeof ZipCode>

export const Tag = z.string(worded).min(1, worded).max(50, worded)
export type Tag = z.infer<typeof Tag>

export const Tags = z.array(Tag, worded).max(20, listTooLong('tags'))
export type Tags = z.infer<typeof Tags>

/** Money amounts: finite and not negative. zod 4 numbers already reject NaN and ±Infinity. */
export const Money = z.number(worded).min(0, worded)
export type Money = z.infer<typeof Money>

export const IsoDateTime = z.iso.datetime({ offset: true, ...worded })
export type IsoDateTime = z.infer<typeof IsoDateTime>

/** Booleans in a query string arrive as text. */
export const QueryBoolean = z
  .enum(['true', 'false'], { error: messages.queryBoolean })
  .transform((value) => value === 'true')

/**
 * The `Idempotency-Key` request header of `POST /people`, a UUID in practice. The docs name the header and nothing
 * more; our rule (ASSUMPTIONS.md#idempotency-key-value) is only what a key needs to reach the server exactly as
 * given: `fetch` throws on line breaks and on characters beyond Latin-1, cuts spaces at either end, and Latin-1 is
 * read differently by different servers. Printable ASCII without spaces at either end is sent unchanged by every
 * `fetch`.
 */
export const IdempotencyKey = z.string(worded).regex(/^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/, messages.headerValue)
export type IdempotencyKey = z.infer<typeof IdempotencyKey>
