/** The globals the check reads: `globalThis` by default, a stand-in in tests. */
type Scope = Record<string, unknown> & typeof globalThis

/**
 * Whether this is a browser page or a browser's worker, as openai-node decides it (`isRunningInBrowser` and its
 * worker check): a page has `window`, `window.document` and `navigator`; a worker runs in a `WorkerGlobalScope`
 * with a `WorkerNavigator`, and is none of Node, Deno, Bun, Cloudflare's workerd or Vercel's Edge runtime (which
 * have some of those globals but keep their code, and their secrets, on a server).
 */
export function isRunningInBrowser(scope: Scope = globalThis as Scope): boolean {
  const window = scope.window as { document?: unknown } | undefined
  if (typeof window?.document !== 'undefined' && typeof scope.navigator !== 'undefined') {
    return true
  }
  const WorkerGlobalScope = scope.WorkerGlobalScope
  const WorkerNavigator = scope.WorkerNavigator
  const navigator = scope.navigator as { userAgent?: unknown } | undefined
  const process = scope.process as { versions?: { node?: unknown } } | undefined
  return (
    typeof WorkerGlobalScope === 'function' &&
    scope instanceof WorkerGlobalScope &&
    typeof WorkerNavigator === 'function' &&
    navigator instanceof WorkerNavigator &&
    typeof navigator.userAgent === 'string' &&
    navigator.userAgent !== 'Cloudflare-Workers' &&
    process?.versions?.node === undefined &&
    scope.Deno === undefined &&
    scope.Bun === undefined &&
    scope.EdgeRuntime === undefined &&
    scope.WebSocketPair === undefined
  )
}
