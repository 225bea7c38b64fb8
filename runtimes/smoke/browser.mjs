// The page script: bundled with esbuild from the built @cc/client and @cc/schema, served from loopback, and
// called by the driver through `window.ccSmoke(config)`.
import { runChecks } from './checks.mjs'
import { checkCrossOrigin } from './cross-origin.mjs'
import { checkForm } from './form.mjs'

// The one runtime that is a browser, where the client refuses to start without `dangerouslyAllowBrowser: true`:
// the sandbox's key is no secret, so the page allows it.
window.ccSmoke = async (config) => [
  ...(await runChecks({ ...config, dangerouslyAllowBrowser: true })),
  checkForm(),
  await checkCrossOrigin(config),
]
