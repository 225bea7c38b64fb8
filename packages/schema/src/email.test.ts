import { describe, expect, it } from 'vitest'
import { EMAIL_PATTERN, Email, EmailAddress, messages, SearchPeopleQuery, UpdateContactInput } from './index.js'

/**
 * The email rule (ASSUMPTIONS.md#email-syntax): every address valid under RFC 5321 / RFC 6531 is accepted, what is not
 * an address is refused, in zod and in the JSON Schema alike (test/differential.test.ts runs these through ajv).
 */

const accepted: [string, string][] = [
  ['"john doe"@example.com', 'a quoted local part with a space'],
  ['"a\\"b\\\\c"@example.com', 'a quoted local part with escaped characters'],
  ['"a..b"@example.com', 'dots anywhere inside quotes'],
  ['josé@example.com', 'a non-ASCII local part (RFC 6531)'],
  ['用户@例子.广告', 'non-ASCII on both sides'],
  ['😀@example.com', 'a character beyond the BMP'],
  ['user@bücher.de', 'a non-ASCII domain (U-label)'],
  ['user@xn--bcher-kva.de', 'the same domain as an A-label'],
  ['user%x@example.com', '% in the local part'],
  ['!#$&*=?^{|}~@example.com', 'every other atext character'],
  ["o'neil+crm-1/2_x`y@example.com", "' + - / _ ` in the local part"],
  ['j.smith@mail.example.co', 'dots between characters'],
  ['jsmith@example', 'a domain of one label (RFC 5321 §2.3.5)'],
  ['user@[192.0.2.1]', 'an IPv4 address literal'],
  ['user@[IPv6:2001:db8::1]', 'an IPv6 address literal'],
  ['x@a-.com', 'a hyphen at the end of a label: left to the server'],
  [`${'a'.repeat(65)}@example.com`, 'a local part over 64 octets: left to the server'],
]

const refused: [string, string][] = [
  ['jsmith', 'no @'],
  ['jsmith.example.com', 'no @'],
  ['@example.com', 'an empty local part'],
  ['""@example.com', 'an empty quoted local part'],
  ['jsmith@', 'an empty domain'],
  ['j smith@example.com', 'an unquoted space'],
  ['jsmith@exa mple.com', 'a space in the domain'],
  ['j\u00a0smith@example.com', 'an unquoted no-break space'],
  [' jsmith@example.com', 'a space before'],
  ['jsmith@example.com ', 'a space after'],
  ['jsmith@example.com\n', 'a line break after'],
  ['j\u0000smith@example.com', 'a NUL'],
  ['j\tsmith@example.com', 'a tab'],
  ['"j\u0007smith"@example.com', 'a control character, even quoted'],
  ['j\u007fsmith@example.com', 'DEL'],
  ['j\u0085smith@example.com', 'a C1 control character'],
  ['j\ud800smith@example.com', 'a lone surrogate'],
  ['a..b@example.com', 'two dots in a row, unquoted'],
  ['.jsmith@example.com', 'a dot first'],
  ['jsmith.@example.com', 'a dot last'],
  ['jsmith@example..com', 'an empty label'],
  ['jsmith@.example.com', 'an empty first label'],
  ['jsmith@example.com.', 'an empty last label'],
  ['a@b@example.com', 'two @'],
  ['"a"b@example.com', 'text after a quoted local part'],
  ['jsmith@[192.0.2.1', 'an unclosed address literal'],
  ['jsmith@exam_ple.com', 'an underscore in the domain'],
  ['', 'nothing'],
]

describe('EMAIL_PATTERN', () => {
  it.each(accepted)('accepts %s (%s)', (email) => {
    expect(EMAIL_PATTERN.test(email)).toBe(true)
    expect(EmailAddress.safeParse(email).success).toBe(true)
  })

  it.each(refused)('refuses %j (%s)', (email) => {
    expect(EMAIL_PATTERN.test(email)).toBe(false)
    expect(EmailAddress.safeParse(email).error?.issues[0]?.message).toBe(messages.email)
  })

  it('takes linear time: megabyte inputs that fail at the very end are answered at once', () => {
    const long = 'a'.repeat(1 << 20)
    for (const input of [
      `${long}@${long}!`,
      `"${'\\a'.repeat(1 << 19)}`,
      'a.'.repeat(1 << 19),
      `a@${'b.'.repeat(1 << 19)}`,
    ]) {
      expect(EMAIL_PATTERN.test(input)).toBe(false)
    }
  })
})

describe('Email: the rule, at most 255 characters', () => {
  const ofLength = (length: number) => `${'a'.repeat(length - '@example.com'.length)}@example.com`

  it('accepts 255 characters, refuses 256 naming the limit', () => {
    expect(Email.safeParse(ofLength(255)).success).toBe(true)
    expect(Email.safeParse(ofLength(256)).error?.issues[0]?.message).toBe(
      'must be at most 255 characters (you have 256)',
    )
  })

  it('counts characters, not bytes: 255 non-ASCII characters pass', () => {
    expect(Email.safeParse(`${'é'.repeat(243)}@example.com`).success).toBe(true)
  })

  it('is the rule of a contact’s email and of the search by email (which the docs give no length)', () => {
    expect(UpdateContactInput.safeParse({ email: 'josé@bücher.de' }).success).toBe(true)
    expect(UpdateContactInput.safeParse({ email: 'jsmith' }).success).toBe(false)
    expect(SearchPeopleQuery.safeParse({ email: '"john doe"@example.com' }).success).toBe(true)
    expect(SearchPeopleQuery.safeParse({ email: 'john doe@example.com' }).success).toBe(false)
    expect(SearchPeopleQuery.safeParse({ email: ofLength(300) }).success).toBe(true)
  })
})
