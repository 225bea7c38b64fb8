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

/**
 * A run of any length (rows read from a file, say): `updateManyStream` takes them as it has room and hands back
 * each result as it completes, so memory holds a few rows, never all of them or all the results.
 */
export async function tagStream(ids: AsyncIterable<string>, tags: string[], cc: CcClient = createClient()) {
  async function* items() {
    for await (const id of ids) yield { id, patch: { tags } }
  }
  let updated = 0
  const failures: string[] = []
  for await (const result of cc.people.updateManyStream(items(), { concurrency: 8 })) {
    if (result.ok) updated++
    else failures.push(`row ${result.index} (${result.id}): ${result.error.message}`) // keep only what failed
  }
  return { updated, failures }
}
