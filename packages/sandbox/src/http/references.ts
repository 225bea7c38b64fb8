import type { ApiIssue } from '@cc/schema'
import { contactStages, pipelines, teams } from '../seed/fixtures.js'
import type { Store } from '../storage/store.js'

/**
 * Checks that ids in a request point at things that exist. Each returns the issues for a 422, one
 * per offending field, with the known values when there are few.
 */

const known = (ids: readonly { id: string }[]) => ids.map((item) => item.id).join(', ')

/** A contact's stage: a known stage id, or `""`, which clears it (ASSUMPTIONS.md#empty-string-clears). */
export function checkContactStage(stage: string | undefined): ApiIssue[] {
  if (stage === undefined || stage === '' || contactStages.some((s) => s.id === stage)) return []
  return [{ path: ['stage'], message: `is not a known stage (known: ${known(contactStages)})` }]
}

export function checkPipelineStage(pipelineId: string, stageId: string | undefined, field = 'stageId'): ApiIssue[] {
  const pipeline = pipelines.find((p) => p.id === pipelineId)
  if (pipeline === undefined)
    return [{ path: ['pipelineId'], message: `is not a known pipeline (known: ${known(pipelines)})` }]
  if (stageId === undefined || pipeline.stages.some((s) => s.id === stageId)) return []
  return [{ path: [field], message: `is not a stage of pipeline ${pipeline.id} (known: ${known(pipeline.stages)})` }]
}

export function checkPeople(store: Store, ids: readonly string[] | undefined, field = 'peopleIds'): ApiIssue[] {
  return (ids ?? []).flatMap((id, index) =>
    store.people.exists(id) ? [] : [{ path: [field, index], message: `is not a known contact (${id})` }],
  )
}

export function checkTeams(ids: readonly string[] | undefined): ApiIssue[] {
  return (ids ?? []).flatMap((id, index) =>
    teams.some((t) => t.id === id)
      ? []
      : [{ path: ['teamIds', index], message: `is not a known team (known: ${known(teams)})` }],
  )
}
