/**
 * A contact's tags travel as an array in requests and as one comma-joined string in responses
 * (`"VIP, Hot Lead"`). These two functions convert between the forms.
 */

/** The separator the API uses in a contact's `tags` string. */
export const TAG_SEPARATOR = ', '

/** `"VIP, Hot Lead"` → `['VIP', 'Hot Lead']`: split on commas, trim, drop empty pieces. Never throws. */
export function parseTags(value: string | null | undefined): string[] {
  if (typeof value !== 'string') return []
  return value
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '')
}

/**
 * `['VIP', 'Hot Lead']` → `"VIP, Hot Lead"`. `parseTags(formatTags(tags))` gives `tags` back whenever
 * every tag is trimmed, non-empty and free of commas (a comma inside a tag cannot survive the string form).
 */
export function formatTags(tags: readonly string[]): string {
  return tags.join(TAG_SEPARATOR)
}
