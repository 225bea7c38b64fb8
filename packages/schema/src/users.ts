import { z } from 'zod'

export const Team = z.looseObject({ id: z.string(), name: z.string() })
export type Team = z.infer<typeof Team>

/** An item of `GET /v1/users`. */
export const User = z.looseObject({
  id: z.string(),
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
  email: z.string().nullish(),
  role: z.string().nullish(),
  avatarUrl: z.string().nullish(),
  teams: z.array(Team).nullish(),
})
export type User = z.infer<typeof User>

/** `data` of `GET /v1/me`: the user the API key belongs to (the docs' example has no `role`). */
export const Me = User
export type Me = z.infer<typeof Me>
