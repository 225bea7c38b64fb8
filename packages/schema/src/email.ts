/**
 * What an email address is, for the docs' `string<email>`: every address valid under RFC 5321 with the
 * internationalised forms of RFC 6531, and nothing that is not an address. See ASSUMPTIONS.md#email-syntax.
 *
 * - Local part: a dot-atom (`john.doe`, `user%x`, `!#$&*=?^{|}~`, `josé`: RFC 5321 `atext` and any non-ASCII
 *   character but white space and controls, dots only between characters) or a quoted string (`"john doe"`: printable
 *   ASCII, non-ASCII, `\`-escapes), not empty.
 * - Domain: labels of letters, digits, hyphens and non-ASCII characters (U-labels: `bücher.de`), joined by single dots
 *   (one label alone is an address too, RFC 5321 §2.3.5), or an address literal (`[192.0.2.1]`, `[IPv6:2001:db8::1]`).
 *
 * Refused: no `@`, an empty local part or domain, unquoted white space, control characters (C0, DEL, C1), lone
 * surrogates, empty labels. Left to the server: the 64-octet local part and 63-octet label limits, where hyphens may
 * stand in a label, and whether the domain exists. It is a Unicode (`u`) pattern, as JSON Schema reads patterns,
 * and linear: no input makes it backtrack.
 */

/** A dot-atom character: everything but ASCII specials and controls, C1 controls, white space and lone surrogates. */
const ATOM_CHAR = String.raw`[^\x00-\x20"(),.:;<>@[\\\]\x7f-\x9f\s\ud800-\udfff]`
/** Inside quotes: printable ASCII but `"` and `\`, a `\`-escaped printable ASCII character, or non-ASCII. */
const QUOTED_CHAR = String.raw`(?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\[\x20-\x7e]|[^\x00-\x9f\ud800-\udfff])`
/** A domain-label character: ASCII letter, digit or hyphen, or non-ASCII but white space and controls. */
const LABEL_CHAR = String.raw`[^\x00-\x2c\x2e\x2f\x3a-\x40\x5b-\x60\x7b-\x9f\s\ud800-\udfff]`
/** RFC 5321 address literal: IPv4, `IPv6:…` or a general `tag:content`, in brackets. */
const ADDRESS_LITERAL = String.raw`\[[\x21-\x5a\x5e-\x7e]+\]`

const LOCAL_PART = `(?:${ATOM_CHAR}+(?:\\.${ATOM_CHAR}+)*|"${QUOTED_CHAR}+")`
const DOMAIN = `(?:${LABEL_CHAR}+(?:\\.${LABEL_CHAR}+)*|${ADDRESS_LITERAL})`

/** The email rule of `@cc/schema`: the same pattern checks in zod and, as `pattern`, in the JSON Schema. */
export const EMAIL_PATTERN = new RegExp(`^${LOCAL_PART}@${DOMAIN}$`, 'u')

/** The longest email the docs allow (Update contact: `email`, at most 255 characters). */
export const EMAIL_MAX_LENGTH = 255
