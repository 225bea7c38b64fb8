import { z } from 'zod'
import { NOT_EMPTY_MESSAGE, tooLong, tooManyTags } from './messages.js'

/** A contact id as the API documents it on `/people/{id}`. */
export const ContactId = z
  .string()
  .regex(/^[a-zA-Z0-9_-]{8,}$/, 'must be at least 8 characters of letters, digits, "_" or "-"')
export type ContactId = z.infer<typeof ContactId>

/** Ids the docs give no pattern for (users, stages, pipelines, deals): any non-empty string. */
export const ResourceId = z.string().min(1, NOT_EMPTY_MESSAGE)
export type ResourceId = z.infer<typeof ResourceId>

export const Email = z.email('must be a valid email address').max(255, tooLong)
export type Email = z.infer<typeof Email>

/** E.164-like, the leading `+` optional, exactly as the Update contact docs give it. */
export const Phone = z
  .string()
  .regex(/^\+?[1-9]\d{1,14}$/, 'must be an international number like +15551234567 (digits only, up to 15)')
export type Phone = z.infer<typeof Phone>

export const StateCode = z
  .string()
  .max(2, tooLong)
  .regex(/^[A-Z]{2}$/, 'must be a two-letter upper-case state code like CA')
export type StateCode = z.infer<typeof StateCode>

export const ZipCode = z.string().regex(/^\d{5}(-\d{4})?$/, 'must be a US ZIP code like 90210 or 90210-1234')
export type ZipCode = z.infer<typeof ZipCode>

export const Tag = z.string().min(1, NOT_EMPTY_MESSAGE).max(50, tooLong)
export type Tag = z.infer<typeof Tag>

export const Tags = z.array(Tag).max(20, tooManyTags)
export type Tags = z.infer<typeof Tags>

/** Money amounts: finite and not negative. zod 4 numbers already reject NaN and ±Infinity. */
export const Money = z.number().min(0, 'must be 0 or more')
export type Money = z.infer<typeof Money>

export const IsoDateTime = z.iso.datetime({ offset: true })
export type IsoDateTime = z.infer<typeof IsoDateTime>

/** Booleans in a query string arrive as text. */
export const QueryBoolean = z
  .enum(['true', 'false'], { error: 'must be "true" or "false"' })
  .transform((value) => value === 'true')

/** The `Idempotency-Key` request header of `POST /people`: any non-empty text, a UUID in practice. */
export const IdempotencyKey = z.string().min(1, NOT_EMPTY_MESSAGE).max(255, tooLong)
export type IdempotencyKey = z.infer<typeof IdempotencyKey>
