import { endpoints } from '@cc/schema'
import type { Hono } from 'hono'
import { OWNER } from '../../seed/fixtures.js'
import { newActivityId } from '../../storage/ids.js'
import type { Store } from '../../storage/store.js'
import type { AppEnv } from '../context.js'
import { validationError } from '../errors.js'
import { checkPeople } from '../references.js'
import { addRoute } from '../route.js'

export function addActivityRoutes(app: Hono<AppEnv>, store: Store): void {
  addRoute(app, endpoints.createActivity, (c, { body }, reply) => {
    const issues = checkPeople(store, [body.personId]).map((issue) => ({ ...issue, path: ['personId'] }))
    if (issues.length > 0) throw validationError(issues)
    const activity = store.transaction(() =>
      store.activities.insert({ ...body, id: newActivityId(), agentId: OWNER.id, createdAt: new Date().toISOString() }),
    )
    return reply.data(c, activity)
  })
}
