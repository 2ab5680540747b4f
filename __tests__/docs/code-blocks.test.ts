// Users copy the docs' code: every ```ts / ```tsx block in the READMEs and docs/ compiles
// under `strict` against the package's source and the real Taro and React types. A block
// that is a part of a file on purpose (a config entry) is fenced `ts fragment` and skipped;
// a block fenced `ts app` / `tsx app` is a file of README's fresh Taro app (it imports the
// quick start's files), compiled under strict and run there by example/e2e/readme.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

const ROOT = path.resolve(__dirname, '../..')
const OUT = path.join(ROOT, '.build', 'doc-blocks')

interface Block {
  file: string
  line: number
  lang: 'ts' | 'tsx'
  code: string
}

function docFiles(): string[] {
  const readmes = readdirSync(ROOT).filter((name) => /^README(\..+)?\.md$/.test(name))
  const docs = existsSync(path.join(ROOT, 'docs'))
    ? readdirSync(path.join(ROOT, 'docs'))
        .filter((name) => name.endsWith('.md'))
        .map((name) => `docs/${name}`)
    : []
  return [...readmes, ...docs]
}

export function codeBlocks(file: string): Block[] {
  const lines = readFileSync(path.join(ROOT, file), 'utf8').split('\n')
  const blocks: Block[] = []
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(ts|tsx)\s*$/.exec(lines[i])
    if (!open) continue
    const start = i + 1
    while (i + 1 < lines.length && lines[i + 1] !== '```') i++
    blocks.push({ file, line: start, lang: open[1] as Block['lang'], code: lines.slice(start, i + 1).join('\n') })
    i++
  }
  return blocks
}

const blocks = docFiles().flatMap(codeBlocks)

it('finds the code blocks to check', () => {
  expect(blocks.filter((block) => block.file === 'README.md').length).toBeGreaterThan(5)
})

it('every ts/tsx block in the READMEs and docs/ compiles under strict', () => {
  rmSync(OUT, { recursive: true, force: true })
  mkdirSync(OUT, { recursive: true })
  const names = blocks.map((block, index) => {
    const name = path.join(OUT, `${block.file.replace(/\W/g, '_')}_${block.line}_${index}.${block.lang}`)
    // Each block is a module of its own, as a file in the user's project is.
    writeFileSync(name, `${block.code}\nexport {}\n`)
    return name
  })
  const program = ts.createProgram(names, {
    strict: true,
    noEmit: true,
    jsx: ts.JsxEmit.ReactJSX,
    target: ts.ScriptTarget.ES2018,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2018.d.ts', 'lib.dom.d.ts'],
    esModuleInterop: true,
    skipLibCheck: true,
    types: ['jest', 'node'],
    baseUrl: ROOT,
    paths: { 'taro-privacy': ['src/index.ts'], 'taro-privacy/*': ['src/*.ts', 'src/*/index.ts', 'src/*'] },
  })
  const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const index = diagnostic.file ? names.indexOf(path.resolve(diagnostic.file.fileName)) : -1
    const block = blocks[index]
    const where = block && diagnostic.file && diagnostic.start !== undefined
      ? `${block.file}:${block.line + 1 + diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line}`
      : diagnostic.file?.fileName ?? '(program)'
    return `${where}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`
  })
  expect(problems).toEqual([])
})
