import type * as z from 'zod'

/** The openings of zod's English default messages (`zod/v4/locales/en.ts`): none of ours starts like this. */
const ZOD_DEFAULTS =
  /^(Invalid input|Invalid option|Invalid string|Invalid number|Invalid key|Invalid value|Invalid discriminator|Invalid [A-Z]|Too small|Too big|Unrecognized key)/

export const isZodDefault = (message: string): boolean => ZOD_DEFAULTS.test(message)

/** The messages of every issue, those inside a union's branches included. */
export function allMessages(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.flatMap((issue) => [
    issue.message,
    ...(issue.code === 'invalid_union' ? issue.errors.flatMap((branch) => allMessages(branch)) : []),
  ])
}
