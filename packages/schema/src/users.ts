import * as z from 'zod'
import { worded } from './messages.js'
import { namedSchemas } from './named-schemas.js'

export const Team = z
  .looseObject({ id: z.string(worded), name: z.string(worded) }, worded)
  .register(namedSchemas, { id: 'Team' })
export type Team = z.infer<typeof Team>

/** An item of `GET /v1/users`. */
export const User = z
  .looseObject(
    {
      id: z.string(worded),
      firstName: z.string(worded).nullish(),
      lastName: z.string(worded).nullish(),
      email: z.string(worded).nullish(),
      role: z.string(worded).nullish(),
      avatarUrl: z.string(worded).nullish(),
      teams: z.array(Team, worded).nullish(),
    },
    worded,
  )
  .register(namedSchemas, { id: 'User' })
export type User = z.infer<typeof User>

/** `data` of `GET /v1/me`: the user the API key belongs to (the docs' example has no `role`). */
export const Me = User
export type Me = z.infer<typeof Me>
