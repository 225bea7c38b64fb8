import { Box, Text } from 'ink'
import type { ReactNode } from 'react'
import { keyLabel } from '../../keys/format.js'
import {
  type ContactsState,
  isLoading,
  rowAt,
  rowsBetween,
  scrollTop,
  visibleCount,
} from '../../state/contacts/list.js'
import type { ContactRow } from '../../state/contacts/rows.js'
import { searchQueries } from '../../state/contacts/search.js'
import { Spinner } from '../components/Spinner.js'
import { TextLine } from '../components/TextLine.js'
import { useTheme } from '../theme.js'

interface Props {
  contacts: ContactsState
  /** Cursor in the search box. */
  searchCursor: number
  width: number
  height: number
}

interface Column {
  key: Exclude<keyof ContactRow, 'fields'>
  title: string
  width: number
}

/** Columns that fit the width: name, email and phone always; stage, tags and updated as room allows. */
function columnsFor(width: number): Column[] {
  // The highlight mark and a space take two columns.
  const room = width - 2
  const columns: Column[] = [
    { key: 'name', title: 'Name', width: 22 },
    { key: 'email', title: 'Email', width: 26 },
    { key: 'phone', title: 'Phone', width: 14 },
  ]
  const optional: Column[] = [
    { key: 'stage', title: 'Stage', width: 12 },
    { key: 'updated', title: 'Updated', width: 10 },
    { key: 'tags', title: 'Tags', width: 20 },
  ]
  let used = columns.reduce((sum, c) => sum + c.width + 1, 0)
  for (const column of optional) {
    if (used + column.width + 1 <= room) {
      columns.push(column)
      used += column.width + 1
    }
  }
  // Give what is left to the name and email.
  const spare = Math.max(0, room - used)
  const name = columns[0] as Column
  const email = columns[1] as Column
  name.width += Math.ceil(spare / 2)
  email.width += Math.floor(spare / 2)
  if (used > room) {
    const over = used - room
    name.width = Math.max(8, name.width - Math.ceil(over / 2))
    email.width = Math.max(8, email.width - Math.floor(over / 2))
  }
  return columns
}

const fit = (text: string, width: number) =>
  text.length > width ? `${text.slice(0, Math.max(0, width - 1))}…` : text.padEnd(width)

/** A selected contact's name cell starts with this mark (the columns stay where they are, the name gives way). */
const SELECTED_MARK = '✓ '

/**
 * The contacts list: a search box, then a table that scrolls with the highlight. Rows of a page the list does not
 * hold (let go of, fetched again as the highlight comes near) show as dots until it is back.
 */
export function ContactsScreen({ contacts, searchCursor, width, height }: Props) {
  const theme = useTheme()
  const count = visibleCount(contacts)
  const columns = columnsFor(width)
  const listHeight = Math.max(1, height - 4)
  const top = scrollTop(contacts.top, contacts.highlighted, listHeight, count)
  const shown = rowsBetween(contacts, top, top + listHeight)
  const query = contacts.query.trim()
  const searching = query !== ''
  // Until the answer for exactly this text is in, say so (the debounce counts as waiting too).
  const pending = searching && (contacts.searching || contacts.resultsFor !== query)

  let footer: ReactNode
  if (searching && searchQueries(query).length === 0) {
    footer = <Text color={theme.color('muted')}>Type at least 2 characters to search by name</Text>
  } else if (pending) footer = <Spinner label="Searching…" />
  else if (searching && contacts.searchError)
    footer = <Text color={theme.color('error')}>✗ {contacts.searchError}</Text>
  else if (searching) footer = <Text color={theme.color('muted')}>{count} found (the API returns at most 10)</Text>
  else if (contacts.error)
    footer = (
      <Text color={theme.color('error')}>
        ✗ {contacts.error} · {keyLabel('list.refresh')} to retry
      </Text>
    )
  else if (!contacts.loaded) footer = <Spinner label="Loading contacts…" />
  else
    footer = (
      <Text color={theme.color('muted')}>
        {count === 0
          ? 'No contacts'
          : `${contacts.highlighted + 1} of ${count}${contacts.hasMore ? '+' : ''}${isLoading(contacts) ? ' · loading…' : ''}`}
      </Text>
    )

  return (
    <Box flexDirection="column" height={height}>
      <Box>
        <Text bold={contacts.searchFocused} color={contacts.searchFocused ? theme.color('accent') : undefined}>
          {contacts.searchFocused ? '› Search: ' : '  Search: '}
        </Text>
        <TextLine
          value={contacts.query}
          cursor={searchCursor}
          focused={contacts.searchFocused}
          width={Math.max(10, width - 12)}
          placeholder={`press ${keyLabel('list.search')} to search by name, email, phone or id`}
        />
      </Box>
      <Text bold wrap="truncate-end">
        {`  ${columns.map((c) => fit(c.title, c.width)).join(' ')}`}
      </Text>
      <Box flexDirection="column" height={listHeight} overflow="hidden">
        {shown.map((row, i) => {
          const position = top + i
          const highlighted = position === contacts.highlighted
          if (!row) {
            return (
              <Text key={`pending-${position}`} color={theme.color('muted')} wrap="truncate-end">
                {`${highlighted ? '›' : ' '} …`}
              </Text>
            )
          }
          const mark = contacts.selected.has(row.id) ? SELECTED_MARK : ''
          const cells = columns.map((c) => fit(c.key === 'name' ? `${mark}${row.name}` : row[c.key], c.width))
          const line = `${highlighted ? '›' : ' '} ${cells.join(' ')}`
          return (
            <Text key={row.id} inverse={highlighted && !contacts.searchFocused} bold={highlighted} wrap="truncate-end">
              {line}
            </Text>
          )
        })}
      </Box>
      <Box height={1}>{footer}</Box>
    </Box>
  )
}

/** The linear (screen reader) list: the selected contact as a sentence. */
export function LinearContacts({ contacts }: { contacts: ContactsState }) {
  const count = visibleCount(contacts)
  const row = rowAt(contacts, contacts.highlighted)
  const picked = row && contacts.selected.has(row.id) ? ', selected' : ''
  const selected = contacts.selected.size > 0 ? ` ${contacts.selected.size} selected.` : ''
  return (
    <Box flexDirection="column">
      <Text>Search: {contacts.query || '(empty)'}</Text>
      <Text>
        {row
          ? `Contact ${contacts.highlighted + 1} of ${count}: ${row.name}, ${row.email || 'no email'}, ${row.phone || 'no phone'}, stage ${row.stage || 'none'}${picked}.${selected}`
          : isLoading(contacts) || (count > 0 && !contacts.error)
            ? 'Loading contacts.'
            : 'No contacts.'}
      </Text>
    </Box>
  )
}
