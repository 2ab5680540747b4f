// The guides prove their claims by naming tests: `path` ("test title", …). When a test is
// renamed or moved, the guide must follow, so every cited file must exist and every quoted
// title must be a test in it ("…" stands for an elided part). Titles are read from the
// English editions; the Chinese ones must cite the same files in the same order.
import fs from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '../..')
const GUIDES = ['docs/migration.md', 'docs/checklist.md', 'docs/faq.md']
const CITED_FILE = /`((?:__tests__|example\/e2e)\/[\w./-]+\.test\.[jt]sx?)`/g
// A title ends at a quote followed by what closes or separates it in prose.
const QUOTED = /"(.+?)"(?=[)\],;.:]|$)/g

interface Citation {
  guide: string
  file: string
  title?: string
}

export function citations(guide: string, text: string): Citation[] {
  const found: Citation[] = []
  for (const paragraph of text.split(/\n\s*\n/)) {
    const flat = paragraph.replace(/\s+/g, ' ')
    const files = [...flat.matchAll(CITED_FILE)]
    files.forEach((match, index) => {
      const end = index + 1 < files.length ? (files[index + 1].index as number) : flat.length
      const after = flat.slice((match.index as number) + match[0].length, end)
      const titles = [...after.matchAll(QUOTED)].map((quoted) => quoted[1])
      if (!titles.length) found.push({ guide, file: match[1] })
      for (const title of titles) found.push({ guide, file: match[1], title })
    })
  }
  return found
}

function problem({ guide, file, title }: Citation): string | null {
  const full = path.join(ROOT, file)
  if (!fs.existsSync(full)) return `${guide} cites ${file}, which does not exist`
  if (title === undefined) return null
  const source = fs.readFileSync(full, 'utf8').replace(/\\'/g, "'")
  const parts = title.split('…').map((part) => part.trim()).filter(Boolean)
  return parts.every((part) => source.includes(part)) ? null : `${guide} cites "${title}" in ${file}, which has no such test`
}

const cited = GUIDES.flatMap((guide) => citations(guide, fs.readFileSync(path.join(ROOT, guide), 'utf8')))

it('the guides cite tests by file and title', () => {
  expect(cited.filter((citation) => citation.title).length).toBeGreaterThan(30)
})

it('every test the guides cite exists, under the title they quote', () => {
  expect(cited.map(problem).filter(Boolean)).toEqual([])
})

it.each(GUIDES)('the Chinese edition of %s cites the same test files, in the same order', (guide) => {
  const files = (name: string) => [...fs.readFileSync(path.join(ROOT, name), 'utf8').matchAll(CITED_FILE)].map((match) => match[1])
  expect(files(guide.replace(/\.md$/, '.zh-CN.md'))).toEqual(files(guide))
})

it('reads titles with quotes inside, and reports a renamed test', () => {
  const text = 'Tests: `__tests__/react/flows.test.tsx` ("demo3: require() on focus before <Input type="nickname"> shows the UI first…", "demo3: a renamed test").'
  const [first, second] = citations('x.md', text)
  expect(first.title).toBe('demo3: require() on focus before <Input type="nickname"> shows the UI first…')
  expect(problem(first)).toBeNull()
  expect(problem(second)).toBe('x.md cites "demo3: a renamed test" in __tests__/react/flows.test.tsx, which has no such test')
  expect(problem({ guide: 'x.md', file: '__tests__/react/gone.test.tsx' })).toBe('x.md cites __tests__/react/gone.test.tsx, which does not exist')
})
