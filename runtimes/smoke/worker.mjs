// A Cloudflare Worker (module syntax) that runs the checks when the driver POSTs the run's config to it. Bundled
// with esbuild from the built @cc/client; it reaches the sandbox through workerd's network service on loopback.
import { runChecks } from './checks.mjs'

export default {
  async fetch(request) {
    if (request.method !== 'POST') return new Response('POST the run config as JSON', { status: 405 })
    const config = await request.json()
    return Response.json({ checks: await runChecks(config) })
  },
}
