import { ListUsersResponse, MeResponse } from '@cc/schema'
import { afterEach, describe, expect, it } from 'vitest'
import { testApp } from '../../../test/app.js'

const open: ReturnType<typeof testApp>[] = []
afterEach(() => {
  for (const { store } of open.splice(0)) store.close()
})

describe('users', () => {
  it('lists every user with an avatar and their teams by name; /me is the account owner', async () => {
    const made = testApp()
    open.push(made)
    const users = ListUsersResponse.parse((await made.send('GET', '/users')).body).data
    expect(users.map((user) => user.id)).toEqual([
      'user_jsmith',
      'user_mgarcia',
      'user_achen',
      'user_dokafor',
      'user_spatel',
    ])
    const owner = {
      id: 'user_jsmith',
      firstName: 'Jane',
      lastName: 'Smith',
      email: 'jsmith@example.com',
      role: 'Owner',
      avatarUrl: 'https://avatars.example.com/user_jsmith.png',
      teams: [
        { id: 'team_downtown', name: 'Downtown' },
        { id: 'team_luxury', name: 'Luxury Homes' },
      ],
    }
    expect(users[0]).toEqual(owner)
    expect(users[4]?.teams).toEqual([
      { id: 'team_downtown', name: 'Downtown' },
      { id: 'team_coastal', name: 'Coastal' },
    ])
    const me = await made.send('GET', '/me')
    expect(me.status).toBe(200)
    expect(MeResponse.parse(me.body).data).toEqual(owner)
  })
})
