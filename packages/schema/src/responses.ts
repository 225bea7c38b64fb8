import * as z from 'zod'
import { Activity } from './activities.js'
import { CreateDealResult } from './deals.js'
import { DataEnvelope, ListEnvelope, SuccessEnvelope } from './envelope.js'
import { worded } from './messages.js'
import { namedSchemas } from './named-schemas.js'
import { DeleteContactResult, Person, SEARCH_MAX_RESULTS, UpsertContactResult } from './people.js'
import { Me, User } from './users.js'

/** Response bodies, one per endpoint. All forward compatible: unknown fields pass through. */
export const ListPeopleResponse = ListEnvelope(Person).register(namedSchemas, { id: 'ListPeopleResponse' })
export type ListPeopleResponse = z.infer<typeof ListPeopleResponse>

export const SearchPeopleResponse = DataEnvelope(z.array(Person, worded).max(SEARCH_MAX_RESULTS, worded)).register(
  namedSchemas,
  { id: 'SearchPeopleResponse' },
)
export type SearchPeopleResponse = z.infer<typeof SearchPeopleResponse>

export const GetPersonResponse = DataEnvelope(Person).register(namedSchemas, { id: 'GetPersonResponse' })
export type GetPersonResponse = z.infer<typeof GetPersonResponse>

export const UpsertContactResponse = DataEnvelope(UpsertContactResult).register(namedSchemas, {
  id: 'UpsertContactResponse',
})
export type UpsertContactResponse = z.infer<typeof UpsertContactResponse>

export const UpdateContactResponse = SuccessEnvelope
export type UpdateContactResponse = z.infer<typeof UpdateContactResponse>

export const DeleteContactResponse = SuccessEnvelope.extend({ data: DeleteContactResult }).register(namedSchemas, {
  id: 'DeleteContactResponse',
})
export type DeleteContactResponse = z.infer<typeof DeleteContactResponse>

export const ListUsersResponse = DataEnvelope(z.array(User, worded)).register(namedSchemas, { id: 'ListUsersResponse' })
export type ListUsersResponse = z.infer<typeof ListUsersResponse>

export const MeResponse = DataEnvelope(Me).register(namedSchemas, { id: 'MeResponse' })
export type MeResponse = z.infer<typeof MeResponse>

export const CreateDealResponse = DataEnvelope(CreateDealResult).register(namedSchemas, { id: 'CreateDealResponse' })
export type CreateDealResponse = z.infer<typeof CreateDealResponse>

export const UpdateDealResponse = SuccessEnvelope
export type UpdateDealResponse = z.infer<typeof UpdateDealResponse>

export const MoveDealResponse = SuccessEnvelope
export type MoveDealResponse = z.infer<typeof MoveDealResponse>

export const CreateActivityResponse = DataEnvelope(Activity).register(namedSchemas, { id: 'CreateActivityResponse' })
export type CreateActivityResponse = z.infer<typeof CreateActivityResponse>
