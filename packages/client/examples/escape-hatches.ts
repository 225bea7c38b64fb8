import { type CcClient, createClient, type UpdateContactInput } from '@cc/client'

/**
 * Requests are strict: a field the API docs do not list is refused before anything is sent (a typo like `zipcode`
 * would otherwise be dropped without a word). When the API takes more than its docs say, say so per call.
 */
export async function updateWithExtras(id: string, cc: CcClient = createClient()) {
  return cc.people.update(
    id,
    { city: 'Austin' }, // checked as usual
    {
      extraBody: { assignedAgentId: 'agent123' }, // added after the check, sent as given
      extraQuery: { notify: false }, // ?notify=false
      extraHeaders: { 'X-Correlation-Id': 'import-42' }, // any header but Authorization
    },
  )
}

/** Data from elsewhere (a file, another system): check it by the API docs only, or not at all. */
export async function lenient(id: string, patch: Record<string, unknown>, cc: CcClient = createClient()) {
  const docsOnly = cc.withOptions({ validate: { request: 'documented' } }) // fields the docs do not list pass
  await docsOnly.people.update(id, patch as UpdateContactInput)
  return cc.people.update(id, patch as UpdateContactInput, { validate: { request: false } }) // sent as built
}
