import { type CcClient, createClient } from '@cc/client'

/**
 * Tag many contacts at once. `updateMany` never throws once started: every item gets a result, invalid patches
 * are reported without being sent, and a 429 pauses all workers together.
 */
export async function tagAll(ids: string[], tags: string[], cc: CcClient = createClient()) {
  const controller = new AbortController() // controller.abort() stops the rest
  const results = await cc.people.updateMany(
    ids.map((id) => ({ id, patch: { tags } })),
    {
      concurrency: 4,
      signal: controller.signal,
      onProgress: ({ done, total, failed }) => console.log(`${done}/${total} (${failed} failed)`),
    },
  )
  const failures = results.flatMap((result) => (result.ok ? [] : [`${result.id}: ${result.error.message}`]))
  return { updated: results.length - failures.length, failures }
}
