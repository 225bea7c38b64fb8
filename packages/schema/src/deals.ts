import * as z from 'zod'
import { worded } from './messages.js'
import { namedSchemas } from './named-schemas.js'
import { IsoDateTime, ResourceId } from './primitives.js'

/** A deal's fields with the docs' rules: `title` 1–200 characters and `pipelineId` required, the rest free. */
const documentedDealFields = {
  title: z.string(worded).min(1, worded).max(200, worded),
  pipelineId: z.string(worded),
  stageId: z.string(worded).optional(),
  peopleIds: z.array(z.string(worded), worded).optional(),
  teamIds: z.array(z.string(worded), worded).optional(),
  /** Deal value ("maps to 'price' internally", say the docs). Any number: the docs set no minimum. */
  pricing: z.number(worded).optional(),
  commission: z.number(worded).optional(),
  closeDate: IsoDateTime.optional(),
}

/** Ours: the pipeline a deal belongs to is named by a non-empty id (ASSUMPTIONS.md#ids-not-empty). */
const dealFields = { ...documentedDealFields, pipelineId: ResourceId }

/** Body of `POST /v1/deals`. Unknown fields refused. */
export const CreateDealInput = z.strictObject(dealFields, worded).register(namedSchemas, {
  id: 'CreateDealInput',
})
export type CreateDealInput = z.infer<typeof CreateDealInput>

/** Body of `PUT /v1/deals/{id}`: the docs mark `title` and `pipelineId` required here too (a full update). */
export const UpdateDealInput = z.strictObject(dealFields, worded).register(namedSchemas, {
  id: 'UpdateDealInput',
})
export type UpdateDealInput = z.infer<typeof UpdateDealInput>

/** Body of `POST /v1/deals` and `PUT /v1/deals/{id}` with only the docs' rules: unknown fields pass. */
export const DealBodyDocumented = z.looseObject(documentedDealFields, worded)

/** Body of `POST /v1/deals/{id}/move`: the target stage, by a non-empty id (ours), and a position. */
export const MoveDealInput = z
  .strictObject({ stageId: ResourceId, order: z.number(worded).optional() }, worded)
  .register(namedSchemas, { id: 'MoveDealInput' })
export type MoveDealInput = z.infer<typeof MoveDealInput>

/** Body of `POST /v1/deals/{id}/move` with only the docs' rules. */
export const MoveDealInputDocumented = z.looseObject(
  { stageId: z.string(worded), order: z.number(worded).optional() },
  worded,
)

/** `data` of `POST /v1/deals`: only the new id. */
export const CreateDealResult = z
  .looseObject({ id: z.string(worded) }, worded)
  .register(namedSchemas, { id: 'CreateDealResult' })
export type CreateDealResult = z.infer<typeof CreateDealResult>

/** The deal in the path: a non-empty id (ours: an empty one would name another route). */
export const DealPathParams = z.strictObject({ id: ResourceId }, worded)
export type DealPathParams = z.infer<typeof DealPathParams>

/** The deal in the path with only the docs' rule: a string. */
export const DealPathParamsDocumented = z.strictObject({ id: z.string(worded) }, worded)
