import fs from 'node:fs'
import path from 'node:path'
import { compareEditions, normalizeCode, outline, type MarkdownFile } from './parity'

const ROOT = path.resolve(__dirname, '../..')

function read(name: string): MarkdownFile {
  return { name, text: fs.readFileSync(path.join(ROOT, name), 'utf8') }
}

/** The English files that must have a Chinese edition, plus every other `*.zh-CN.md` found. */
function editionPairs(): [string, string][] {
  const required = ['README.md', 'docs/migration.md', 'docs/checklist.md', 'docs/faq.md']
  const found = ['.', 'docs']
    .flatMap((dir) => fs.readdirSync(path.join(ROOT, dir)).map((file) => path.posix.join(dir, file)))
    .filter((file) => file.endsWith('.zh-CN.md'))
    .map((file) => file.replace(/\.zh-CN\.md$/, '.md'))
  return [...new Set([...required, ...found])].map((english) => [english, english.replace(/\.md$/, '.zh-CN.md')])
}

describe.each(editionPairs())('%s and %s', (english, chinese) => {
  it('exist', () => {
    expect(fs.existsSync(path.join(ROOT, english))).toBe(true)
    expect(fs.existsSync(path.join(ROOT, chinese))).toBe(true)
  })

  it('have the same sections and the same code (comments, strings and UI text aside), and link to each other', () => {
    expect(compareEditions(read(english), read(chinese))).toEqual([])
  })
})

const md = (...lines: string[]) => lines.join('\n')
const fence = '```'

const ENGLISH = md(
  '# Title',
  '[中文](a.zh-CN.md)',
  '## Install',
  `${fence}sh`,
  'npm install taro-privacy   # the package',
  fence,
  '## Use',
  `${fence}tsx`,
  "import { usePrivacyGate } from 'taro-privacy'",
  '// ask first',
  'const label = "Pick a photo" /* shown on the button */',
  '<Button onClick={pick}>Pick</Button>',
  '<View>',
  '  {/* the hint */}',
  '  请先同意',
  '</View>',
  fence,
)

const CHINESE = md(
  '# 标题',
  '[English](a.md)',
  '## 安装',
  `${fence}sh`,
  'npm install taro-privacy   # 安装',
  fence,
  '## 使用',
  `${fence}tsx`,
  "import { usePrivacyGate } from 'taro-privacy'",
  '// 先询问',
  "const label = '选择图片'",
  '<Button onClick={pick}>选择</Button>',
  '<View>',
  '  请先同意隐私保护指引',
  '</View>',
  fence,
)

const compare = (chinese: string, english = ENGLISH) =>
  compareEditions({ name: 'a.md', text: english }, { name: 'a.zh-CN.md', text: chinese })

describe('the parity check itself', () => {
  it('accepts editions that differ only in prose, comments, string literals and JSX text', () => {
    expect(compare(CHINESE)).toEqual([])
  })

  it('reports a heading at another level, naming both headings and their lines', () => {
    const [difference] = compare(CHINESE.replace('## 使用', '### 使用'))
    expect(difference).toContain('heading 3')
    expect(difference).toContain('a.md:7 "## Use"')
    expect(difference).toContain('a.zh-CN.md:7 "### 使用"')
  })

  it('reports a missing section', () => {
    const [difference] = compare(CHINESE.replace('## 安装\n', ''))
    expect(difference).toContain('3 headings vs 2')
    expect(difference).toContain('a.md:7 "## Use" vs a.zh-CN.md: (no heading)')
  })

  it('reports changed code with the block, its section and the first differing line', () => {
    const [difference] = compare(CHINESE.replace('onClick={pick}', 'onClick={choose}'))
    expect(difference).toContain('code block 2')
    expect(difference).toContain('under "Use"')
    expect(difference).toContain('under "使用"')
    expect(difference).toContain('"<Button onClick={pick}>…</Button>" vs "<Button onClick={choose}>…</Button>"')
  })

  it('reports a changed shell command, a changed fence info string and a missing block', () => {
    expect(compare(CHINESE.replace('npm install taro-privacy', 'npm i taro-privacy'))[0]).toContain('code block 1')
    expect(compare(CHINESE.replace(`${fence}tsx`, `${fence}tsx fragment`))[0]).toContain('fence info "tsx" vs "tsx fragment"')
    expect(compare(CHINESE.replace(/```sh[\s\S]*?```\n/, ''))[0]).toBe('a.md has 2 code blocks, a.zh-CN.md has 1')
  })

  it('reports an edition that does not link to the other at the top', () => {
    expect(compare(CHINESE.replace('[English](a.md)', ''))).toEqual(['a.zh-CN.md does not link to a.md in its first lines'])
  })

  it('does not take a # line inside a code block for a heading', () => {
    expect(outline(md('# A', `${fence}sh`, '# a comment', fence, '## B')).headings.map((h) => h.text)).toEqual(['A', 'B'])
  })

  it('keeps code and drops only comments and literals', () => {
    expect(normalizeCode("const a = 'x' // note\n\n/* block */ f(a, `y ${a}`)", 'ts')).toEqual(['const a = ""', 'f(a, "")'])
  })
})
