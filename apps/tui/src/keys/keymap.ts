/**
 * The one keymap of the editor. Every key the app reacts to is a command here, with its bindings,
 * a description, the context it works in and, when it belongs in the bottom hint bar, a short
 * hint. Input handlers, the hint bar, the `?` help screen and the README key table all read it.
 */

/** Where a command works. The order is the order of the help screen. */
export const contexts = {
  global: 'Everywhere',
  list: 'Contacts list',
  search: 'Search box',
  opening: 'Opening a contact',
  editor: 'Editor',
  chord: 'Two-key commands (after Ctrl+X)',
  text: 'Text fields',
  multiline: 'Background (multi-line)',
  tags: 'Tags',
  stage: 'Stage field',
  stagePicker: 'Stage picker',
  review: 'Review',
  conflict: 'Conflict',
  activity: 'Log an activity',
  choice: 'Type and direction',
  activityReview: 'Review the activity',
  delete: 'Delete a contact',
  bulkAction: 'Bulk edit: the action',
  bulkValue: 'Bulk edit: the value',
  bulkPreview: 'Bulk edit: preview',
  runProgress: 'Bulk edit or import under way',
  runResult: 'Bulk edit or import done',
  resumeRun: 'Unfinished bulk edit',
  importPath: 'Import: the file',
  importPreview: 'Import: preview',
  deleteForGood: 'Delete for good',
  quitGuard: 'Unsaved changes',
  runGuard: 'Quitting during a bulk edit or import',
  restore: 'Restore a draft',
  help: 'Help',
  startup: 'Connection problem',
} as const
export type Context = keyof typeof contexts

export interface CommandSpec {
  context: Context
  /**
   * Bindings such as `ctrl+s`, `shift+tab`, `enter`, `?`, `G`. The first one is shown in hints. A binding of two
   * keys separated by a space (`ctrl+x d`) is a chord: the first key (a command of its own in the same context)
   * waits for the second, which may be a printable key without typing it.
   */
  keys: readonly string[]
  description: string
  /** A two-or-three-word label for the bottom hint bar; commands without one appear only in help. */
  hint?: string
}

export const keymap = {
  // Everywhere
  'app.help': { context: 'global', keys: ['?', 'ctrl+_'], description: 'Show all key bindings', hint: 'help' },
  'app.quit': {
    context: 'global',
    keys: ['ctrl+c'],
    description: 'Quit (asks first when there are unsaved changes or a bulk edit or import under way)',
  },

  // Contacts list
  'list.up': { context: 'list', keys: ['up', 'k'], description: 'Previous contact' },
  'list.down': { context: 'list', keys: ['down', 'j'], description: 'Next contact (loads more as you go)' },
  'list.pageUp': { context: 'list', keys: ['pageup'], description: 'One page up' },
  'list.pageDown': { context: 'list', keys: ['pagedown'], description: 'One page down' },
  'list.first': { context: 'list', keys: ['home', 'g'], description: 'First contact' },
  'list.last': { context: 'list', keys: ['end', 'G'], description: 'Last loaded contact' },
  'list.open': { context: 'list', keys: ['enter'], description: 'Open the selected contact', hint: 'open' },
  'list.search': { context: 'list', keys: ['/'], description: 'Search by name, email, phone or id', hint: 'search' },
  'list.new': { context: 'list', keys: ['n'], description: 'New contact', hint: 'new' },
  'list.delete': {
    context: 'list',
    keys: ['d'],
    description: 'Delete the selected contact (asks first)',
    hint: 'delete',
  },
  'list.log': { context: 'list', keys: ['a'], description: 'Log an activity on the selected contact', hint: 'log' },
  'list.refresh': { context: 'list', keys: ['r'], description: 'Reload the list', hint: 'reload' },
  'list.quit': { context: 'list', keys: ['q', 'esc'], description: 'Quit', hint: 'quit' },
  'list.select': {
    context: 'list',
    keys: ['space'],
    description: 'Select the highlighted contact for a bulk edit (or unselect it), then go to the next',
    hint: 'select',
  },
  'list.selectShown': {
    context: 'list',
    keys: ['*'],
    description: 'Select every contact shown (the search results, or the rows on screen)',
    hint: 'select all',
  },
  'list.clearSelection': { context: 'list', keys: ['u'], description: 'Unselect every contact', hint: 'unselect' },
  'list.bulk': {
    context: 'list',
    keys: ['b'],
    description: 'Bulk edit the selected contacts: stage, tags, source or timeframe',
    hint: 'bulk edit',
  },
  'list.import': {
    context: 'list',
    keys: ['i'],
    description: 'Import contacts from a CSV or JSONL file',
    hint: 'import',
  },

  // Search box
  'search.accept': { context: 'search', keys: ['enter', 'down'], description: 'Go to the results', hint: 'results' },
  'search.cancel': { context: 'search', keys: ['esc'], description: 'Clear the search', hint: 'clear' },

  // Opening a contact
  'opening.cancel': {
    context: 'opening',
    keys: ['esc', 'ctrl+c'],
    description: 'Stop opening it and go back to the list',
    hint: 'cancel',
  },

  // Editor. The hint bar has room for about six hints at 80 columns: these come first.
  'editor.next': { context: 'editor', keys: ['tab', 'down', 'enter'], description: 'Next field', hint: 'next' },
  'editor.previous': { context: 'editor', keys: ['shift+tab', 'up'], description: 'Previous field' },
  'editor.review': { context: 'editor', keys: ['ctrl+s'], description: 'Review the changes, then save', hint: 'save' },
  'editor.undo': {
    context: 'editor',
    keys: ['ctrl+z'],
    description: 'Undo the last change to this field',
    hint: 'undo',
  },
  // Most terminals send Ctrl+Shift+Z as Ctrl+Z: Ctrl+Y works everywhere.
  'editor.redo': {
    context: 'editor',
    keys: ['ctrl+y', 'ctrl+shift+z'],
    description: 'Redo what undo took back',
    hint: 'redo',
  },
  'editor.back': {
    context: 'editor',
    keys: ['esc'],
    description: 'Back to the list (asks first when there are unsaved changes)',
    hint: 'back',
  },
  // Every Ctrl and Alt letter a text field could want is taken or reserved by the text keys (readline's), so
  // commands that must not collide with typing are chords: Ctrl+X, then a letter (as in Emacs).
  'editor.chord': {
    context: 'editor',
    keys: ['ctrl+x'],
    description: 'Start a two-key command (the next key says which)',
    hint: 'delete, log…',
  },
  'editor.delete': {
    context: 'editor',
    keys: ['ctrl+x d'],
    description: 'Delete this contact (asks first)',
    hint: 'delete',
  },
  'editor.log': { context: 'editor', keys: ['ctrl+x a'], description: 'Log an activity on this contact', hint: 'log' },
  'editor.openMatch': {
    context: 'editor',
    keys: ['ctrl+x o'],
    description: 'New contact: open the contact that already has this email or phone instead',
    hint: 'open match',
  },
  'editor.revert': { context: 'editor', keys: ['ctrl+r'], description: 'Revert this field to its saved value' },
  // The background field shows this key itself when it has focus.
  'editor.externalEditor': {
    context: 'editor',
    keys: ['ctrl+g'],
    description: 'Edit the background in $VISUAL / $EDITOR',
  },

  // After the first key of a chord
  'chord.cancel': { context: 'chord', keys: ['esc'], description: 'Cancel the two-key command', hint: 'cancel' },

  // Text fields
  'text.left': { context: 'text', keys: ['left', 'ctrl+b'], description: 'Cursor left' },
  'text.right': { context: 'text', keys: ['right', 'ctrl+f'], description: 'Cursor right' },
  'text.home': { context: 'text', keys: ['home', 'ctrl+a'], description: 'Start of line' },
  'text.end': { context: 'text', keys: ['end', 'ctrl+e'], description: 'End of line' },
  'text.wordLeft': { context: 'text', keys: ['ctrl+left', 'alt+left', 'alt+b'], description: 'One word left' },
  'text.wordRight': { context: 'text', keys: ['ctrl+right', 'alt+right', 'alt+f'], description: 'One word right' },
  'text.deleteLeft': { context: 'text', keys: ['backspace'], description: 'Delete the character before the cursor' },
  'text.deleteRight': {
    context: 'text',
    keys: ['delete', 'ctrl+d'],
    description: 'Delete the character under the cursor',
  },
  'text.deleteWordLeft': {
    context: 'text',
    keys: ['ctrl+w', 'alt+backspace'],
    description: 'Delete the word before the cursor',
  },
  'text.deleteWordRight': {
    context: 'text',
    keys: ['alt+d', 'alt+delete'],
    description: 'Delete the word after the cursor',
  },
  'text.deleteToStart': { context: 'text', keys: ['ctrl+u'], description: 'Delete to the start of the line' },
  'text.deleteToEnd': { context: 'text', keys: ['ctrl+k'], description: 'Delete to the end of the line' },

  // Multi-line text (the background)
  'multiline.newline': { context: 'multiline', keys: ['enter'], description: 'New line' },
  'multiline.up': { context: 'multiline', keys: ['up'], description: 'Line up (leaves the field on the first line)' },
  'multiline.down': {
    context: 'multiline',
    keys: ['down'],
    description: 'Line down (leaves the field on the last line)',
  },
  'multiline.pageUp': { context: 'multiline', keys: ['pageup'], description: 'Scroll a page up' },
  'multiline.pageDown': { context: 'multiline', keys: ['pagedown'], description: 'Scroll a page down' },

  // Tags
  'tags.add': { context: 'tags', keys: ['enter', ','], description: 'Add the typed tag', hint: 'add tag' },
  'tags.removeLast': {
    context: 'tags',
    keys: ['backspace'],
    description: 'With an empty box: remove the selected (or last) tag',
    hint: 'remove',
  },
  'tags.selectLeft': { context: 'tags', keys: ['left'], description: 'With an empty box: select the tag to the left' },
  'tags.selectRight': {
    context: 'tags',
    keys: ['right'],
    description: 'With an empty box: select the tag to the right',
  },

  // Stage picker
  'stage.open': {
    context: 'stage',
    keys: ['enter', 'space'],
    description: 'Open the stage picker (typing opens it too)',
    hint: 'pick stage',
  },
  'stage.up': { context: 'stagePicker', keys: ['up'], description: 'Previous stage' },
  'stage.down': { context: 'stagePicker', keys: ['down'], description: 'Next stage' },
  'stage.choose': {
    context: 'stagePicker',
    keys: ['enter'],
    description: 'Choose the highlighted stage, or the typed id',
    hint: 'choose',
  },
  'stage.cancel': { context: 'stagePicker', keys: ['esc'], description: 'Close without changing', hint: 'cancel' },

  // Review
  'review.confirm': { context: 'review', keys: ['enter', 'y'], description: 'Save these changes', hint: 'save' },
  'review.retry': { context: 'review', keys: ['r'], description: 'Retry a failed save', hint: 'retry' },
  'review.back': { context: 'review', keys: ['esc', 'n'], description: 'Back to editing', hint: 'back' },

  // Conflict
  'conflict.up': { context: 'conflict', keys: ['up', 'k'], description: 'Previous field' },
  'conflict.down': { context: 'conflict', keys: ['down', 'j'], description: 'Next field' },
  'conflict.theirs': { context: 'conflict', keys: ['t', 'left'], description: 'Keep their value', hint: 'theirs' },
  'conflict.mine': { context: 'conflict', keys: ['m', 'right'], description: 'Keep my value', hint: 'mine' },
  'conflict.apply': {
    context: 'conflict',
    keys: ['enter'],
    description: 'Apply the choices and review again',
    hint: 'apply',
  },
  'conflict.back': { context: 'conflict', keys: ['esc'], description: 'Back to editing', hint: 'back' },

  // Log an activity
  'activity.next': { context: 'activity', keys: ['tab'], description: 'Next field', hint: 'next' },
  'activity.previous': { context: 'activity', keys: ['shift+tab'], description: 'Previous field' },
  'activity.review': {
    context: 'activity',
    keys: ['ctrl+s'],
    description: 'Review the activity, then log it',
    hint: 'review',
  },
  'activity.undo': {
    context: 'activity',
    keys: ['ctrl+z'],
    description: 'Undo the last change to the text',
    hint: 'undo',
  },
  'activity.redo': {
    context: 'activity',
    keys: ['ctrl+y', 'ctrl+shift+z'],
    description: 'Redo what undo took back',
    hint: 'redo',
  },
  'activity.externalEditor': {
    context: 'activity',
    keys: ['ctrl+g'],
    description: 'Write the text in $VISUAL / $EDITOR',
    hint: '$EDITOR',
  },
  'activity.back': {
    context: 'activity',
    keys: ['esc'],
    description: 'Back (asks first when something is typed)',
    hint: 'back',
  },
  'choice.next': { context: 'choice', keys: ['right', 'space'], description: 'Next choice', hint: 'choose' },
  'choice.previous': { context: 'choice', keys: ['left'], description: 'Previous choice' },
  'choice.up': { context: 'choice', keys: ['up'], description: 'Previous field' },
  'choice.down': { context: 'choice', keys: ['down', 'enter'], description: 'Next field' },
  'activityReview.confirm': {
    context: 'activityReview',
    keys: ['enter', 'y'],
    description: 'Log the activity',
    hint: 'log it',
  },
  'activityReview.retry': { context: 'activityReview', keys: ['r'], description: 'Retry a failed send', hint: 'retry' },
  'activityReview.back': {
    context: 'activityReview',
    keys: ['esc', 'n'],
    description: 'Back to writing',
    hint: 'back',
  },

  // Delete a contact
  'delete.trash': { context: 'delete', keys: ['enter'], description: 'Move the contact to the trash', hint: 'trash' },
  'delete.permanent': {
    context: 'delete',
    keys: ['p'],
    description: 'Delete it for good instead (asks for the last name)',
    hint: 'for good…',
  },
  'delete.cancel': { context: 'delete', keys: ['esc', 'n'], description: 'Keep the contact', hint: 'cancel' },
  'deleteForGood.confirm': {
    context: 'deleteForGood',
    keys: ['enter'],
    description: 'Delete for good, once the last name is typed',
    hint: 'delete for good',
  },
  'deleteForGood.back': {
    context: 'deleteForGood',
    keys: ['esc'],
    description: 'Back to the first question (nothing deleted)',
    hint: 'back',
  },

  // Bulk edit
  'bulkAction.up': { context: 'bulkAction', keys: ['up', 'k'], description: 'Previous action' },
  'bulkAction.down': { context: 'bulkAction', keys: ['down', 'j'], description: 'Next action' },
  'bulkAction.choose': { context: 'bulkAction', keys: ['enter'], description: 'Choose the action', hint: 'choose' },
  'bulkAction.back': { context: 'bulkAction', keys: ['esc'], description: 'Back to the list', hint: 'back' },
  'bulkValue.up': { context: 'bulkValue', keys: ['up'], description: 'Previous known stage' },
  'bulkValue.down': { context: 'bulkValue', keys: ['down'], description: 'Next known stage' },
  'bulkValue.accept': {
    context: 'bulkValue',
    keys: ['enter'],
    description: 'Preview the change (the highlighted stage, or what is typed)',
    hint: 'preview',
  },
  'bulkValue.back': { context: 'bulkValue', keys: ['esc'], description: 'Back to the actions', hint: 'back' },
  'bulkPreview.confirm': {
    context: 'bulkPreview',
    keys: ['enter', 'y'],
    description: 'Send the changes',
    hint: 'send',
  },
  'bulkPreview.back': { context: 'bulkPreview', keys: ['esc', 'n'], description: 'Back to the value', hint: 'back' },
  'runProgress.stop': {
    context: 'runProgress',
    keys: ['esc'],
    description: 'Stop sending (requests under way finish; the rest can be resumed)',
    hint: 'stop',
  },
  'runResult.retry': {
    context: 'runResult',
    keys: ['r'],
    description: 'Retry the contacts or rows that failed (or resume a stopped run)',
    hint: 'retry failed',
  },
  'runResult.up': { context: 'runResult', keys: ['up', 'k'], description: 'Scroll the failures up' },
  'runResult.down': { context: 'runResult', keys: ['down', 'j'], description: 'Scroll the failures down' },
  'runResult.close': { context: 'runResult', keys: ['enter', 'esc'], description: 'Back to the list', hint: 'done' },
  'resumeRun.resume': {
    context: 'resumeRun',
    keys: ['r', 'enter'],
    description: 'Resume the unfinished bulk edit (contacts done are not sent again)',
    hint: 'resume',
  },
  'resumeRun.discard': {
    context: 'resumeRun',
    keys: ['d'],
    description: 'Forget the unfinished bulk edit',
    hint: 'forget',
  },
  'resumeRun.later': {
    context: 'resumeRun',
    keys: ['esc'],
    description: 'Decide later (asked again next start)',
    hint: 'later',
  },

  // Import
  'importPath.accept': { context: 'importPath', keys: ['enter'], description: 'Check the file', hint: 'check' },
  'importPath.back': { context: 'importPath', keys: ['esc'], description: 'Back to the list', hint: 'back' },
  'importPreview.confirm': {
    context: 'importPreview',
    keys: ['enter', 'y'],
    description: 'Import the file',
    hint: 'import',
  },
  'importPreview.up': { context: 'importPreview', keys: ['up', 'k'], description: 'Scroll the problems up' },
  'importPreview.down': { context: 'importPreview', keys: ['down', 'j'], description: 'Scroll the problems down' },
  'importPreview.back': {
    context: 'importPreview',
    keys: ['esc', 'n'],
    description: 'Back to the file name',
    hint: 'back',
  },

  // Quit guard
  'guard.save': { context: 'quitGuard', keys: ['s'], description: 'Review and save the changes', hint: 'save' },
  'guard.discard': { context: 'quitGuard', keys: ['d'], description: 'Discard the changes', hint: 'discard' },
  'guard.keep': { context: 'quitGuard', keys: ['esc', 'k'], description: 'Keep editing', hint: 'keep editing' },

  // Quitting during a bulk edit or an import (Ctrl+C again quits at once too)
  'runGuard.quit': {
    context: 'runGuard',
    keys: ['y', 'q'],
    description: 'Stop sending and quit once the requests under way finish (the rest can be resumed)',
    hint: 'quit',
  },
  'runGuard.keep': {
    context: 'runGuard',
    keys: ['esc', 'n'],
    description: 'Keep it running',
    hint: 'keep running',
  },

  // Restore a draft
  'restore.restore': {
    context: 'restore',
    keys: ['r', 'enter'],
    description: 'Restore the unsaved draft',
    hint: 'restore',
  },
  'restore.discard': {
    context: 'restore',
    keys: ['d'],
    description: 'Discard the draft and start from the saved contact (or an empty form)',
    hint: 'discard',
  },
  'restore.cancel': {
    context: 'restore',
    keys: ['esc'],
    description: 'Back, keeping the draft for later',
    hint: 'back',
  },

  // Help
  'help.up': { context: 'help', keys: ['up', 'k'], description: 'Scroll up' },
  'help.down': { context: 'help', keys: ['down', 'j'], description: 'Scroll down' },
  'help.close': { context: 'help', keys: ['esc', 'q', '?'], description: 'Close help', hint: 'close' },

  // Connection problem
  'startup.retry': { context: 'startup', keys: ['r'], description: 'Try again', hint: 'retry' },
  'startup.sandbox': {
    context: 'startup',
    keys: ['s'],
    description: 'Open the local sandbox instead',
    hint: 'sandbox',
  },
  'startup.quit': { context: 'startup', keys: ['q', 'esc'], description: 'Quit', hint: 'quit' },
} as const satisfies Record<string, CommandSpec>

export type Command = keyof typeof keymap

export const commands = Object.keys(keymap) as Command[]

/** Commands of one context, in keymap order. */
export function commandsIn(context: Context): Command[] {
  return commands.filter((command) => keymap[command].context === context)
}

/** The keys of a binding: one, or two for a chord (`ctrl+x d`). */
export function keysOf(binding: string): string[] {
  return binding.split(' ')
}
