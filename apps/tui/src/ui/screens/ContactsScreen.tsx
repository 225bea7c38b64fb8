import { Box, Text } from 'ink'
import { type ReactNode, useRef } from 'react'
import { keyLabel } from '../../keys/format.js'
import { type ContactsState, visibleRows } from '../../state/contacts/list.js'
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
  key: keyof ContactRow
  title: string
  width: number
}

/** Columns that fit the width: name, email and phone always; stage, tags and updated as room allows. */
function columnsFor(width: number): Column[] {
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

/** The contacts list: a search box, then a table that scrolls with the selection and pages in more rows. */
export function ContactsScreen({ contacts, searchCursor, width, height }: Props) {
  const theme = useTheme()
  const topRef = useRef(0)
  const rows = visibleRows(contacts)
  const columns = columnsFor(width)
  const listHeight = Math.max(1, height - 4)
  let top = Math.min(topRef.current, Math.max(0, rows.length - listHeight))
  if (contacts.highlighted < top) top = contacts.highlighted
  if (contacts.highlighted >= top + listHeight) top = contacts.highlighted - listHeight + 1
  topRef.current = top
  const shown = rows.slice(top, top + listHeight)
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
  else if (searching)
    footer = <Text color={theme.color('muted')}>{rows.length} found (the API returns at most 10)</Text>
  else if (contacts.error)
    footer = (
      <Text color={theme.color('error')}>
        ✗ {contacts.error} · {keyLabel('list.refresh')} to retry
      </Text>
    )
  else if (contacts.loading) footer = <Spinner label={contacts.loaded ? 'Loading more…' : 'Loading contacts…'} />
  else
    footer = (
      <Text color={theme.color('muted')}>
        {rows.length === 0
          ? 'No contacts'
          : `${contacts.highlighted + 1} of ${rows.length}${contacts.hasMore ? '+' : ''}`}
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
          const selected = top + i === contacts.highlighted
          const line = `${selected ? '›' : ' '} ${columns.map((c) => fit(row[c.key], c.width)).join(' ')}`
          return (
            <Text key={row.id} inverse={selected && !contacts.searchFocused} bold={selected} wrap="truncate-end">
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
  const rows = visibleRows(contacts)
  const row = rows[contacts.highlighted]
  return (
    <Box flexDirection="column">
      <Text>Search: {contacts.query || '(empty)'}</Text>
      <Text>
        {row
          ? `Contact ${contacts.highlighted + 1} of ${rows.length}: ${row.name}, ${row.email || 'no email'}, ${row.phone || 'no phone'}, stage ${row.stage || 'none'}.`
          : contacts.loading
            ? 'Loading contacts.'
            : 'No contacts.'}
      </Text>
    </Box>
  )
}
