import { type CcClient, createClient } from '@cc/client'

/** Find a contact by email, change two fields, read it back. */
export async function quickstart(cc: CcClient = createClient()) {
  // createClient() reads CC_API_KEY (and CC_BASE_URL, CC_LOG) from the environment.
  const [contact] = await cc.people.search({ email: 'john@example.com' })
  if (!contact) return undefined

  // PUT /v1/people/{id}: only the fields you send change. The patch is validated before it is sent.
  await cc.people.update(contact.id, { stage: 'stage_active', tags: ['VIP', 'Hot Lead'] })

  const updated = await cc.people.get(contact.id)
  console.log(updated.stageName, updated.tags, updated.requestId)
  return updated
}
