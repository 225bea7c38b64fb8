import * as z from 'zod'
import { listTooLong, messages, worded } from './messages.js'

/** A contact id as the API documents it on `/people/{id}`. */
export const ContactId = z.string(worded).regex(/^[a-zA-Z0-9_-]{8,}$/, messages.contactId)
export type ContactId = z.infer<typeof ContactId>

/** Ids the docs give no pattern for (users, stages, pipelines, deals): any non-empty string. */
export const ResourceId = z.string(worded).min(1, worded)
export type ResourceId = z.infer<typeof ResourceId>

export const Email = z.email(worded).max(255, worded)
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
 * The `Idempotency-Key` request header of `POST /people`: up to 255 visible ASCII characters, a UUID in practice.
 * A header value must reach the server exactly as given, and `fetch` does not send every string: it throws on
 * line breaks and on characters beyond Latin-1, trims surrounding spaces, and Latin-1 itself is read differently
 * by different servers. Visible ASCII (no spaces) is what every `fetch` sends unchanged.
 */
export const IdempotencyKey = z
  .string(worded)
  .min(1, worded)
  .max(255, worded)
  .regex(/^[\x21-\x7e]+$/, messages.headerToken)
export type IdempotencyKey = z.infer<typeof IdempotencyKey>
