import { DEFAULT_BASE_URL } from '@cc/schema'

/** The base URL a client uses: the option, else `CC_BASE_URL`, else production. */
export function resolveBaseUrl(option?: string, env: NodeJS.ProcessEnv = process.env): string {
  return option ?? env.CC_BASE_URL ?? DEFAULT_BASE_URL
}
