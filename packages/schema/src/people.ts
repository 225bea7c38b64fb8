import { z } from 'zod'
import { NOT_EMPTY_MESSAGE, tooLong } from './messages.js'
import { ContactId, Email, Money, Phone, QueryBoolean, ResourceId, StateCode, Tags, ZipCode } from './primitives.js'

/**
 * The writable fields of a contact, each exactly as the Update contact docs constrain it.
 * Shared by `UpdateContactInput` (all optional: PUT is a partial update) and `CreateContactInput`.
 * `title`, `description` and `examples` are the field's label, help and example in forms and in the
 * OpenAPI document; the limits are read from the checks themselves.
 */
export const contactFieldSchemas = {
  firstName: z
    .string()
    .min(1, NOT_EMPTY_MESSAGE)
    .max(100, tooLong)
    .meta({ title: 'First name', description: 'Given name.', examples: ['John'] }),
  lastName: z
    .string()
    .min(1, NOT_EMPTY_MESSAGE)
    .max(100, tooLong)
    .meta({ title: 'Last name', description: 'Family name.', examples: ['Doe'] }),
  email: Email.meta({
    title: 'Email',
    description: 'Primary email address. `POST /people` updates the contact that already has this email.',
    examples: ['john@example.com'],
  }),
  phone: Phone.meta({
    title: 'Phone',
    description: 'Primary phone number: digits, an optional leading +, no spaces.',
    examples: ['+15551234567'],
  }),
  source: z
    .string()
    .max(100, tooLong)
    .meta({ title: 'Source', description: 'Where the lead came from.', examples: ['Website Signup'] }),
  stage: ResourceId.meta({
    title: 'Stage',
    description: 'Stage id (a contact reports it as `stageId`, with its name in `stageName`).',
    examples: ['stage_lead'],
  }),
  price: Money.meta({
    title: 'Price',
    description: 'Price or budget in US dollars, 0 or more.',
    examples: [450000],
  }),
  timeframe: z
    .string()
    .max(100, tooLong)
    .meta({ title: 'Timeframe', description: 'When the contact plans to buy or sell.', examples: ['3-6 months'] }),
  background: z
    .string()
    .max(5000, tooLong)
    .meta({
      title: 'Background',
      description: 'Free-form notes about the contact.',
      examples: ['Interested in downtown properties'],
    }),
  tags: Tags.meta({
    title: 'Tags',
    description: "Replaces the contact's tags. A contact reports them as one comma-joined string.",
    examples: [['VIP', 'Hot Lead']],
  }),
  street: z
    .string()
    .max(200, tooLong)
    .meta({ title: 'Street', description: 'Street address.', examples: ['123 Main St'] }),
  city: z
    .string()
    .max(100, tooLong)
    .meta({ title: 'City', description: 'City.', examples: ['Austin'] }),
  state: StateCode.meta({
    title: 'State',
    description: 'Two-letter upper-case US state code.',
    examples: ['TX'],
  }),
  zipCode: ZipCode.meta({
    title: 'ZIP code',
    description: 'US ZIP code, 5 digits or ZIP+4.',
    examples: ['78701'],
  }),
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

/**
 * The writable fields of a contact, every one optional, unknown fields rejected: the values a form
 * edits and the shape of a patch, without the rule that a patch must change something.
 */
export const ContactValues = z.strictObject(optionalFields)
export type ContactValues = z.infer<typeof ContactValues>

export const EMPTY_PATCH_MESSAGE = 'must change at least one field'

/**
 * Body of `PUT /v1/people/{id}`: a partial update. Every field is optional, unknown fields are
 * rejected, and an empty patch is rejected (it would change nothing).
 */
export const UpdateContactInput = ContactValues.refine((patch) => Object.keys(patch).length > 0, {
  error: EMPTY_PATCH_MESSAGE,
})
  // JSON Schema cannot see a refinement: say the same rule in its own words.
  .meta({ minProperties: 1 })
export type UpdateContactInput = z.infer<typeof UpdateContactInput>

export const CREATE_NEEDS_MESSAGE = 'needs at least a first name, last name, email or phone'
/** A new contact needs at least one of these fields. */
export const CREATE_NEEDS_ONE_OF = [
  'firstName',
  'lastName',
  'email',
  'phone',
] as const satisfies readonly ContactFieldName[]

/**
 * Body of `POST /v1/people` (create, or update the contact with the same email).
 * The docs mark no field required; a contact needs at least a name or a way to reach it.
 */
export const CreateContactInput = ContactValues.refine(
  (input) => CREATE_NEEDS_ONE_OF.some((name) => input[name] !== undefined),
  { error: CREATE_NEEDS_MESSAGE },
).meta({ anyOf: CREATE_NEEDS_ONE_OF.map((name) => ({ required: [name] })) })
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
  cursor: z.string().min(1, NOT_EMPTY_MESSAGE).optional(),
})
export type ListPeopleQuery = z.input<typeof ListPeopleQuery>

export const SEARCH_NEEDS_MESSAGE = 'needs at least one of id, email, phone or name'

/** A search needs at least one of these criteria. */
export const SEARCH_NEEDS_ONE_OF = ['id', 'email', 'phone', 'name'] as const

/** Query of `GET /v1/people/search`: at least one criterion. */
export const SearchPeopleQuery = z
  .strictObject({
    id: z.string().min(1, NOT_EMPTY_MESSAGE).optional(),
    email: z.string().min(1, NOT_EMPTY_MESSAGE).max(255, tooLong).optional(),
    phone: z.string().min(1, NOT_EMPTY_MESSAGE).max(32, tooLong).optional(),
    name: z.string().trim().min(2, 'must be at least 2 characters').max(200, tooLong).optional(),
  })
  .refine((q) => SEARCH_NEEDS_ONE_OF.some((name) => q[name] !== undefined), { error: SEARCH_NEEDS_MESSAGE })
  .meta({ anyOf: SEARCH_NEEDS_ONE_OF.map((name) => ({ required: [name] })) })
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
