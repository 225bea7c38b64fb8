import * as z from 'zod'
import { messages, worded } from './messages.js'
import { namedSchemas } from './named-schemas.js'
import { ContactId, Email, Money, Phone, QueryBoolean, ResourceId, StateCode, Tags, ZipCode } from './primitives.js'

/**
 * The writable fields of a contact, each exactly as the Update contact docs constrain it.
 * `UpdateContactInput` and `CreateContactInput` are these fields, every one optional.
 * `title`, `description` and `examples` are the field's label, help and example in forms and in the
 * OpenAPI document; the limits are read from the checks themselves.
 */
export const contactFieldSchemas = {
  firstName: z
    .string(worded)
    .min(1, worded)
    .max(100, worded)
    .meta({ title: 'First name', description: 'Given name.', examples: ['John'] }),
  lastName: z
    .string(worded)
    .min(1, worded)
    .max(100, worded)
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
    .string(worded)
    .max(100, worded)
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
    .string(worded)
    .max(100, worded)
    .meta({ title: 'Timeframe', description: 'When the contact plans to buy or sell.', examples: ['3-6 months'] }),
  background: z
    .string(worded)
    .max(5000, worded)
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
    .string(worded)
    .max(200, worded)
    .meta({ title: 'Street', description: 'Street address.', examples: ['123 Main St'] }),
  city: z
    .string(worded)
    .max(100, worded)
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

/**
 * The writable fields of a contact, every one optional, unknown fields rejected: the values a form
 * edits and the shape of a patch, without the rule that a patch must change something.
 */
export const ContactValues = z.strictObject(contactFieldSchemas, worded).partial()
export type ContactValues = z.infer<typeof ContactValues>

/** A rule about the whole contact is checked once every field is valid: `{ nickname }` is an unknown field, not an empty patch. */
const onlyValidFields = (payload: z.core.ParsePayload): boolean => payload.issues.length === 0

/**
 * Body of `PUT /v1/people/{id}`: a partial update. Every field is optional, unknown fields are
 * rejected, and an empty patch is rejected (it would change nothing).
 */
export const UpdateContactInput = ContactValues.refine((patch) => Object.keys(patch).length > 0, {
  error: messages.emptyPatch,
  when: onlyValidFields,
})
  // JSON Schema cannot see a refinement: say the same rule in its own words.
  .meta({ minProperties: 1 })
  .register(namedSchemas, { id: 'UpdateContactInput' })
export type UpdateContactInput = z.infer<typeof UpdateContactInput>

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
  { error: messages.createNeeds, when: onlyValidFields },
)
  .meta({ anyOf: CREATE_NEEDS_ONE_OF.map((name) => ({ required: [name] })) })
  .register(namedSchemas, { id: 'CreateContactInput' })
export type CreateContactInput = z.infer<typeof CreateContactInput>

export const PersonEmail = z
  .looseObject(
    {
      value: z.string(worded),
      type: z.string(worded).nullish(),
      isPrimary: z.boolean(worded).nullish(),
    },
    worded,
  )
  .register(namedSchemas, { id: 'PersonEmail' })
export type PersonEmail = z.infer<typeof PersonEmail>

export const PersonPhone = z
  .looseObject(
    {
      value: z.string(worded),
      type: z.string(worded).nullish(),
      isPrimary: z.boolean(worded).nullish(),
      status: z.string(worded).nullish(),
      isBad: z.boolean(worded).nullish(),
    },
    worded,
  )
  .register(namedSchemas, { id: 'PersonPhone' })
export type PersonPhone = z.infer<typeof PersonPhone>

/**
 * A contact as the API returns it (the read model). Forward compatible: unknown fields pass
 * through. Fields missing from some documented examples are optional.
 */
export const Person = z
  .looseObject(
    {
      id: z.string(worded),
      firstName: z.string(worded).nullish(),
      lastName: z.string(worded).nullish(),
      fullName: z.string(worded).nullish(),
      emails: z.array(PersonEmail, worded),
      phones: z.array(PersonPhone, worded),
      assignedAgentId: z.string(worded).nullish(),
      assignedAgentName: z.string(worded).nullish(),
      assignedAgentEmail: z.string(worded).nullish(),
      stageId: z.string(worded).nullish(),
      stageName: z.string(worded).nullish(),
      source: z.string(worded).nullish(),
      /** Comma + space joined, e.g. `"VIP, Hot Lead"`. Use `parseTags` for an array. */
      tags: z.string(worded).nullish(),
      price: z.number(worded).nullish(),
      timeframe: z.string(worded).nullish(),
      background: z.string(worded).nullish(),
      relationship: z.boolean(worded).nullish(),
      street: z.string(worded).nullish(),
      city: z.string(worded).nullish(),
      state: z.string(worded).nullish(),
      zipCode: z.string(worded).nullish(),
      createdAt: z.string(worded),
      updatedAt: z.string(worded).nullish(),
    },
    worded,
  )
  .register(namedSchemas, { id: 'Person' })
export type Person = z.infer<typeof Person>

/** Query of `GET /v1/people`. Values arrive as strings in a URL, so numbers are coerced. */
export const ListPeopleQuery = z.strictObject(
  {
    limit: z.coerce.number<number | string>(worded).int(worded).min(1, worded).max(100, worded).default(10),
    cursor: z.string(worded).min(1, worded).optional(),
  },
  worded,
)
export type ListPeopleQuery = z.input<typeof ListPeopleQuery>

/** A search needs at least one of these criteria. */
export const SEARCH_NEEDS_ONE_OF = ['id', 'email', 'phone', 'name'] as const

/** Query of `GET /v1/people/search`: at least one criterion. */
export const SearchPeopleQuery = z
  .strictObject(
    {
      id: z.string(worded).min(1, worded).optional(),
      email: z.string(worded).min(1, worded).max(255, worded).optional(),
      phone: z.string(worded).min(1, worded).max(32, worded).optional(),
      name: z.string(worded).trim().min(2, worded).max(200, worded).optional(),
    },
    worded,
  )
  .refine((q) => SEARCH_NEEDS_ONE_OF.some((name) => q[name] !== undefined), {
    error: messages.searchNeeds,
    when: onlyValidFields,
  })
  .meta({ anyOf: SEARCH_NEEDS_ONE_OF.map((name) => ({ required: [name] })) })
export type SearchPeopleQuery = z.infer<typeof SearchPeopleQuery>

/** The search endpoint returns at most this many contacts. */
export const SEARCH_MAX_RESULTS = 10

/** Query of `DELETE /v1/people/{id}`: `permanent=true` deletes for good, otherwise the contact moves to trash. */
export const DeleteContactQuery = z.strictObject(
  {
    permanent: z.union([z.boolean(worded), QueryBoolean], { error: messages.type('boolean') }).default(false),
  },
  worded,
)
export type DeleteContactQuery = z.input<typeof DeleteContactQuery>

/** `data` of `POST /v1/people`. */
export const UpsertContactResult = z
  .looseObject({ created: z.boolean(worded), id: z.string(worded), person: Person }, worded)
  .register(namedSchemas, { id: 'UpsertContactResult' })
export type UpsertContactResult = z.infer<typeof UpsertContactResult>

/** `data` of `DELETE /v1/people/{id}`. */
export const DeleteContactResult = z
  .looseObject({ deleted: z.boolean(worded), permanent: z.boolean(worded) }, worded)
  .register(namedSchemas, { id: 'DeleteContactResult' })
export type DeleteContactResult = z.infer<typeof DeleteContactResult>

export const ContactPathParams = z.strictObject({ id: ContactId }, worded)
export type ContactPathParams = z.infer<typeof ContactPathParams>
