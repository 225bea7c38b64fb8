import type { ApiIssue } from '@cc/schema'
import type * as core from 'zod/v4/core'

/**
 * A zod error as API issues: one per offending field (the first problem found with it), each
 * unknown field its own issue, paths as the request spells them.
 */
export function toApiIssues(error: core.$ZodError): ApiIssue[] {
  const issues: ApiIssue[] = []
  const seen = new Set<string>()
  const add = (path: PropertyKey[], message: string) => {
    const clean = path.map((part) => (typeof part === 'number' ? part : String(part)))
    const key = JSON.stringify(clean)
    if (seen.has(key)) return
    seen.add(key)
    issues.push({ path: clean, message })
  }
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add([...issue.path, key], 'is not a known field')
    } else {
      add(issue.path, issue.message)
    }
  }
  return issues
}

/** Issues of one value (a header, a query parameter) placed under its name. */
export function prefixIssues(issues: ApiIssue[], name: string): ApiIssue[] {
  return issues.map((issue) => ({ ...issue, path: [name, ...issue.path] }))
}
