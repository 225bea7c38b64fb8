import { endpoints } from '@cc/schema'
import type { Profile } from '../../profiles.js'
import { OWNER } from '../../seed/fixtures.js'
import { newActivityId } from '../../storage/ids.js'
import type { Store } from '../../storage/store.js'
import { validationError } from '../errors.js'
import { checkPeople } from '../references.js'
import { addRoute } from '../route.js'
import type { Routes } from '../router.js'

export function addActivityRoutes(routes: Routes, profile: Profile, store: Store): void {
  addRoute(routes, profile, endpoints.createActivity, (context, { body }, reply) => {
    const issues = checkPeople(store, [body.personId]).map((issue) => ({ ...issue, path: ['personId'] }))
    if (issues.length > 0) throw validationError(issues)
    const activity = store.transaction(() =>
      store.activities.insert({
        // Named one by one: nothing else of a body reaches the table.
        personId: body.personId,
        type: body.type,
        channel: body.channel,
        direction: body.direction,
        content: body.content,
        id: newActivityId(),
        agentId: OWNER.id,
        createdAt: new Date().toISOString(),
      }),
    )
    return reply.data(context, activity)
  })
}
