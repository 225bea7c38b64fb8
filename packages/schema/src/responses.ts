import { z } from 'zod'
import { Activity } from './activities.js'
import { CreateDealResult } from './deals.js'
import { DataEnvelope, ListEnvelope, SuccessEnvelope } from './envelope.js'
import { DeleteContactResult, Person, SEARCH_MAX_RESULTS, UpsertContactResult } from './people.js'
import { Me, User } from './users.js'

/** Response bodies, one per endpoint. All forward compatible: unknown fields pass through. */
export const ListPeopleResponse = ListEnvelope(Person)
export type ListPeopleResponse = z.infer<typeof ListPeopleResponse>

export const SearchPeopleResponse = DataEnvelope(z.array(Person).max(SEARCH_MAX_RESULTS))
export type SearchPeopleResponse = z.infer<typeof SearchPeopleResponse>

export const GetPersonResponse = DataEnvelope(Person)
export type GetPersonResponse = z.infer<typeof GetPersonResponse>

export const UpsertContactResponse = DataEnvelope(UpsertContactResult)
export type UpsertContactResponse = z.infer<typeof UpsertContactResponse>

export const UpdateContactResponse = SuccessEnvelope
export type UpdateContactResponse = z.infer<typeof UpdateContactResponse>

export const DeleteContactResponse = SuccessEnvelope.extend({ data: DeleteContactResult })
export type DeleteContactResponse = z.infer<typeof DeleteContactResponse>

export const ListUsersResponse = DataEnvelope(z.array(User))
export type ListUsersResponse = z.infer<typeof ListUsersResponse>

export const MeResponse = DataEnvelope(Me)
export type MeResponse = z.infer<typeof MeResponse>

export const CreateDealResponse = DataEnvelope(CreateDealResult)
export type CreateDealResponse = z.infer<typeof CreateDealResponse>

export const UpdateDealResponse = SuccessEnvelope
export type UpdateDealResponse = z.infer<typeof UpdateDealResponse>

export const MoveDealResponse = SuccessEnvelope
export type MoveDealResponse = z.infer<typeof MoveDealResponse>

export const CreateActivityResponse = DataEnvelope(Activity)
export type CreateActivityResponse = z.infer<typeof CreateActivityResponse>
