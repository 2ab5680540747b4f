const { spawn } = require('node:child_process')
const { readFileSync } = require('node:fs')
const path = require('node:path')
const { createFreshApp, runSectionTests, section, ROOT } = require('./freshApp')

/**
 * README "Testing your app" and "测试你的应用", as a user follows them: a fresh Taro app
 * outside the repository, the packed package, the quick start's files and each section's
 * jest config and tests copied verbatim, built for weapp, the tests run green.
 */
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8')
const sections = { English: section(readme, '## Testing your app'), 中文: section(readme, '### 测试你的应用') }
let fresh

beforeAll(() => {
  const started = Date.now()
  fresh = createFreshApp(readme, sections.English)
  console.log(`fresh app in ${fresh.app}: installed and built for weapp in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}, 900_000)

// Removing node_modules takes about a minute on a small machine: done in the background.
afterAll(() => fresh && spawn('rm', ['-rf', fresh.app], { detached: true, stdio: 'ignore' }).unref())

test('the fresh app is made of the quick start', () => {
  expect(fresh.quickStart.sort()).toEqual(['src/app.tsx', 'src/pages/index/index.tsx'])
})

test.each(Object.keys(sections))('the %s section’s jest config and tests run green in it', (language) => {
  const { files, output } = runSectionTests(fresh.app, sections[language])
  expect(files.sort()).toEqual(['jest.config.js', 'src/app.test.tsx', 'src/app.weapp.test.ts'])
  expect(output).toMatch(/Tests: +2 passed, 2 total/)
}, 300_000)
