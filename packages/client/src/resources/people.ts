import type {
  CreateContactInput,
  DeleteContactResult,
  ListMeta,
  ListPeopleQuery,
  Person,
  SearchPeopleQuery,
  UpdateContactInput,
  UpsertContactResult,
} from '@cc/schema'
import { assumptionUrl, endpoints, messages, summarizeFieldErrors, worded } from '@cc/schema'
import * as z from 'zod'
import type { CallSettings } from '../core/api-client.js'
import type { APIPromise, WithResponse } from '../core/api-promise.js'
import {
  asCcError,
  BULK_MAX_RETRIES,
  type BulkProgress,
  type BulkResult,
  type BulkSource,
  isBulkSource,
  runPool,
  streamPool,
} from '../core/bulk.js'
import { optionError, optionErrors, type RequestOptions, RequestOptionsSchema } from '../core/config.js'
import { prepareCall } from '../core/endpoint.js'
import { ValidationError } from '../core/errors.js'
import { isMissingRoute } from '../core/missing-route.js'
import { Page, PagePromise } from '../core/pagination.js'
import { APIResource } from '../core/resource.js'
import { dataOf, type SuccessResult, successOf } from '../core/unwrap.js'

export interface CreateOptions extends RequestOptions {
  /** Makes the call safe to retry: the server replays the first answer for the same key and body. Default: a
   * fresh UUID per call, reused by its retries. */
  idempotencyKey?: string
}

export interface DeleteOptions extends RequestOptions {
  /** `true` deletes for good; by default the contact moves to the trash. */
  permanent?: boolean
}

/**
 * What `people.delete` resolves with: the API's `{ deleted, permanent }`, and `alreadyGone: true` when a retry found
 * the contact gone after an earlier attempt may have deleted it (its answer was lost on the way).
 */
export type DeletePersonResult = DeleteContactResult & {
  /** Present (and `true`) only when the contact was already gone on a retry: an earlier attempt deleted it. */
  alreadyGone?: true
}

export interface UpdateManyItem {
  id: string
  patch: UpdateContactInput
}

const UpdateManyOptionsSchema = RequestOptionsSchema.extend({
  /** How many updates run at once. Default 4. */
  concurrency: z.number(worded).int(worded).min(1, worded).max(64, worded).optional(),
  /** Called once per item, as soon as its result is known. */
  onProgress: z
    .custom<(progress: BulkProgress) => void>((value) => typeof value === 'function', messages.type('function'))
    .optional(),
})
export type UpdateManyOptions = z.input<typeof UpdateManyOptionsSchema>

const ITEMS_PROBLEM = 'must be an array, an iterable or an async iterable of { id, patch }'

/** Contacts: `/people`. */
export class People extends APIResource {
  /** A page of contacts (`await`), or every contact page by page (`for await`). */
  list(query: ListPeopleQuery = {}, options?: RequestOptions): PagePromise<Person> {
    const fetchPage = (cursor: string | undefined): PagePromise<Person> => {
      const result = this.call(
        'listPeople',
        'people.list',
        { query: { ...query, cursor } },
        options,
        (body, raw) => new Page(body?.data ?? [], body?.meta ?? ({} as ListMeta), raw.requestId, cursor, fetchPage),
      )
      return new PagePromise(result.withResponse())
    }
    return fetchPage(query.cursor)
  }

  /**
   * One contact by id. `GET /people/{id}` is not in the API docs: when the server answers it with a 405, a 501 or a
   * 404 that is not its own "not found" (see `isMissingRoute`), the contact is read with the documented
   * `GET /people/search?id=` instead, and so is every later `get` of this client (ASSUMPTIONS.md#get-person-endpoint).
   * Either way an unknown id is a `NotFoundError`.
   */
  get(id: string, options?: RequestOptions): APIPromise<Person> {
    return this.run(options, async (settings) => {
      // Checked as the route would check it, whichever route answers.
      const direct = prepareCall('getPerson', { params: { id } }, 'people.get', settings.shaping)
      const routes = this.api.routes
      if (!routes.isMissing('getPerson')) {
        try {
          return await this.send(direct, settings, (body) => dataOf(body as { data: Person }))
        } catch (error) {
          if (!isMissingRoute(error)) throw error
          if (routes.markMissing('getPerson')) {
            const { method, path } = endpoints.getPerson
            const { operation } = endpoints.getPerson.fallback
            this.api.logger.info(
              `${method} ${path} is not served (${(error as { status: number }).status}): contacts are read with ` +
                `${operation} by id from now on (${assumptionUrl('get-person-endpoint')})`,
            )
          }
        }
      }
      return this.#getBySearch(id, settings)
    })
  }

  /** The fallback of `get`: the documented search by id, whose only match is the contact. */
  #getBySearch(id: string, settings: CallSettings): Promise<WithResponse<Person>> {
    const { fallback } = endpoints.getPerson
    const params: Record<string, string> = { id }
    const query = Object.fromEntries(Object.entries(fallback.query).map(([name, param]) => [name, params[param]]))
    // Stryker disable next-line StringLiteral: `get` has checked the same id and options for its own route first, and the search takes whatever that route takes: the name is never in an error
    const search = prepareCall(fallback.operation, { query }, 'people.get', settings.shaping)
    return this.send(search, settings, (body, raw) => {
      const found = (body as { data?: unknown } | undefined)?.data
      const person = Array.isArray(found) ? found.find((item) => (item as Person | null)?.id === id) : undefined
      if (person === undefined) throw this.api.notFound(search, raw, `Contact ${id}`)
      return person as Person
    })
  }

  /** Up to 10 contacts matching id (exact), email (exact), phone (normalized) or name (fuzzy). */
  search(query: SearchPeopleQuery, options?: RequestOptions): APIPromise<Person[]> {
    return this.call('searchPeople', 'people.search', { query }, options, dataOf)
  }

  /** Creates a contact, or updates the one with the same email. Safe to retry: it carries an idempotency key. */
  create(input: CreateContactInput, options?: CreateOptions): APIPromise<UpsertContactResult> {
    const { idempotencyKey, ...rest } = options ?? {}
    return this.call('upsertPerson', 'people.create', { body: input, idempotencyKey }, rest, dataOf)
  }

  /** Changes only the fields in `patch` (`PUT /people/{id}`). */
  update(id: string, patch: UpdateContactInput, options?: RequestOptions): APIPromise<SuccessResult> {
    return this.call('updatePerson', 'people.update', { params: { id }, body: patch }, options, successOf)
  }

  /**
   * Moves a contact to the trash, or deletes it for good with `{ permanent: true }`. A retry that finds the contact
   * gone after an earlier attempt may have deleted it (a connection lost, a timeout or a 5xx: its answer never
   * came) resolves with `{ deleted: true, permanent, alreadyGone: true }`; a 404 on the first attempt is a
   * `NotFoundError`, and a 409 is not retried.
   */
  delete(id: string, options?: DeleteOptions): APIPromise<DeletePersonResult> {
    const { permanent, ...rest } = options ?? {}
    const input = { params: { id }, query: { permanent } }
    return this.call('deletePerson', 'people.delete', input, rest, (body, raw): DeletePersonResult => {
      if (raw.alreadyGone) return { deleted: true, permanent: permanent === true, alreadyGone: true }
      return dataOf(body)
    })
  }

  /**
   * Updates many contacts, `concurrency` at a time, and resolves with one result per item in input order. `items`
   * may be an array or any iterable or async iterable; each item is validated as it is reached (an invalid one gets
   * its `ValidationError` and is not sent). It never throws once started, but for an error of the iterable itself:
   * a 429 pauses all workers together, and aborting `signal` gives every item not done an `AbortError`. Each item
   * is retried up to `BULK_MAX_RETRIES` times unless `maxRetries` says otherwise.
   *
   * The array of results holds one result per item: for a run too large for that, use `updateManyStream`.
   */
  async updateMany(items: BulkSource<UpdateManyItem>, options: UpdateManyOptions = {}): Promise<BulkResult[]> {
    const run = this.#bulk(items, options, 'people.updateMany')
    run.link()
    try {
      return await runPool(items, run.concurrency, run.update, run.stop)
    } finally {
      run.unlink()
    }
  }

  /**
   * `updateMany` as a stream: yields each item's result as soon as it is known (in the order they complete; each
   * carries its `index` in the input), so that a run of any length holds a bounded window in memory: at most
   * `concurrency` items in flight, fewer than 2 × `concurrency` items and results held together, and the next item
   * is taken from `items` only when fewer than `concurrency` results wait to be read. Stopping early (`break`)
   * aborts the updates in flight and closes `items`. Bad options throw at once.
   */
  updateManyStream(
    items: BulkSource<UpdateManyItem>,
    options: UpdateManyOptions = {},
  ): AsyncGenerator<BulkResult, void, undefined> {
    const run = this.#bulk(items, options, 'people.updateManyStream')
    return (async function* () {
      // Linked only once the run starts: a stream nobody reads holds nothing.
      run.link()
      try {
        yield* streamPool(items, run.concurrency, run.update, run.stop)
      } finally {
        run.unlink()
      }
    })()
  }

  /**
   * Checks the options and the source (throwing `ValidationError` naming what is wrong), and returns what the pool
   * runs: `update`, which gives every item a result and never throws, and `stop`, which ends the run.
   */
  #bulk(
    items: BulkSource<UpdateManyItem>,
    options: UpdateManyOptions,
    operation: string,
  ): {
    concurrency: number
    update: (item: UpdateManyItem, index: number) => Promise<BulkResult>
    stop: AbortController
    /** Links the caller's signal to `stop` while the run lasts. */
    link: () => void
    unlink: () => void
  } {
    const checked = UpdateManyOptionsSchema.safeParse(options)
    if (!checked.success) {
      const errors = optionErrors(checked.error.issues)
      throw new ValidationError(
        `Invalid options for ${operation}: ${summarizeFieldErrors(errors)}`,
        checked.error.issues,
        errors,
      )
    }
    if (!isBulkSource(items)) {
      const errors = optionError('items', ITEMS_PROBLEM)
      throw new ValidationError(`Invalid input for ${operation}: ${summarizeFieldErrors(errors)}`, [], errors)
    }
    const { concurrency = 4, onProgress, ...callOptions } = options
    const settings = this.api.settings({
      ...callOptions,
      maxRetries: callOptions.maxRetries ?? Math.max(BULK_MAX_RETRIES, this.api.config.maxRetries),
    })
    // Aborted by the caller's signal, or when the consumer of the stream stops reading. Linked by hand while the run
    // lasts, rather than with `AbortSignal.any` (see `ApiClient.#attempt`).
    const stop = new AbortController()
    const callerSignal = settings.signal
    // Stryker disable next-line OptionalChaining: called only when there is a signal: from its listener, or by `link` once it has aborted
    const onCallerAbort = () => stop.abort(callerSignal?.reason)
    const link = () => {
      if (callerSignal?.aborted) onCallerAbort()
      else callerSignal?.addEventListener('abort', onCallerAbort, { once: true })
    }
    const unlink = () => callerSignal?.removeEventListener('abort', onCallerAbort)
    const signal = stop.signal
    const running: CallSettings = { ...settings, signal }

    const total = Array.isArray(items) ? items.length : undefined
    let succeeded = 0
    let failed = 0
    const report = (result: BulkResult) => {
      if (result.ok) succeeded++
      else failed++
      try {
        // Stryker disable next-line OptionalChaining: without a callback, calling it would throw into the catch below, which drops it: the same results
        onProgress?.({ done: succeeded + failed, total, succeeded, failed, result })
      } catch {
        // A failing progress callback must not cost the caller the results.
      }
    }

    const update = async (item: UpdateManyItem, index: number): Promise<BulkResult> => {
      const input = item as Partial<UpdateManyItem> | null | undefined
      const id = idText(input)
      let result: BulkResult
      try {
        const call = prepareCall(
          'updatePerson',
          { params: { id: input?.id as string }, body: input?.patch },
          `people.updateMany[${index}]`,
          settings.shaping,
        )
        // Once `signal` has aborted, `request` sends nothing and throws an AbortError (no attempt made).
        const raw = await this.api.request(call, running)
        result = { index, id, ok: true, requestId: raw.requestId }
      } catch (error) {
        result = { index, id, ok: false, error: asCcError(error) }
      }
      report(result)
      return result
    }
    return { concurrency, update, stop, link, unlink }
  }
}

/** An item's id as its result names it: never throws, so that no item can stall a run (`streamPool`'s `work`). */
function idText(input: Partial<UpdateManyItem> | null | undefined): string {
  try {
    return String(input?.id)
  } catch {
    // A getter that throws, or an object that cannot be turned into text: the item's own error says what is wrong.
    return ''
  }
}
