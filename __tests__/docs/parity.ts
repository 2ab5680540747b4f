/**
 * Compares an English markdown file with its Chinese edition: the same headings (levels,
 * in order) and the same code in the same fenced blocks, where comments, string literals
 * and UI text may differ. Returns readable differences naming the section or block.
 */

export interface Heading {
  level: number
  text: string
  line: number
}

export interface CodeBlock {
  info: string
  code: string
  line: number
  /** The heading the block is under. */
  section: string
}

export interface Outline {
  headings: Heading[]
  blocks: CodeBlock[]
}

export interface MarkdownFile {
  name: string
  text: string
}

const FENCE = /^(\s*)(`{3,}|~{3,})\s*(.*)$/
const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/

export function outline(markdown: string): Outline {
  const headings: Heading[] = []
  const blocks: CodeBlock[] = []
  let open: { marker: string; indent: number; info: string; line: number; lines: string[] } | null = null
  markdown.split('\n').forEach((raw, index) => {
    const line = index + 1
    const fence = FENCE.exec(raw)
    if (open) {
      if (fence && fence[2][0] === open.marker[0] && fence[2].length >= open.marker.length && fence[3] === '') {
        const section = headings.length ? headings[headings.length - 1].text : '(top)'
        blocks.push({ info: open.info, code: open.lines.join('\n'), line: open.line, section })
        open = null
      } else {
        open.lines.push(raw.slice(Math.min(open.indent, raw.length - raw.trimStart().length)))
      }
      return
    }
    if (fence) {
      open = { marker: fence[2], indent: fence[1].length, info: fence[3].trim(), line, lines: [] }
      return
    }
    const heading = HEADING.exec(raw)
    if (heading) headings.push({ level: heading[1].length, text: heading[2], line })
  })
  return { headings, blocks }
}

const SCRIPT = new Set(['ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs', 'typescript', 'javascript'])
const SHELL = new Set(['sh', 'bash', 'shell', 'zsh', 'console'])
const MARKUP = new Set(['html', 'xml', 'wxml', 'axml', 'ttml'])

/** Replaces string literals with `""` and drops comments (`//`, `/* *\/`, or `#` in shell). */
function stripStringsAndComments(code: string, shell: boolean): string {
  let out = ''
  let i = 0
  while (i < code.length) {
    const char = code[i]
    const next = code[i + 1]
    if (!shell && char === '/' && next === '/') {
      while (i < code.length && code[i] !== '\n') i++
    } else if (!shell && char === '/' && next === '*') {
      const end = code.indexOf('*/', i + 2)
      i = end < 0 ? code.length : end + 2
    } else if (shell && char === '#' && (i === 0 || /\s/.test(code[i - 1]))) {
      while (i < code.length && code[i] !== '\n') i++
    } else if (char === '"' || char === "'" || char === '`') {
      // A quote left open ends at the line's end (an apostrophe in JSX text), except in a template.
      i++
      while (i < code.length && code[i] !== char && (char === '`' || code[i] !== '\n')) i += code[i] === '\\' ? 2 : 1
      if (code[i] === char) i++
      out += '""'
    } else {
      out += char
      i++
    }
  }
  return out
}

/** JSX text: a whole line of prose (no code punctuation), or the text between `>` and `<`. */
function stripJsxText(line: string): string {
  if (!/[<>{}()[\]=;]/.test(line) && /[^\x00-\x7f]/.test(line)) return '…'
  return line.replace(/>([^<>{}=;()]*[^\s<>{}=;()][^<>{}=;()]*)</g, '>…<')
}

/** The code lines that must be equal in both editions. */
export function normalizeCode(code: string, info: string): string[] {
  const language = info.split(/\s+/)[0].toLowerCase()
  let text = code
  if (SCRIPT.has(language)) text = stripStringsAndComments(text, false)
  else if (SHELL.has(language)) text = stripStringsAndComments(text, true)
  else if (MARKUP.has(language)) text = text.replace(/<!--[\s\S]*?-->/g, '')
  // A single-file component: markup comments, and the script's strings and comments; the template's text is prose.
  else if (language === 'vue')
    text = text.replace(/<!--[\s\S]*?-->/g, '').replace(/(<script[^>]*>)([\s\S]*?)(<\/script>)/g, (_, open, script, close) => open + stripStringsAndComments(script, false) + close)
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .map((line) => (SCRIPT.has(language) || language === 'vue' ? stripJsxText(line) : line))
    .filter((line) => line !== '' && line !== '{}')
}

function describeHeading(file: MarkdownFile, heading: Heading | undefined): string {
  return heading ? `${file.name}:${heading.line} "${'#'.repeat(heading.level)} ${heading.text}"` : `${file.name}: (no heading)`
}

function describeBlock(file: MarkdownFile, block: CodeBlock): string {
  return `${file.name}:${block.line} (\`\`\`${block.info}, under "${block.section}")`
}

const MAX_REPORTED = 10

/** Every difference in structure and code between `english` and `chinese`; empty when they are in step. */
export function compareEditions(english: MarkdownFile, chinese: MarkdownFile): string[] {
  const en = outline(english.text)
  const zh = outline(chinese.text)
  const differences: string[] = []

  const headingCount = Math.max(en.headings.length, zh.headings.length)
  for (let i = 0; i < headingCount; i++) {
    const [a, b] = [en.headings[i], zh.headings[i]]
    if (a && b && a.level === b.level) continue
    differences.push(
      `section structure differs at heading ${i + 1} (${en.headings.length} headings vs ${zh.headings.length}): ` +
        `${describeHeading(english, a)} vs ${describeHeading(chinese, b)}`,
    )
    break // after a missing or moved heading every later one differs too
  }

  if (en.blocks.length !== zh.blocks.length)
    differences.push(`${english.name} has ${en.blocks.length} code blocks, ${chinese.name} has ${zh.blocks.length}`)
  for (let i = 0; i < Math.min(en.blocks.length, zh.blocks.length); i++) {
    const [a, b] = [en.blocks[i], zh.blocks[i]]
    const where = `code block ${i + 1}: ${describeBlock(english, a)} vs ${describeBlock(chinese, b)}`
    if (a.info !== b.info) {
      differences.push(`${where}: fence info "${a.info}" vs "${b.info}"`)
      continue
    }
    const [x, y] = [normalizeCode(a.code, a.info), normalizeCode(b.code, b.info)]
    const line = x.findIndex((text, index) => text !== y[index])
    const at = line >= 0 ? line : x.length !== y.length ? Math.min(x.length, y.length) : -1
    if (at >= 0) differences.push(`${where}: code differs at line ${at + 1} (comments and strings aside): "${x[at] ?? ''}" vs "${y[at] ?? ''}"`)
  }

  for (const [from, to] of [[english, chinese], [chinese, english]] as const) {
    const top = from.text.split('\n').slice(0, 10).join('\n')
    const target = to.name.split('/').pop() as string
    if (!top.includes(`](${target})`) && !top.includes(`](./${target})`))
      differences.push(`${from.name} does not link to ${target} in its first lines`)
  }
  return differences.slice(0, MAX_REPORTED)
}
