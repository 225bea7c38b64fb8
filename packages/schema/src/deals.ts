import { z } from 'zod'
import { NOT_EMPTY_MESSAGE, tooLong } from './messages.js'
import { IsoDateTime, Money, ResourceId } from './primitives.js'

const dealFields = {
  title: z.string().min(1, NOT_EMPTY_MESSAGE).max(200, tooLong),
  pipelineId: ResourceId,
  stageId: ResourceId.optional(),
  peopleIds: z.array(ResourceId).optional(),
  teamIds: z.array(ResourceId).optional(),
  /** Deal value ("maps to 'price' internally", say the docs). */
  pricing: Money.optional(),
  commission: Money.optional(),
  closeDate: IsoDateTime.optional(),
}

/** Body of `POST /v1/deals`. */
export const CreateDealInput = z.strictObject(dealFields)
export type CreateDealInput = z.infer<typeof CreateDealInput>

/** Body of `PUT /v1/deals/{id}`: the docs mark `title` and `pipelineId` required here too (a full update). */
export const UpdateDealInput = z.strictObject(dealFields)
export type UpdateDealInput = z.infer<typeof UpdateDealInput>

/** Body of `POST /v1/deals/{id}/move`. */
export const MoveDealInput = z.strictObject({
  stageId: ResourceId,
  order: z.number().optional(),
})
export type MoveDealInput = z.infer<typeof MoveDealInput>

/** `data` of `POST /v1/deals`: only the new id. */
export const CreateDealResult = z.looseObject({ id: z.string() })
export type CreateDealResult = z.infer<typeof CreateDealResult>

export const DealPathParams = z.strictObject({ id: ResourceId })
export type DealPathParams = z.infer<typeof DealPathParams>
