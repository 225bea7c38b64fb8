// A sandbox in its own process, so that the load it serves does not share an event loop (or a core) with the
// client measuring it. Prints `{"url": …}` once listening, then takes JSON commands on stdin, one a line:
// `{"setFaults": FaultOptions | false}` and `{"reset": true}`, each answered with `{"ok": true}` or `{"error": …}`.
// `BENCH_CONTACTS=<n>` seeds n demo contacts instead of the default 200.
import { createInterface } from 'node:readline'
import { createSandbox } from '@cc/sandbox'

const apiKey = process.env.BENCH_API_KEY
if (!apiKey) throw new Error('BENCH_API_KEY is not set')
const contacts = process.env.BENCH_CONTACTS ? Number(process.env.BENCH_CONTACTS) : undefined
const sandbox = await createSandbox({
  listen: { port: 0 },
  apiKeys: [apiKey],
  ...(contacts === undefined ? {} : { seed: { contacts } }),
})
const reply = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`)
reply({ url: sandbox.url })

for await (const line of createInterface({ input: process.stdin })) {
  try {
    const command = JSON.parse(line) as { setFaults?: Parameters<typeof sandbox.setFaults>[0]; reset?: boolean }
    if (command.setFaults !== undefined) sandbox.setFaults(command.setFaults)
    if (command.reset) await sandbox.reset()
    reply({ ok: true })
  } catch (error) {
    reply({ error: (error as Error).message })
  }
}
// stdin closed: the parent is done.
await sandbox.close()
