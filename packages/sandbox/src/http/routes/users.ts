import { endpoints, type User } from '@cc/schema'
import type { Profile } from '../../profiles.js'
import { OWNER, teams, type UserFixture, users } from '../../seed/fixtures.js'
import { addRoute } from '../route.js'
import type { Routes } from '../router.js'

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

export function addUserRoutes(routes: Routes, profile: Profile): void {
  addRoute(routes, profile, endpoints.listUsers, (context, _input, reply) => reply.data(context, users.map(toUser)))
  // Every sandbox key belongs to the account owner.
  addRoute(routes, profile, endpoints.me, (context, _input, reply) => reply.data(context, toUser(OWNER)))
}
