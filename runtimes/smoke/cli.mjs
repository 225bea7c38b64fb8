// Entry point for the runtimes that run files: Node, Bun and Deno. Takes the run's config as a JSON argument,
// imports the built @cc/client through runtimes/node_modules (a link to packages/client), and prints one
// `RESULT <json>` line for the driver.
import { runChecks } from './checks.mjs'

const args = globalThis.Deno ? globalThis.Deno.args : process.argv.slice(2)
const config = JSON.parse(args[0])
const checks = await runChecks(config)
// Which file the bare specifier loaded: the driver refuses anything but the built dist/.
const resolved = import.meta.resolve('@cc/client')
console.log(`RESULT ${JSON.stringify({ checks, resolved })}`)
