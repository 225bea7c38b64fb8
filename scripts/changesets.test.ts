import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, expect, it } from 'vitest'

// A dry run of the release flow on a copy of the workspace manifests: one changeset for one
// package must bump every @cc/* package together (they are one fixed group).
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const published = ['packages/schema', 'packages/client', 'packages/sandbox', 'apps/tui']
const work = mkdtempSync(join(tmpdir(), 'cc-changesets-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

const version = (dir: string) => JSON.parse(readFileSync(join(work, dir, 'package.json'), 'utf8')).version as string

it('bumps all four packages together from one changeset', () => {
  for (const file of ['package.json', 'pnpm-workspace.yaml', '.changeset/config.json']) {
    mkdirSync(dirname(join(work, file)), { recursive: true })
    cpSync(join(root, file), join(work, file))
  }
  for (const dir of [...published, 'bench']) {
    mkdirSync(join(work, dir), { recursive: true })
    cpSync(join(root, dir, 'package.json'), join(work, dir, 'package.json'))
  }
  symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'))
  // The GitHub changelog generator needs network access; the dry run uses the plain one.
  const config = JSON.parse(readFileSync(join(work, '.changeset/config.json'), 'utf8'))
  config.changelog = '@changesets/cli/changelog'
  writeFileSync(join(work, '.changeset/config.json'), JSON.stringify(config))
  const before = published.map(version)
  writeFileSync(join(work, '.changeset/one-fix.md'), "---\n'@cc/schema': minor\n---\n\nA change to the contract.\n")
  const git = (...args: string[]) => execFileSync('git', args, { cwd: work, stdio: 'pipe' })
  git('init', '-q', '-b', 'main')
  git('-c', 'user.email=ci@example.com', '-c', 'user.name=ci', 'add', '-A')
  git('-c', 'user.email=ci@example.com', '-c', 'user.name=ci', 'commit', '-qm', 'base')

  execFileSync(join(root, 'node_modules/.bin/changeset'), ['version'], { cwd: work, stdio: 'pipe' })

  const after = published.map(version)
  expect(new Set(before).size).toBe(1)
  expect(new Set(after).size).toBe(1)
  expect(after[0]).not.toBe(before[0])
  const [major, minor] = (before[0] ?? '0.0.0').split('.').map(Number)
  expect(after[0]).toBe(`${major}.${(minor ?? 0) + 1}.0`)
})
