// The page script: bundled with esbuild from the built @cc/client and @cc/schema, served from loopback, and
// called by the driver through `window.ccSmoke(config)`.
import { runChecks } from './checks.mjs'
import { checkCrossOrigin } from './cross-origin.mjs'
import { checkForm } from './form.mjs'

window.ccSmoke = async (config) => [...(await runChecks(config)), checkForm(), await checkCrossOrigin(config)]
