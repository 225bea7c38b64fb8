import { endpoints } from '@cc/schema'
import { OWNER } from '../../seed/fixtures.js'
import { newActivityId } from '../../storage/ids.js'
import type { Store } from '../../storage/store.js'
import { validationError } from '../errors.js'
import { checkPeople } from '../references.js'
import { addRoute } from '../route.js'
import type { Routes } from '../router.js'

export function addActivityRoutes(routes: Routes, store: Store): void {
  addRoute(routes, endpoints.createActivity, (context, { body }, reply) => {
    const issues = checkPeople(store, [body.personId]).map((issue) => ({ ...issue, path: ['personId'] }))
    if (issues.length > 0) throw validationError(issues)
    const activity = store.transaction(() =>
      store.activities.insert({ ...body, id: newActivityId(), agentId: OWNER.id, createdAt: new Date().toISOString() }),
    )
    return reply.data(context, activity)
  })
}
