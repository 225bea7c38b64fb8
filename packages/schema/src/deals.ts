import * as z from 'zod'
import { worded } from './messages.js'
import { namedSchemas } from './named-schemas.js'
import { IsoDateTime, Money, ResourceId } from './primitives.js'

const dealFields = {
  title: z.string(worded).min(1, worded).max(200, worded),
  pipelineId: ResourceId,
  stageId: ResourceId.optional(),
  peopleIds: z.array(ResourceId, worded).optional(),
  teamIds: z.array(ResourceId, worded).optional(),
  /** Deal value ("maps to 'price' internally", say the docs). */
  pricing: Money.optional(),
  commission: Money.optional(),
  closeDate: IsoDateTime.optional(),
}

/** Body of `POST /v1/deals`. */
export const CreateDealInput = z.strictObject(dealFields, worded).register(namedSchemas, { id: 'CreateDealInput' })
export type CreateDealInput = z.infer<typeof CreateDealInput>

/** Body of `PUT /v1/deals/{id}`: the docs mark `title` and `pipelineId` required here too (a full update). */
export const UpdateDealInput = z.strictObject(dealFields, worded).register(namedSchemas, { id: 'UpdateDealInput' })
export type UpdateDealInput = z.infer<typeof UpdateDealInput>

/** Body of `POST /v1/deals/{id}/move`. */
export const MoveDealInput = z
  .strictObject({ stageId: ResourceId, order: z.number(worded).optional() }, worded)
  .register(namedSchemas, { id: 'MoveDealInput' })
export type MoveDealInput = z.infer<typeof MoveDealInput>

/** `data` of `POST /v1/deals`: only the new id. */
export const CreateDealResult = z
  .looseObject({ id: z.string(worded) }, worded)
  .register(namedSchemas, { id: 'CreateDealResult' })
export type CreateDealResult = z.infer<typeof CreateDealResult>

export const DealPathParams = z.strictObject({ id: ResourceId }, worded)
export type DealPathParams = z.infer<typeof DealPathParams>
