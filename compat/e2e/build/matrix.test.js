const fs = require('node:fs')
const path = require('node:path')
const MATRIX = require('../../matrix.json')

const COMPAT = path.resolve(__dirname, '../..')

describe('compat/matrix.json', () => {
  test('every entry has its install recipe in versions/<name>/ and nothing else is there', () => {
    const recipes = fs.readdirSync(path.join(COMPAT, 'versions')).sort()
    expect(recipes).toEqual(MATRIX.map((entry) => entry.name).sort())
    for (const entry of MATRIX) {
      expect(fs.existsSync(path.join(COMPAT, 'versions', entry.name, 'package-lock.json'))).toBe(true)
      const manifest = require(path.join(COMPAT, 'versions', entry.name, 'package.json'))
      expect(manifest.dependencies['@tarojs/taro']).toBe(entry.taro)
      expect(Boolean(manifest.devDependencies['@tarojs/vite-runner'])).toBe(entry.runner === 'vite')
    }
  })

  // The app's framework (config/index.ts `framework`) is what its recipe installs, and the
  // typecheck command (`typecheck`, default tsc) is the harness's.
  test('every entry builds an app of compat/ with the framework its recipe installs, typechecked by a checker of the harness', () => {
    const FRAMEWORKS = { react: ['@tarojs/plugin-framework-react', 'react'], vue3: ['@tarojs/plugin-framework-vue3', 'vue'] }
    const CHECKERS = { tsc: 'typescript', 'vue-tsc': 'vue-tsc' }
    const harness = require(path.join(COMPAT, 'package.json'))
    for (const entry of MATRIX) {
      const config = fs.readFileSync(path.join(COMPAT, entry.app ?? 'app', 'config', 'index.ts'), 'utf8')
      const framework = config.match(/\bframework: '(\w+)'/)[1]
      const manifest = require(path.join(COMPAT, 'versions', entry.name, 'package.json'))
      expect([entry.name, FRAMEWORKS[framework].filter((name) => !manifest.dependencies[name])]).toEqual([entry.name, []])
      expect([entry.name, harness.devDependencies[CHECKERS[entry.typecheck ?? 'tsc']]]).toEqual([entry.name, expect.any(String)])
    }
  })

  test.each(['weapp', 'h5'])('every entry built for %s has a test file of its name running the flows', (platform) => {
    for (const entry of MATRIX.filter((candidate) => candidate.platforms.includes(platform))) {
      const file = path.join(COMPAT, 'e2e', platform, `${entry.name}.test.js`)
      expect(fs.existsSync(file) && fs.readFileSync(file, 'utf8')).toContain(`require('./flows')('${entry.name}')`)
    }
  })
})
