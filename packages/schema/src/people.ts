import { z } from 'zod'
import { ContactId, Email, Money, Phone, QueryBoolean, ResourceId, StateCode, Tags, ZipCode } from './primitives.js'

/**
 * The writable fields of a contact, each exactly as the Update contact docs constrain it.
 * Shared by `UpdateContactInput` (all optional: PUT is a partial update) and `CreateContactInput`.
 */
export const contactFieldSchemas = {
  firstName: z.string().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  lastName: z.string().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  email: Email,
  phone: Phone,
  source: z.string().max(100, 'must be at most 100 characters'),
  stage: ResourceId,
  price: Money,
  timeframe: z.string().max(100, 'must be at most 100 characters'),
  background: z.string().max(5000, 'must be at most 5000 characters'),
  tags: Tags,
  street: z.string().max(200, 'must be at most 200 characters'),
  city: z.string().max(100, 'must be at most 100 characters'),
  state: StateCode,
  zipCode: ZipCode,
} as const

export type ContactFieldName = keyof typeof contactFieldSchemas
export const contactFieldNames = Object.keys(contactFieldSchemas) as ContactFieldName[]

const optionalFields = {
  firstName: contactFieldSchemas.firstName.optional(),
  lastName: contactFieldSchemas.lastName.optional(),
  email: contactFieldSchemas.email.optional(),
  phone: contactFieldSchemas.phone.optional(),
  source: contactFieldSchemas.source.optional(),
  stage: contactFieldSchemas.stage.optional(),
  price: contactFieldSchemas.price.optional(),
  timeframe: contactFieldSchemas.timeframe.optional(),
  background: contactFieldSchemas.background.optional(),
  tags: contactFieldSchemas.tags.optional(),
  street: contactFieldSchemas.street.optional(),
  city: contactFieldSchemas.city.optional(),
  state: contactFieldSchemas.state.optional(),
  zipCode: contactFieldSchemas.zipCode.optional(),
}

export const EMPTY_PATCH_MESSAGE = 'must change at least one field'

/**
 * Body of `PUT /v1/people/{id}`: a partial update. Every field is optional, unknown fields are
 * rejected, and an empty patch is rejected (it would change nothing).
 */
export const UpdateContactInput = z
  .strictObject(optionalFields)
  .refine((patch) => Object.keys(patch).length > 0, { error: EMPTY_PATCH_MESSAGE })
export type UpdateContactInput = z.infer<typeof UpdateContactInput>

export const CREATE_NEEDS_MESSAGE = 'needs at least a first name, last name, email or phone'

/**
 * Body of `POST /v1/people` (create, or update the contact with the same email).
 * The docs mark no field required; a contact needs at least a name or a way to reach it.
 */
export const CreateContactInput = z
  .strictObject(optionalFields)
  .refine(
    (input) =>
      input.firstName !== undefined ||
      input.lastName !== undefined ||
      input.email !== undefined ||
      input.phone !== undefined,
    { error: CREATE_NEEDS_MESSAGE },
  )
export type CreateContactInput = z.infer<typeof CreateContactInput>

export const PersonEmail = z.looseObject({
  value: z.string(),
  type: z.string().nullish(),
  isPrimary: z.boolean().nullish(),
})
export type PersonEmail = z.infer<typeof PersonEmail>

export const PersonPhone = z.looseObject({
  value: z.string(),
  type: z.string().nullish(),
  isPrimary: z.boolean().nullish(),
  status: z.string().nullish(),
  isBad: z.boolean().nullish(),
})
export type PersonPhone = z.infer<typeof PersonPhone>

/**
 * A contact as the API returns it (the read model). Forward compatible: unknown fields pass
 * through. Fields missing from some documented examples are optional.
 */
export const Person = z.looseObject({
  id: z.string(),
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
  fullName: z.string().nullish(),
  emails: z.array(PersonEmail),
  phones: z.array(PersonPhone),
  assignedAgentId: z.string().nullish(),
  assignedAgentName: z.string().nullish(),
  assignedAgentEmail: z.string().nullish(),
  stageId: z.string().nullish(),
  stageName: z.string().nullish(),
  source: z.string().nullish(),
  /** Comma + space joined, e.g. `"VIP, Hot Lead"`. Use `parseTags` for an array. */
  tags: z.string().nullish(),
  price: z.number().nullish(),
  timeframe: z.string().nullish(),
  background: z.string().nullish(),
  relationship: z.boolean().nullish(),
  street: z.string().nullish(),
  city: z.string().nullish(),
  state: z.string().nullish(),
  zipCode: z.string().nullish(),
  createdAt: z.string(),
  updatedAt: z.string().nullish(),
})
export type Person = z.infer<typeof Person>

/** Query of `GET /v1/people`. Values arrive as strings in a URL, so numbers are coerced. */
export const ListPeopleQuery = z.strictObject({
  limit: z.coerce
    .number<number | string>()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(100, 'must be at most 100')
    .default(10),
  cursor: z.string().min(1, 'must not be empty').optional(),
})
export type ListPeopleQuery = z.input<typeof ListPeopleQuery>

export const SEARCH_NEEDS_MESSAGE = 'needs at least one of id, email, phone or name'

/** Query of `GET /v1/people/search`: at least one criterion. */
export const SearchPeopleQuery = z
  .strictObject({
    id: z.string().min(1, 'must not be empty').optional(),
    email: z.string().min(1, 'must not be empty').max(255, 'must be at most 255 characters').optional(),
    phone: z.string().min(1, 'must not be empty').max(32, 'must be at most 32 characters').optional(),
    name: z
      .string()
      .trim()
      .min(2, 'must be at least 2 characters')
      .max(200, 'must be at most 200 characters')
      .optional(),
  })
  .refine((q) => q.id !== undefined || q.email !== undefined || q.phone !== undefined || q.name !== undefined, {
    error: SEARCH_NEEDS_MESSAGE,
  })
export type SearchPeopleQuery = z.infer<typeof SearchPeopleQuery>

/** The search endpoint returns at most this many contacts. */
export const SEARCH_MAX_RESULTS = 10

/** Query of `DELETE /v1/people/{id}`: `permanent=true` deletes for good, otherwise the contact moves to trash. */
export const DeleteContactQuery = z.strictObject({
  permanent: z.union([z.boolean(), QueryBoolean]).default(false),
})
export type DeleteContactQuery = z.input<typeof DeleteContactQuery>

/** `data` of `POST /v1/people`. */
export const UpsertContactResult = z.looseObject({
  created: z.boolean(),
  id: z.string(),
  person: Person,
})
export type UpsertContactResult = z.infer<typeof UpsertContactResult>

/** `data` of `DELETE /v1/people/{id}`. */
export const DeleteContactResult = z.looseObject({
  deleted: z.boolean(),
  permanent: z.boolean(),
})
export type DeleteContactResult = z.infer<typeof DeleteContactResult>

export const ContactPathParams = z.strictObject({ id: ContactId })
export type ContactPathParams = z.infer<typeof ContactPathParams>
