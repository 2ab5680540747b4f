const fs = require('node:fs')
const path = require('node:path')

const DIST = path.resolve(__dirname, '../../dist')
const WEAPP = path.join(DIST, 'weapp')
const H5 = path.join(DIST, 'h5')

function read(file) {
  return fs.readFileSync(file, 'utf8')
}

function jsFiles(dir) {
  return fs.readdirSync(dir, { recursive: true }).filter((file) => /\.js$/.test(file)).map((file) => path.join(dir, file))
}

/** Every module id in a build (the config names modules by their path, relative to example/). */
function moduleIds(dir) {
  const ids = new Set()
  for (const file of jsFiles(dir)) {
    for (const [, id] of read(file).matchAll(/"(\.\.?\/[^"\s]+?\.(?:mjs|cjs|js|jsx|ts|tsx))"/g)) ids.add(id)
  }
  return [...ids]
}

/** The package a module id belongs to, e.g. `./node_modules/@tarojs/runtime/dist/x.js` → that package's folder. */
function packageFolder(id) {
  const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(id)
  return match ? match[1] : null
}

const SINGLE_COPY = ['react', 'react-dom', 'scheduler', '@tarojs/taro', '@tarojs/components', '@tarojs/runtime', '@tarojs/shared', '@tarojs/react']

describe('compiled WeChat output', () => {
  const baseWxml = read(path.join(WEAPP, 'base.wxml'))
  const buttons = baseWxml.match(/<button\b[^>]*>/g) ?? []

  test('the button template binds the agree event, the open-type and the combined events', () => {
    expect(buttons.length).toBeGreaterThan(0)
    for (const button of buttons) {
      expect(button).toContain('bindagreeprivacyauthorization="eh"')
      expect(button).toMatch(/open-type="\{\{[^}]+\}\}"/)
      expect(button).toContain('bindgetphonenumber="eh"')
      expect(button).toContain('bindgetrealtimephonenumber="eh"')
      expect(button).toContain('bindgetuserinfo="eh"')
      // The platform checks the tap of the button named in buttonId: the id must reach the view.
      expect(button).toMatch(/\bid="\{\{i\.uid\|\|i\.sid\}\}"/)
    }
  })

  test('the login page asks for the three combined open-types', () => {
    const login = read(path.join(WEAPP, 'pages/login/index.js'))
    for (const openType of [
      'getPhoneNumber|agreePrivacyAuthorization',
      'getRealtimePhoneNumber|agreePrivacyAuthorization',
      'getUserInfo|agreePrivacyAuthorization',
    ]) {
      expect(login).toContain(`"${openType}"`)
    }
  })

  test('WeChat DevTools can import it: project.config.json, app.json with the tabBar and the privacy check', () => {
    const project = JSON.parse(read(path.join(WEAPP, 'project.config.json')))
    expect(project).toMatchObject({ compileType: 'miniprogram', miniprogramRoot: './' })
    const source = JSON.parse(read(path.resolve(__dirname, '../../project.config.json')))
    expect(source.miniprogramRoot).toBe('dist/weapp/')
    const app = JSON.parse(read(path.join(WEAPP, 'app.json')))
    expect(app.__usePrivacyCheck__).toBe(true)
    expect(app.tabBar.list.map((item) => item.pagePath)).toEqual(['pages/index/index', 'pages/discover/index', 'pages/mine/index'])
    for (const page of app.pages) {
      expect(fs.existsSync(path.join(WEAPP, `${page}.wxml`))).toBe(true)
      expect(fs.existsSync(path.join(WEAPP, `${page}.js`))).toBe(true)
    }
  })
})

describe.each([
  ['weapp', WEAPP],
  ['h5', H5],
])('%s bundle', (_platform, dir) => {
  const ids = moduleIds(dir)

  test('bundles taro-privacy from the repository build', () => {
    expect(ids).toContain('../dist/index.mjs')
  })

  test('holds exactly one copy of React and of each Taro runtime package', () => {
    const outside = ids.filter((id) => id.startsWith('../') && !id.startsWith('../dist/'))
    expect(outside).toEqual([])
    for (const name of SINGLE_COPY) {
      const copies = new Set(ids.map(packageFolder).filter((folder) => folder?.endsWith(`node_modules/${name}`)))
      expect([...copies].every((folder) => folder === `./node_modules/${name}`)).toBe(true)
      expect(copies.size).toBeLessThanOrEqual(1)
    }
    const reactCores = ids.filter((id) => /\/react\.(production|development)(\.min)?\.js$/.test(id))
    expect(reactCores).toHaveLength(1)
  })
})
