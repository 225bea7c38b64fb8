import { METHOD_NAME_ALL } from 'hono/router'
import { TrieRouter } from 'hono/router/trie-router'
import type { ApiRequest } from './exchange.js'

/** What a route handler sees of the request beyond its input: ids the pipeline assigned. */
export interface RequestContext {
  readonly requestId: string
  /** A hash of the API key that authenticated the request: scopes idempotency and rate limits. */
  readonly keyScope: string
}

/** A route's answer; the pipeline adds `X-Request-Id`, `Content-Type` and the other common headers. */
export interface Answer {
  status: number
  /** JSON text. */
  body: string
  headers?: Record<string, string>
}

export type Operation = (
  request: ApiRequest,
  context: RequestContext,
  params: Record<string, string>,
) => Answer | Promise<Answer>

export interface Match {
  operation: Operation
  params: Record<string, string>
}

const NO_PARAMS: Record<string, string> = Object.freeze({}) as Record<string, string>

/**
 * The routes, matched by Hono's TrieRouter (its RegExpRouter refuses `/people/search` beside `/people/:id`). `HEAD` is answered as `GET`;
 * `allowedMethods` gives a `405`'s `Allow` list, in registration order, with `HEAD` after `GET`.
 */
export class Routes {
  readonly #router = new TrieRouter<Operation>()
  /** Each route's method by its path, whatever the request's method (`HEAD` beside `GET`). */
  readonly #methods = new TrieRouter<string>()

  /** `path` in Hono's syntax: `/v1/people/:id`. Earlier routes win when two match. */
  add(method: string, path: string, operation: Operation): void {
    this.#router.add(method, path, operation)
    this.#methods.add(METHOD_NAME_ALL, path, method)
    if (method === 'GET') this.#methods.add(METHOD_NAME_ALL, path, 'HEAD')
  }

  match(method: string, path: string): Match | undefined {
    // TrieRouter gives each handler its parameters by name (never a stash of values, as the RegExpRouter does).
    const [handlers] = this.#router.match(method === 'HEAD' ? 'GET' : method, path)
    const first = handlers[0]
    if (first === undefined) return undefined
    const [operation, found] = first as [Operation, Record<string, string>]
    let params = NO_PARAMS
    for (const name in found) {
      if (params === NO_PARAMS) params = {}
      params[name] = decodeParam(found[name] as string)
    }
    return { operation, params }
  }

  /** Every method some route takes at `path` (none: the path is unknown). */
  allowedMethods(path: string): string[] {
    const allowed = new Set<string>()
    for (const [method] of this.#methods.match(METHOD_NAME_ALL, path)[0]) allowed.add(method)
    return [...allowed]
  }
}

/** A path parameter, percent-decoded when it can be (an invalid escape stays as sent, for the schema to reject). */
function decodeParam(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}
