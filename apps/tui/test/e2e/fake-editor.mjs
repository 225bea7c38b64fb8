#!/usr/bin/env node
// A stand-in for $EDITOR: the first time it makes the background too long; when the editor
// reopens the file with the error as comment lines, it shortens it.
import { readFileSync, writeFileSync } from 'node:fs'

const file = process.argv[2]
const text = readFileSync(file, 'utf8')
if (text.includes('must be at most')) {
  writeFileSync(file, 'Written in the fake editor.\nSecond line.\n')
} else {
  writeFileSync(file, `${text}${'x'.repeat(5001)}\n`)
}
