import { type CreateDealInput, endpoints } from '@cc/schema'
import type { Profile } from '../../profiles.js'
import { pipelines } from '../../seed/fixtures.js'
import { newDealId } from '../../storage/ids.js'
import type { Store } from '../../storage/store.js'
import { notFound, validationError } from '../errors.js'
import { checkPeople, checkPipelineStage, checkTeams } from '../references.js'
import { addRoute } from '../route.js'
import type { Routes } from '../router.js'

/** A deal without a stage starts in its pipeline's first stage. */
// Stryker disable next-line StringLiteral,OptionalChaining: the pipeline is checked first, and every pipeline has stages
const firstStage = (pipelineId: string): string => pipelines.find((p) => p.id === pipelineId)?.stages[0]?.id ?? ''

/** A deal's own fields, named one by one: nothing else of a body reaches the table. */
const dealFields = ({ title, pipelineId, peopleIds, teamIds, pricing, commission, closeDate }: CreateDealInput) => ({
  title,
  pipelineId,
  peopleIds,
  teamIds,
  pricing,
  commission,
  closeDate,
})

export function addDealRoutes(routes: Routes, profile: Profile, store: Store): void {
  addRoute(routes, profile, endpoints.createDeal, (context, { body }, reply) => {
    const issues = [
      ...checkPipelineStage(body.pipelineId, body.stageId),
      ...checkPeople(store, body.peopleIds),
      ...checkTeams(body.teamIds),
    ]
    if (issues.length > 0) throw validationError(issues)
    const now = new Date().toISOString()
    const id = newDealId()
    store.transaction(() =>
      store.deals.insert({
        ...dealFields(body),
        id,
        stageId: body.stageId ?? firstStage(body.pipelineId),
        createdAt: now,
        updatedAt: now,
      }),
    )
    return reply.data(context, { id })
  })

  addRoute(routes, profile, endpoints.updateDeal, (context, { params, body }, reply) => {
    if (store.deals.get(params.id) === undefined) throw notFound(`Deal ${params.id}`)
    const issues = [
      ...checkPipelineStage(body.pipelineId, body.stageId),
      ...checkPeople(store, body.peopleIds),
      ...checkTeams(body.teamIds),
    ]
    if (issues.length > 0) throw validationError(issues)
    store.transaction(() =>
      store.deals.replace({
        ...dealFields(body),
        id: params.id,
        stageId: body.stageId ?? firstStage(body.pipelineId),
        updatedAt: new Date().toISOString(),
      }),
    )
    return reply.success(context)
  })

  addRoute(routes, profile, endpoints.moveDeal, (context, { params, body }, reply) => {
    const deal = store.deals.get(params.id)
    if (deal === undefined) throw notFound(`Deal ${params.id}`)
    const issues = checkPipelineStage(deal.pipelineId, body.stageId)
    if (issues.length > 0) throw validationError(issues)
    store.transaction(() => store.deals.move(params.id, body.stageId, body.order, new Date().toISOString()))
    return reply.success(context)
  })
}
