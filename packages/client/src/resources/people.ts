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
import { messages, summarizeFieldErrors, worded } from '@cc/schema'
import { z } from 'zod'
import type { PreparedCall } from '../core/api-client.js'
import type { APIPromise } from '../core/api-promise.js'
import { asCcError, BULK_MAX_RETRIES, type BulkProgress, type BulkResult, runPool } from '../core/bulk.js'
import { optionErrors, type RequestOptions, RequestOptionsSchema } from '../core/config.js'
import { prepareCall } from '../core/endpoint.js'
import { AbortError, ValidationError } from '../core/errors.js'
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

  /** One contact by id. */
  get(id: string, options?: RequestOptions): APIPromise<Person> {
    return this.call('getPerson', 'people.get', { params: { id } }, options, dataOf)
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

  /** Moves a contact to the trash, or deletes it for good with `{ permanent: true }`. */
  delete(id: string, options?: DeleteOptions): APIPromise<DeleteContactResult> {
    const { permanent, ...rest } = options ?? {}
    const input = { params: { id }, query: { permanent } }
    return this.call('deletePerson', 'people.delete', input, rest, dataOf)
  }

  /**
   * Updates many contacts, `concurrency` at a time, and returns one result per item in input order. It never
   * throws once started: every item is validated before any is sent (an invalid one gets its `ValidationError`
   * and is not sent), a 429 pauses all workers together, and aborting `signal` stops the rest. Each item is retried
   * up to `BULK_MAX_RETRIES` times unless `maxRetries` says otherwise.
   */
  async updateMany(items: readonly UpdateManyItem[], options: UpdateManyOptions = {}): Promise<BulkResult[]> {
    const checked = UpdateManyOptionsSchema.safeParse(options)
    if (!checked.success) {
      const errors = optionErrors(checked.error.issues)
      throw new ValidationError(
        `Invalid options for people.updateMany: ${summarizeFieldErrors(errors)}`,
        checked.error.issues,
        errors,
      )
    }
    const { concurrency = 4, onProgress, ...callOptions } = options
    const requestOptions = {
      ...callOptions,
      maxRetries: callOptions.maxRetries ?? Math.max(BULK_MAX_RETRIES, this.api.config.maxRetries),
    }
    const total = items.length
    let succeeded = 0
    let failed = 0
    const report = (result: BulkResult) => {
      if (result.ok) succeeded++
      else failed++
      try {
        onProgress?.({ done: succeeded + failed, total, succeeded, failed, result })
      } catch {
        // A failing progress callback must not cost the caller the results.
      }
    }

    const prepared = items.map((item, index): PreparedCall | BulkResult => {
      try {
        return prepareCall('updatePerson', { params: { id: item.id }, body: item.patch }, `people.updateMany[${index}]`)
      } catch (error) {
        return { id: String(item?.id), ok: false, error: asCcError(error) }
      }
    })
    for (const entry of prepared) if (isResult(entry)) report(entry)

    const send = async (entry: PreparedCall | BulkResult, index: number): Promise<BulkResult> => {
      if (isResult(entry)) return entry
      const id = (items[index] as UpdateManyItem).id
      let result: BulkResult
      if (requestOptions.signal?.aborted) {
        const context = { method: entry.method, path: entry.path, attempts: 0 }
        result = { id, ok: false, error: new AbortError(context, requestOptions.signal.reason) }
      } else {
        try {
          const raw = await this.api.request(entry, requestOptions)
          result = { id, ok: true, requestId: raw.requestId }
        } catch (error) {
          result = { id, ok: false, error: asCcError(error) }
        }
      }
      report(result)
      return result
    }
    return runPool(prepared, concurrency, send)
  }
}

function isResult(entry: PreparedCall | BulkResult): entry is BulkResult {
  return 'ok' in entry
}
