const fs = require('node:fs')
const path = require('node:path')

const DIST = path.resolve(__dirname, '../../dist')
const WEAPP = path.join(DIST, 'weapp')
const H5 = path.join(DIST, 'h5')

const read = (file) => fs.readFileSync(file, 'utf8')
const jsFiles = (dir) => fs.readdirSync(dir, { recursive: true }).filter((file) => /\.js$/.test(file)).map((file) => path.join(dir, file))

/** Every module id in a build (the config names modules by their path, relative to example-vue/). */
function moduleIds(dir) {
  const ids = new Set()
  for (const file of jsFiles(dir)) {
    for (const [, id] of read(file).matchAll(/"(\.\.?\/[^"\s]+?\.(?:mjs|cjs|js|jsx|ts|tsx|vue))(?:\?[^"\s]*)?"/g)) ids.add(id)
  }
  return [...ids]
}

/** The package a module id belongs to, e.g. `./node_modules/@tarojs/runtime/dist/x.js` → that package's folder. */
function packageFolder(id) {
  const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(id)
  return match ? match[1] : null
}

describe('compiled WeChat output', () => {
  test('the button template binds the agree event, the open-type and the id the platform checks', () => {
    const buttons = read(path.join(WEAPP, 'base.wxml')).match(/<button\b[^>]*>/g) ?? []
    expect(buttons.length).toBeGreaterThan(0)
    for (const button of buttons) {
      expect(button).toContain('bindagreeprivacyauthorization="eh"')
      expect(button).toMatch(/open-type="\{\{[^}]+\}\}"/)
      expect(button).toMatch(/\bid="\{\{i\.uid\|\|i\.sid\}\}"/)
    }
  })

  test('app.json: every page, and the privacy check on', () => {
    const app = JSON.parse(read(path.join(WEAPP, 'app.json')))
    expect(app.__usePrivacyCheck__).toBe(true)
    expect(app.pages).toEqual(['pages/index/index', 'pages/clipboard/index', 'pages/location/index'])
    for (const page of app.pages) expect(fs.existsSync(path.join(WEAPP, `${page}.wxml`))).toBe(true)
  })
})

describe.each([
  ['weapp', WEAPP],
  ['h5', H5],
])('%s bundle', (_platform, dir) => {
  const ids = moduleIds(dir)

  test('holds taro-privacy/vue from the repo build, and no React', () => {
    expect(ids).toContain('../dist/vue.mjs')
    expect(ids.filter((id) => /\.\.\/dist\/(index|core)\.mjs$/.test(id))).toEqual([])
    const packages = new Set(ids.map(packageFolder).filter(Boolean))
    expect([...packages].filter((folder) => /node_modules\/(react|react-dom|scheduler|@tarojs\/react)$/.test(folder))).toEqual([])
    // The Vue app itself and one copy of Vue.
    expect([...packages].filter((folder) => /node_modules\/@vue\/runtime-core$/.test(folder))).toEqual(['./node_modules/@vue/runtime-core'])
  })

  test('no chunk holds React by content either (its element symbol), whatever the module ids', () => {
    const withReact = jsFiles(dir).filter((file) => /Symbol\.for\("react\.(transitional\.)?element"\)/.test(read(file)))
    expect(withReact.map((file) => path.relative(dir, file))).toEqual([])
  })
})
