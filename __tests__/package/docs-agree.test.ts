// The docs say what package.json says: the install command (the tarball of this version), the
// peer range of Taro, and one Chinese term for a peer dependency. (CHANGELOG.md is history: it
// keeps the ranges and commands of its time.)
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = resolve(__dirname, '../..')
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const docs = [
  ...readdirSync(root).filter((name) => /^README(\..+)?\.md$/.test(name)),
  ...readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
]
const read = (file: string) => readFileSync(join(root, file), 'utf8')
const matches = (pattern: RegExp) =>
  docs.flatMap((file) => [...read(file).matchAll(pattern)].map((match) => ({ file, text: match[0], groups: match.slice(1) })))

it('finds the docs', () => {
  expect(docs).toEqual(expect.arrayContaining(['README.md', 'README.zh-CN.md', 'docs/migration.md', 'docs/migration.zh-CN.md']))
})

it('every install command installs the tarball of this version, as the README says', () => {
  const installs = matches(/npm (?:install|i|add)(?:[ \t]+[^\s`，）)]+)*?[ \t]+[^\s`，）)]*taro-privacy[^\s`，）)]*/g)
  expect(installs.length).toBeGreaterThanOrEqual(4)
  const expected = `npm install /path/to/taro-privacy-${manifest.version}.tgz`
  expect(installs.filter(({ text }) => text !== expected)).toEqual([])
  // and `npm pack` writes that file
  expect(matches(/taro-privacy-(\d+\.\d+\.\d+[^\s.]*)\.tgz/g).filter(({ groups }) => groups[0] !== manifest.version)).toEqual([])
})

it("every Taro range in the docs is package.json's peer range", () => {
  const range = manifest.peerDependencies['@tarojs/taro']
  expect(manifest.peerDependencies['@tarojs/components']).toBe(range)
  const ranges = matches(/\^\d+\.\d+\.\d+(?: \|\| \^\d+\.\d+\.\d+)+/g)
  expect(ranges.filter(({ file }) => file.startsWith('docs/migration')).length).toBe(2)
  expect(ranges.filter(({ text }) => text !== range)).toEqual([])
  // the short form in the install lines: "Taro ^3.6.40 or ^4.1.11" / "Taro ^3.6.40 或 ^4.1.11"
  const short = range.split(' || ').join(' (?:or|或) ').replace(/[.^]/g, (c: string) => `\\${c}`)
  const spelled = matches(/Taro \^\d+\.\d+\.\d+ (?:or|或) \^\d+\.\d+\.\d+/g)
  expect(spelled.length).toBe(2)
  expect(spelled.filter(({ text }) => !new RegExp(`^Taro ${short}$`).test(text))).toEqual([])
  // no "3.6.16 or later" style floor for the peers
  expect(matches(/(?:3\.6\.16 or later|3\.6\.16 及以上的\s*`@tarojs)/g)).toEqual([])
})

it('the Chinese docs call a peer dependency one thing: peer 依赖', () => {
  expect(matches(/对等依赖|同级依赖|同伴依赖/g)).toEqual([])
  expect(matches(/peer 依赖/g).filter(({ file }) => file.endsWith('.zh-CN.md')).length).toBeGreaterThan(0)
})
