// Preloaded with --import: appends the URL of every module Node loads to $CC_TUI_MODULE_LOG.
import { appendFileSync } from 'node:fs'
import { registerHooks } from 'node:module'

registerHooks({
  load(url, context, nextLoad) {
    appendFileSync(process.env.CC_TUI_MODULE_LOG, `${url}\n`)
    return nextLoad(url, context)
  },
})
