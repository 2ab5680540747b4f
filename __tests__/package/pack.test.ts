/**
 * @jest-environment node
 */
// The package as a user installs it: `npm pack`, install the tarball into an empty
// folder (no react, no @tarojs), then load the entries with require and import.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
const { checkPackageFiles } = require('../../scripts/package-files.cjs') as { checkPackageFiles: (dir: string) => string[] }

const root = resolve(__dirname, '../..')
let app: string
let installed: string

function node(args: string[]): string {
  return execFileSync(process.execPath, args, { cwd: app, encoding: 'utf8', stdio: 'pipe' }).trim()
}

beforeAll(() => {
  if (!existsSync(join(root, 'dist/core.mjs'))) throw new Error('dist/ is missing: run `npm run build` first (`npm test` does).')
  app = mkdtempSync(join(tmpdir(), 'taro-privacy-pack-'))
  const [{ filename }] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', app], { cwd: root, encoding: 'utf8' }),
  )
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true }))
  execFileSync(
    'npm',
    ['install', join(app, filename), '--offline', '--ignore-scripts', '--legacy-peer-deps', '--no-audit', '--no-fund'],
    { cwd: app, stdio: 'pipe' },
  )
  installed = join(app, 'node_modules/taro-privacy')
}, 120_000)

afterAll(() => app && rmSync(app, { recursive: true, force: true }))

it('ships dist, the plugin stub, the READMEs, the guides they link to, the changelog and LICENSE only, with types first in every condition', () => {
  const files = readdirSync(installed).sort()
  expect(files).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'README.zh-CN.md', 'dist', 'docs', 'package.json', 'plugin'])
  const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'))
  const conditions = (entry: string, target: unknown): void => {
    if (typeof target !== 'object' || target === null) return
    const keys = Object.keys(target)
    // types first wherever a types condition is, and separate import and require types (not one for both)
    if (keys.includes('types')) expect([entry, keys[0]]).toEqual([entry, 'types'])
    else expect([entry, keys]).toEqual([entry, expect.not.arrayContaining(['default'])])
    for (const [condition, value] of Object.entries(target)) conditions(`${entry}.${condition}`, value)
  }
  for (const [entry, target] of Object.entries<unknown>(manifest.exports)) conditions(entry, target)
})

it('the installed package passes the file checks of npm run check:package', () => {
  expect(checkPackageFiles(installed)).toEqual([])
})

it('loads taro-privacy/core with require and runs a flow against the simulator', () => {
  const output = node([
    '-e',
    `const { createPrivacyStore, createMiniProgramAdapter } = require('taro-privacy/core')
     const { createPrivacySimulator } = require('taro-privacy/testing')
     const sim = createPrivacySimulator({ latency: 0 })
     const store = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api) })
     store.mount()
     let result = ''
     sim.call('getLocation', { success: () => (result = 'ok'), fail: (f) => (result = f.errMsg) })
     sim.tapAgreeButton('b')
     store.handleAgreeEvent('b')
     console.log(result, store.getState().status)`,
  ])
  expect(output).toBe('ok agreed')
})

it('loads taro-privacy/core with import', () => {
  const output = node([
    '--input-type=module',
    '-e',
    `import { createPrivacyStore, PrivacyError, toPrivacyError } from 'taro-privacy/core'
     console.log(typeof createPrivacyStore, toPrivacyError({ errno: 112 }) instanceof PrivacyError)`,
  ])
  expect(output).toBe('function true')
})

it('core pulls in neither react nor @tarojs', () => {
  const imported = new Set<string>()
  const visit = (file: string) => {
    const source = readFileSync(file, 'utf8')
    for (const [, specifier] of source.matchAll(/(?:from|import)\s*['"]([^'"]+)['"]/g)) {
      if (specifier.startsWith('.')) visit(resolve(file, '..', specifier))
      else imported.add(specifier)
    }
  }
  visit(join(installed, 'dist/core.mjs'))
  expect([...imported]).toEqual([])
  expect(() => node(['-e', "require.resolve('react')"])).toThrow()
})

it('taro-privacy/plugin resolves without exports support, as Taro resolves plugins, and loads in node', () => {
  const { main } = JSON.parse(readFileSync(join(installed, 'plugin/package.json'), 'utf8'))
  const file = join(installed, 'plugin', main)
  expect(existsSync(file)).toBe(true)
  expect(node(['-e', `const plugin = require(${JSON.stringify(file)}); console.log(typeof plugin.default)`])).toBe('function')
})

it('taro-privacy/testing/jest-preset points jest at doubles that ship in the package', () => {
  const output = node([
    '-e',
    `const preset = require('taro-privacy/testing/jest-preset')
     const fs = require('node:fs')
     console.log(preset.testEnvironment, Object.values(preset.moduleNameMapper).every((file) => fs.existsSync(file)))`,
  ])
  expect(output).toBe('jsdom true')
  // as jest loads it (a preset module's default export, or the module), and as an ES module imports it
  const loaded = node([
    '-e',
    `require(require.resolve('jest-util', { paths: [${JSON.stringify(root)}] })).requireOrImportModule(require.resolve('taro-privacy/testing/jest-preset'))
       .then((preset) => console.log(preset.testEnvironment))`,
  ])
  expect(loaded).toBe('jsdom')
  const imported = node([
    '--input-type=module',
    '-e',
    `import preset, { testEnvironment } from 'taro-privacy/testing/jest-preset'
     console.log(preset.testEnvironment, testEnvironment)`,
  ])
  expect(imported).toBe('jsdom jsdom')
})

it('taro-privacy/testing/weapp loads with require and import, and says it needs a DOM outside jsdom', () => {
  const script = (load: string) =>
    `${load}.then(({ launchWeapp }) => launchWeapp({ dist: 'dist' })).catch((error) => console.log(error.message))`
  const expected = "[taro-privacy] launchWeapp needs a DOM: run the test in jest's jsdom environment (testEnvironment: 'jsdom')."
  expect(node(['-e', script("Promise.resolve(require('taro-privacy/testing/weapp'))")])).toBe(expected)
  expect(node(['--input-type=module', '-e', script("import('taro-privacy/testing/weapp')")])).toBe(expected)
})

it('the React entry needs its peers (react, @tarojs) and says which when they are missing', () => {
  expect(() => node(['-e', "require('taro-privacy')"])).toThrow(/Cannot find module '(react|@tarojs\/[a-z]+)/)
})
