import { z } from 'zod'
import { tooLong } from './messages.js'
import { ResourceId } from './primitives.js'

export const ActivityType = z.enum(['call', 'email', 'note', 'meeting', 'sms', 'activity'])
export type ActivityType = z.infer<typeof ActivityType>

export const ActivityDirection = z.enum(['inbound', 'outbound'])
export type ActivityDirection = z.infer<typeof ActivityDirection>

/** Body of `POST /v1/activities` (a note is an activity of type `note`). */
export const CreateActivityInput = z.strictObject({
  personId: ResourceId,
  type: ActivityType,
  channel: z.string().optional(),
  direction: ActivityDirection.optional(),
  content: z.string().max(5000, tooLong).optional(),
})
export type CreateActivityInput = z.infer<typeof CreateActivityInput>

/** `data` of `POST /v1/activities`. */
export const Activity = z.looseObject({
  id: z.string(),
  personId: z.string(),
  type: z.string(),
  createdAt: z.string(),
  channel: z.string().nullish(),
  direction: z.string().nullish(),
  content: z.string().nullish(),
  agentName: z.string().nullish(),
  starred: z.boolean().nullish(),
})
export type Activity = z.infer<typeof Activity>
