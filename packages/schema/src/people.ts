import * as z from 'zod'
import { messages, worded } from './messages.js'
import { namedSchemas } from './named-schemas.js'
import { ContactId, Email, EmailAddress, Money, Phone, QueryBoolean, StateCode, Tags, ZipCode } from './primitives.js'

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
  stage: z.string(worded).meta({
    title: 'Stage',
    description: 'Stage id (a contact reports it as `stageId`, with its name in `stageName`).',
    examples: ['stage_lead'],
  }),
  price: Money.meta({
    title: 'Price',
    description: 'Price or budget, 0 or more.',
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
 * The writable fields of a contact, every one optional, unknown fields refused (naming the closest known field):
 * the values a form edits and the shape of a patch.
 */
export const ContactValues = z.strictObject(contactFieldSchemas, worded).partial()
export type ContactValues = z.infer<typeof ContactValues>

/**
 * A contact body with only the rules the docs state: every field optional, each as documented, and fields the docs
 * do not list passed through (ASSUMPTIONS.md#unknown-request-fields). For `PUT /people/{id}` and `POST /people`.
 */
export const ContactBodyDocumented = z.looseObject(contactFieldSchemas, worded).partial()

/**
 * Body of `PUT /v1/people/{id}`: a partial update ("only the fields provided are changed"). Every field optional,
 * unknown fields refused. An empty patch is sent: it changes nothing, which the docs do not forbid.
 */
export const UpdateContactInput = z
  .strictObject(contactFieldSchemas, worded)
  .partial()
  .register(namedSchemas, { id: 'UpdateContactInput' })
export type UpdateContactInput = z.infer<typeof UpdateContactInput>

/**
 * The identifying fields of a contact. The contract requires none of them on a create (the docs mark no field
 * required); an application that wants one can use this list with `messages.createNeeds`.
 */
export const CREATE_NEEDS_ONE_OF = [
  'firstName',
  'lastName',
  'email',
  'phone',
] as const satisfies readonly ContactFieldName[]

/**
 * Body of `POST /v1/people`: creates a contact, or updates the one with the same email
 * (ASSUMPTIONS.md#upsert-matches-email). The page shows only an example, so the fields and their rules are those of
 * Update contact (ASSUMPTIONS.md#create-fields-as-update); no field is required.
 */
export const CreateContactInput = z
  .strictObject(contactFieldSchemas, worded)
  .partial()
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

const listPeopleFields = {
  limit: z.coerce.number<number | string>(worded).int(worded).min(1, worded).max(100, worded).default(10),
  cursor: z.string(worded).optional(),
}

/** Query of `GET /v1/people`. Values arrive as strings in a URL, so numbers are coerced. Unknown parameters refused. */
export const ListPeopleQuery = z.strictObject(listPeopleFields, worded)
export type ListPeopleQuery = z.input<typeof ListPeopleQuery>

/** Query of `GET /v1/people` with only the docs' rules: unknown parameters pass. */
export const ListPeopleQueryDocumented = z.looseObject(listPeopleFields, worded)

/**
 * The search criteria. The contract requires none of them (the docs do not say a search needs one); an application
 * that wants one can use this list with `messages.searchNeeds`.
 */
export const SEARCH_NEEDS_ONE_OF = ['id', 'email', 'phone', 'name'] as const

/** The criteria of a search, as the docs give them: how they combine is ASSUMPTIONS.md#search-criteria. */
const searchFields = {
  id: z.string(worded).optional(),
  email: EmailAddress.optional(),
  phone: z.string(worded).optional(),
  name: z.string(worded).min(2, worded).optional(),
}

/** Query of `GET /v1/people/search`: id exact, email exact, phone normalized, name fuzzy. Unknown parameters refused. */
export const SearchPeopleQuery = z.strictObject(searchFields, worded)
export type SearchPeopleQuery = z.infer<typeof SearchPeopleQuery>

/** Query of `GET /v1/people/search` with only the docs' rules: unknown parameters pass. */
export const SearchPeopleQueryDocumented = z.looseObject(searchFields, worded)

/** The search endpoint returns at most this many contacts. */
export const SEARCH_MAX_RESULTS = 10

const deleteFields = {
  permanent: z.union([z.boolean(worded), QueryBoolean], { error: messages.type('boolean') }).default(false),
}

/** Query of `DELETE /v1/people/{id}`: `permanent=true` deletes for good, otherwise the contact moves to trash. */
export const DeleteContactQuery = z.strictObject(deleteFields, worded)
export type DeleteContactQuery = z.input<typeof DeleteContactQuery>

/** Query of `DELETE /v1/people/{id}` with only the docs' rules: unknown parameters pass. */
export const DeleteContactQueryDocumented = z.looseObject(deleteFields, worded)

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
