import type { ConfigFile } from './config-file.js'

/** What the editor talks to: the embedded sandbox, or an API with a key. */
export type Connection =
  | { mode: 'sandbox'; reason: 'flag' | 'no-key' }
  | { mode: 'api'; apiKey: string; baseUrl?: string; keySource: 'env' | 'config' }

/** What the command line may say about the connection. Never the key: argv is visible to other users. */
export interface ConnectionFlags {
  baseUrl?: string
  sandbox?: boolean
}

/**
 * `--sandbox` wins; otherwise the key comes from `CC_API_KEY`, then the config file (`cc-tui login`), and the URL
 * from `--base-url`, then `CC_BASE_URL`, then the config file. No key: the sandbox.
 */
export function resolveConnection(flags: ConnectionFlags, env: NodeJS.ProcessEnv, config: ConfigFile): Connection {
  if (flags.sandbox) return { mode: 'sandbox', reason: 'flag' }
  const fromEnv = env.CC_API_KEY?.trim()
  const [apiKey, keySource] = fromEnv
    ? [fromEnv, 'env' as const]
    : config.apiKey
      ? [config.apiKey, 'config' as const]
      : [undefined, undefined]
  if (!apiKey || !keySource) return { mode: 'sandbox', reason: 'no-key' }
  const baseUrl = flags.baseUrl ?? (env.CC_BASE_URL?.trim() || undefined) ?? config.baseUrl
  return baseUrl ? { mode: 'api', apiKey, baseUrl, keySource } : { mode: 'api', apiKey, keySource }
}
