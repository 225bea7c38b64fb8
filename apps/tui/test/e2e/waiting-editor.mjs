#!/usr/bin/env node
// A stand-in for $EDITOR that is still open when cc-tui is stopped: it says which file it got (and its own pid),
// then waits until it is killed.
import { writeFileSync } from 'node:fs'

writeFileSync(process.env.WAITING_EDITOR_LOG, `${process.argv[2]}\n${process.pid}\n`)
setInterval(() => {}, 1000)
