const { spawn } = require('node:child_process')
const { readFileSync } = require('node:fs')
const path = require('node:path')
const { createFreshApp, followReadme, section, ROOT } = require('./freshApp')

/**
 * README "Testing your app" and "测试你的应用", as a user follows them: a fresh Taro app
 * outside the repository with the packed package, then for each language the quick start's
 * files and the section's jest config and tests copied verbatim, type-checked (strict),
 * built for weapp, and the tests run green.
 */
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8')
const languages = {
  English: { quickStart: section(readme, '## Quick start'), testing: section(readme, '## Testing your app') },
  中文: { quickStart: section(readme, '## 快速开始（中文）'), testing: section(readme, '### 测试你的应用') },
}
let app

beforeAll(() => {
  const started = Date.now()
  app = createFreshApp(languages.English.testing)
  console.log(`fresh app in ${app}: installed in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}, 900_000)

// Removing node_modules takes about a minute on a small machine: done in the background.
afterAll(() => app && spawn('rm', ['-rf', app], { detached: true, stdio: 'ignore' }).unref())

test('both languages install the same packages', () => {
  const install = (markdown) => markdown.match(/^npm install --save-dev .+$/m)?.[0]
  expect(install(languages.中文.testing)).toBe(install(languages.English.testing))
})

test.each(Object.keys(languages))('%s: the quick start and the testing section, verbatim, type-check, build and run green', (language) => {
  const { quickStart, testing } = languages[language]
  const { files, report } = followReadme(app, quickStart, testing)
  expect(files.sort()).toEqual(['jest.config.js', 'src/app.test.tsx', 'src/app.tsx', 'src/app.weapp.test.ts', 'src/pages/index/index.tsx'])
  expect(report).toMatch(/Tests: +2 passed, 2 total/)
}, 300_000)
