import { endpoints, type User } from '@cc/schema'
import type { Hono } from 'hono'
import { OWNER, teams, type UserFixture, users } from '../../seed/fixtures.js'
import type { AppEnv } from '../context.js'
import { addRoute } from '../route.js'

function toUser(user: UserFixture): User {
  return {
    id: user.id,
    firstName: user.firstName,
    lastName: user.lastName,
    email: user.email,
    role: user.role,
    avatarUrl: `https://avatars.example.com/${user.id}.png`,
    teams: teams.filter((team) => user.teamIds.includes(team.id)).map((team) => ({ id: team.id, name: team.name })),
  }
}

export function addUserRoutes(app: Hono<AppEnv>): void {
  addRoute(app, endpoints.listUsers, (c, _input, reply) => reply.data(c, users.map(toUser)))
  // Every sandbox key belongs to the account owner.
  addRoute(app, endpoints.me, (c, _input, reply) => reply.data(c, toUser(OWNER)))
}
