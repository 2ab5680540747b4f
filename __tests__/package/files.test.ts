/**
 * @jest-environment node
 */
// The file checks of `npm run check:package` (scripts/package-files.cjs), each shown failing on
// the problem it exists for: a sound package passes, and each breakage is reported by name.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

const { checkPackageFiles, markdownLinks } = require('../../scripts/package-files.cjs') as {
  checkPackageFiles: (dir: string) => string[]
  markdownLinks: (text: string) => { line: number; target: string }[]
}

let dir: string
const write = (file: string, content: string) => {
  mkdirSync(dirname(join(dir, file)), { recursive: true })
  writeFileSync(join(dir, file), content)
}
const manifest = {
  name: 'taro-privacy',
  version: '1.2.3',
  main: './dist/index.cjs',
  types: './dist/types/index.d.ts',
  exports: {
    '.': {
      import: { types: './dist/types/index.d.mts', default: './dist/index.mjs' },
      require: { types: './dist/types/index.d.ts', default: './dist/index.cjs' },
    },
  },
  typesVersions: { '*': { plugin: ['./dist/types/plugin/index.d.ts'] } },
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'taro-privacy-files-'))
  write('package.json', JSON.stringify(manifest))
  for (const file of ['dist/index.cjs', 'dist/index.mjs', 'dist/types/index.d.ts', 'dist/types/index.d.mts', 'dist/types/plugin/index.d.ts']) {
    write(file, 'export {}\n')
  }
  write('plugin/package.json', JSON.stringify({ main: '../dist/index.cjs', types: '../dist/types/plugin/index.d.ts' }))
  write('docs/guide.md', '# Guide\n\n[README](../README.md) · [top](#guide)\n')
  write(
    'README.md',
    [
      '# taro-privacy',
      '[Guide](docs/guide.md) · [npm](https://www.npmjs.com/) · [Install](#install)',
      '<img src="https://cdn.jsdelivr.net/npm/taro-privacy@1.2.3/docs/shot.png" alt="shot">',
      '```sh',
      'echo "[not a link](nowhere.md)"',
      '```',
      'In code: `[x](nowhere.md)`',
    ].join('\n'),
  )
  write('docs/shot.png', 'png')
  write('CHANGELOG.md', '# Changelog\n\n## [Unreleased]\n\n## [1.2.3] - 2026-12-01\n\n## [0.1.0] - 2026-11-24\n')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

it('passes a sound package', () => {
  expect(checkPackageFiles(dir)).toEqual([])
})

it('reports a missing entry point, wherever package.json or a stub names it', () => {
  rmSync(join(dir, 'dist/types/index.d.mts'))
  rmSync(join(dir, 'dist/types/plugin/index.d.ts'))
  expect(checkPackageFiles(dir)).toEqual([
    'entry point exports["."].import.types -> dist/types/index.d.mts is not in the package',
    'entry point typesVersions.*.plugin -> dist/types/plugin/index.d.ts is not in the package',
    'entry point plugin/package.json.types -> dist/types/plugin/index.d.ts is not in the package',
  ])
})

it('reports tests in the package', () => {
  write('dist/__tests__/store.test.js', '')
  write('dist/store.spec.cjs', '')
  expect(checkPackageFiles(dir)).toEqual(['test file in the package: dist/__tests__/store.test.js', 'test file in the package: dist/store.spec.cjs'])
})

it('reports source maps pointing at files the package lacks, and maps named but not shipped', () => {
  write('dist/index.cjs', 'module.exports = {}\n//# sourceMappingURL=index.cjs.map\n')
  write('dist/index.cjs.map', JSON.stringify({ version: 3, sources: ['../src/index.ts'], mappings: '' }))
  write('dist/index.mjs', 'export {}\n//# sourceMappingURL=index.mjs.map\n')
  expect(checkPackageFiles(dir)).toEqual([
    'dist/index.cjs.map points at ../src/index.ts (src/index.ts), which is not in the package',
    'dist/index.mjs names the source map index.mjs.map, which is not in the package',
  ])
  // inlined sources need no file
  write('dist/index.cjs.map', JSON.stringify({ version: 3, sources: ['../src/index.ts'], sourcesContent: ['export {}'], mappings: '' }))
  write('dist/index.mjs.map', JSON.stringify({ version: 3, sources: [], mappings: '' }))
  expect(checkPackageFiles(dir)).toEqual([])
})

it('reports relative links to files or folders the package lacks, root-relative links, and CDN links to another version or a missing file', () => {
  write(
    'README.md',
    [
      '# taro-privacy',
      '[Migration](docs/migration.md) · [compat](compat/) · [docs folder](docs/)',
      '![shot](/docs/shot.png)',
      '<img src="https://cdn.jsdelivr.net/npm/taro-privacy@1.0.0/docs/shot.png" alt="shot">',
      '<img src="https://unpkg.com/taro-privacy@1.2.3/docs/missing.png">',
      '[other package](https://cdn.jsdelivr.net/npm/react@18.3.1/README.md)',
    ].join('\n'),
  )
  write('docs/guide.md', '[example](../example/README.md)')
  expect(checkPackageFiles(dir)).toEqual([
    'README.md:2: docs/migration.md is not in the package',
    'README.md:2: compat/ is not in the package',
    'README.md:2: docs/ is a folder (a reader of the file cannot open it)',
    'README.md:3: /docs/shot.png is root-relative (it resolves nowhere a user reads the file)',
    'README.md:4: https://cdn.jsdelivr.net/npm/taro-privacy@1.0.0/docs/shot.png is not this version (1.2.3)',
    'README.md:5: https://unpkg.com/taro-privacy@1.2.3/docs/missing.png names docs/missing.png, which is not in the package',
    'docs/guide.md:1: ../example/README.md is not in the package',
  ])
})

it('finds links with code in their text, titles and angle brackets, and none in code', () => {
  const text = ['[`usePrivacyStore()`](#api) [a](b.md "title") [c](<d e.md>)', '`[no](x.md)`', '```', '[no](y.md)', '```'].join('\n')
  expect(markdownLinks(text).map((link) => link.target)).toEqual(['#api', 'b.md', 'd e.md'])
})

it('reports a changelog that is missing, has no Unreleased section, or no section for the version packed', () => {
  write('CHANGELOG.md', '# Changelog\n\n## [1.2.2] - 2026-11-30\n')
  expect(checkPackageFiles(dir)).toEqual([
    'CHANGELOG.md has no "## [Unreleased]" section',
    'CHANGELOG.md has no section for 1.2.3 ("## [1.2.3] - YYYY-MM-DD")',
  ])
  rmSync(join(dir, 'CHANGELOG.md'))
  expect(checkPackageFiles(dir)).toEqual(['CHANGELOG.md is not in the package'])
})
