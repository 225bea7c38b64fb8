import * as z from 'zod'
import { worded } from './messages.js'
import { namedSchemas } from './named-schemas.js'
import { ResourceId } from './primitives.js'

export const ActivityType = z.enum(['call', 'email', 'note', 'meeting', 'sms', 'activity'], worded)
export type ActivityType = z.infer<typeof ActivityType>

export const ActivityDirection = z.enum(['inbound', 'outbound'], worded)
export type ActivityDirection = z.infer<typeof ActivityDirection>

const documentedActivityFields = {
  personId: z.string(worded),
  type: ActivityType,
  channel: z.string(worded).optional(),
  direction: ActivityDirection.optional(),
  content: z.string(worded).max(5000, worded).optional(),
}

/**
 * Body of `POST /v1/activities` (a note is an activity of type `note`). Unknown fields refused; the contact is named
 * by a non-empty id (ours, ASSUMPTIONS.md#ids-not-empty).
 */
export const CreateActivityInput = z
  .strictObject({ ...documentedActivityFields, personId: ResourceId }, worded)
  .register(namedSchemas, { id: 'CreateActivityInput' })
export type CreateActivityInput = z.infer<typeof CreateActivityInput>

/** Body of `POST /v1/activities` with only the docs' rules: unknown fields pass. */
export const CreateActivityInputDocumented = z.looseObject(documentedActivityFields, worded)

/** `data` of `POST /v1/activities`. */
export const Activity = z
  .looseObject(
    {
      id: z.string(worded),
      personId: z.string(worded),
      type: z.string(worded),
      createdAt: z.string(worded),
      channel: z.string(worded).nullish(),
      direction: z.string(worded).nullish(),
      content: z.string(worded).nullish(),
      agentName: z.string(worded).nullish(),
      starred: z.boolean(worded).nullish(),
    },
    worded,
  )
  .register(namedSchemas, { id: 'Activity' })
export type Activity = z.infer<typeof Activity>
