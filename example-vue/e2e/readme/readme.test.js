const { spawn } = require('node:child_process')
const { readFileSync } = require('node:fs')
const path = require('node:path')
const { installLine, section } = require('../../../example/e2e/readme/markdown')
const { ROOT } = require('../../../example/e2e/readme/shell')
const { createFreshVueApp, followVueDocs, installed, testResults } = require('./freshApp')

/**
 * README.md "Vue 3" and docs/vue.md "Testing a Vue app" (and their Chinese editions), as a
 * user follows them: a fresh Taro Vue 3 app outside the repository with the packed package
 * and the test tools of the docs' install line; for each language the quick start's files
 * and the docs' jest config and test copied verbatim, type-checked (vue-tsc, strict), built
 * for h5 and weapp; then the docs' test and this folder's *.in-app.js tests run green in it.
 */
const read = (file) => readFileSync(path.join(ROOT, file), 'utf8')
const languages = {
  English: { quickStart: section(read('README.md'), '## Vue 3'), testing: section(read('docs/vue.md'), '## Testing a Vue app') },
  中文: { quickStart: section(read('README.zh-CN.md'), '## Vue 3'), testing: section(read('docs/vue.zh-CN.md'), '## 测试 Vue 应用') },
}
// Tests of ours that run in the app beside the docs' (this folder's *.in-app.js).
const inApp = (file, name) => [file, readFileSync(path.join(__dirname, name), 'utf8')]
const OUR_TESTS = [inApp('e2e/quick-start.weapp.test.js', 'quick-start.weapp.in-app.js'), inApp('e2e/taro-components.test.js', 'taro-components.in-app.js')]
let app

beforeAll(() => {
  const started = Date.now()
  app = createFreshVueApp(languages.English.testing)
  console.log(`fresh Vue app in ${app}: installed in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}, 900_000)

// Removing node_modules takes about a minute on a small machine: done in the background.
afterAll(() => app && spawn('rm', ['-rf', app], { detached: true, stdio: 'ignore' }).unref())

test('both languages install the same packages', () => {
  expect(installLine(languages.中文.testing)).toBe(installLine(languages.English.testing))
})

test("the app has Vue, and React only as the peer of Taro's h5 components (no react-dom): the jest kit must still give it plain tags", () => {
  expect(installed(app, 'vue')).toBe(true)
  expect(installed(app, 'react')).toBe(true)
  expect(installed(app, 'react-dom')).toBe(false)
})

test.each(Object.keys(languages))('%s: the quick start and the testing section, verbatim, type-check, build (weapp) and run green', (language) => {
  const { quickStart, testing } = languages[language]
  // No h5 build here (about 100 s each): example-vue runs the same binding's h5 build in Chromium.
  const { files, timings, h5, report } = followVueDocs(app, quickStart, testing, OUR_TESTS, { h5: false })
  console.log(`${language}: ${JSON.stringify(timings)}`)
  expect(files.sort()).toEqual(['jest.config.js', 'src/app.ts', 'src/consent.test.ts', 'src/pages/index/index.vue'])
  expect(h5).toBe(false)
  const results = testResults(app, report)
  expect(results.filter((result) => result.status !== 'passed')).toEqual([])
  expect(results.map((result) => `${result.file}: ${result.name}`).sort()).toEqual([
    'e2e/quick-start.weapp.test.js: 获取位置: the platform intercepts getLocation and the consent UI opens; 同意 lets the call through',
    'e2e/quick-start.weapp.test.js: 选择图片: require() opens the consent UI; 同意 releases it and the album opens',
    'e2e/taro-components.test.js: @tarojs/components under jest in a Vue app: plain tags; a click is a tap',
    'src/consent.test.ts: 同意 releases the waiting require()',
  ])
}, 600_000)
