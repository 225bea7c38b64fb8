import { describe, expect, it } from 'vitest'
import type { Operation } from './router.js'
import { Routes } from './router.js'

/** An operation that answers its own name, to tell which one matched. */
const named =
  (name: string): Operation =>
  () => ({ status: 200, body: name })

const run = (routes: Routes, method: string, path: string) => {
  const match = routes.match(method, path)
  if (match === undefined) return undefined
  const answer = match.operation(undefined as never, { requestId: 'r', keyScope: 's' }, match.params)
  return { name: (answer as { body: string }).body, params: match.params }
}

describe('Routes', () => {
  it('matches by method and path, with the path parameters by name', () => {
    const routes = new Routes()
    routes.add('GET', '/v1/people', named('list'))
    routes.add('GET', '/v1/people/:id', named('get'))
    routes.add('PUT', '/v1/people/:id', named('update'))
    routes.add('POST', '/v1/deals/:id/move', named('move'))
    routes.add('GET', '/v1/a/:first/b/:second', named('two'))
    expect(run(routes, 'GET', '/v1/people')).toEqual({ name: 'list', params: {} })
    expect(run(routes, 'GET', '/v1/people/abc')).toEqual({ name: 'get', params: { id: 'abc' } })
    expect(run(routes, 'PUT', '/v1/people/abc')).toEqual({ name: 'update', params: { id: 'abc' } })
    expect(run(routes, 'POST', '/v1/deals/d1/move')).toEqual({ name: 'move', params: { id: 'd1' } })
    expect(run(routes, 'GET', '/v1/a/x/b/y')).toEqual({ name: 'two', params: { first: 'x', second: 'y' } })
    expect(run(routes, 'DELETE', '/v1/people/abc')).toBeUndefined()
    expect(run(routes, 'GET', '/v1/people/abc/notes')).toBeUndefined()
    expect(run(routes, 'GET', '/v2/people')).toBeUndefined()
  })

  it('a route without parameters gets none, and no two matches share a parameters object', () => {
    const routes = new Routes()
    routes.add('GET', '/v1/people/:id', named('get'))
    routes.add('GET', '/v1/me', named('me'))
    const first = routes.match('GET', '/v1/people/a')
    const second = routes.match('GET', '/v1/people/b')
    expect(first?.params).toEqual({ id: 'a' })
    expect(second?.params).toEqual({ id: 'b' })
    expect(Object.isFrozen(routes.match('GET', '/v1/me')?.params)).toBe(true)
  })

  it('the earlier of two matching routes wins', () => {
    const routes = new Routes()
    routes.add('GET', '/v1/people/search', named('search'))
    routes.add('GET', '/v1/people/:id', named('get'))
    expect(run(routes, 'GET', '/v1/people/search')?.name).toBe('search')
    expect(run(routes, 'GET', '/v1/people/searcher')?.name).toBe('get')
  })

  it('answers HEAD with the GET route', () => {
    const routes = new Routes()
    routes.add('GET', '/v1/me', named('me'))
    routes.add('POST', '/v1/people', named('create'))
    expect(run(routes, 'HEAD', '/v1/me')?.name).toBe('me')
    expect(run(routes, 'HEAD', '/v1/people')).toBeUndefined()
  })

  it('percent-decodes parameters; an invalid escape stays as sent', () => {
    const routes = new Routes()
    routes.add('GET', '/v1/people/:id', named('get'))
    expect(run(routes, 'GET', '/v1/people/Zo%C3%AB%20x')?.params).toEqual({ id: 'Zoë x' })
    expect(run(routes, 'GET', '/v1/people/100%25')?.params).toEqual({ id: '100%' })
    expect(run(routes, 'GET', '/v1/people/bad%E0%A4%A')?.params).toEqual({ id: 'bad%E0%A4%A' })
    expect(run(routes, 'GET', '/v1/people/plain+text')?.params).toEqual({ id: 'plain+text' })
  })

  it('lists the methods a path takes in registration order, HEAD after GET, none for an unknown path', () => {
    const routes = new Routes()
    routes.add('GET', '/v1/people/:id', named('get'))
    routes.add('PUT', '/v1/people/:id', named('update'))
    routes.add('DELETE', '/v1/people/:id', named('delete'))
    routes.add('POST', '/v1/people', named('create'))
    routes.add('GET', '/v1/people', named('list'))
    expect(routes.allowedMethods('/v1/people/abc')).toEqual(['GET', 'HEAD', 'PUT', 'DELETE'])
    expect(routes.allowedMethods('/v1/people')).toEqual(['POST', 'GET', 'HEAD'])
    expect(routes.allowedMethods('/v1/nothing')).toEqual([])
  })

  it('lists each method once where several routes match a path', () => {
    const routes = new Routes()
    routes.add('GET', '/v1/people/search', named('search'))
    routes.add('GET', '/v1/people/:id', named('get'))
    routes.add('DELETE', '/v1/people/:id', named('delete'))
    expect(routes.allowedMethods('/v1/people/search')).toEqual(['GET', 'HEAD', 'DELETE'])
  })
})
