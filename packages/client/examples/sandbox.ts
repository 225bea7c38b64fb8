import { createClient } from '@cc/client'
import { createSandbox } from '@cc/sandbox'

/** Test your integration offline: the sandbox speaks the same API, in-process, with faults on demand. */
export async function againstTheSandbox() {
  const sandbox = await createSandbox()
  try {
    const cc = createClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.url, fetch: sandbox.fetch })
    sandbox.queueFaults(['500', 'reset']) // the client retries both
    const { id } = await cc.people.create({ firstName: 'Test', email: 'test@example.com' })
    return await cc.people.get(id)
  } finally {
    await sandbox.close()
  }
}
