/**
 * Facts the Vue binding rests on, checked on the compiled app (`npm run build:weapp`; for the
 * last test also `FACTS_PROBE=strings npm run build:weapp`). The facts page is src/probe/Probe.ts.
 */
const fs = require('node:fs')
const path = require('node:path')
const { launchWeapp } = require('taro-privacy/testing/weapp')

const dist = (name) => path.resolve(__dirname, '../../dist', name)
const launch = (name) => launchWeapp({ dist: dist(name), page: 'pages/facts/index', simulator: { platform: 'weapp', needAuthorization: true, baseLibrary: '3.0.0' } })
const log = (app) => app.page.find('#log').dom.textContent.split('|')

let app
afterEach(() => {
  app?.close()
  app = undefined
})

test('h(Button from @tarojs/components): id, class and both open-type spellings reach the WXML button', async () => {
  app = await launch('weapp')
  const attr = (id, name) => app.page.attribute('#' + id, name)
  expect(attr('agree-camelprop-lowerlistener', 'openType')).toBe('agreePrivacyAuthorization')
  expect(attr('agree-kebabprop-lowerlistener', 'openType')).toBe('agreePrivacyAuthorization')
  expect(attr('agree-camelprop-lowerlistener', 'class')).toBe('tp-agree-button probe-class')
  expect(fs.readFileSync(dist('weapp/base.wxml'), 'utf8')).toMatch(/<button [^>]*open-type="\{\{i\.p11\}\}"[^>]*bindagreeprivacyauthorization="eh"/)
})

test('only onAgreeprivacyauthorization (all lowercase after "on") hears the agree event; onTap hears taps, onClick does not', async () => {
  app = await launch('weapp')
  await app.page.agree({ button: '#agree-camelprop-lowerlistener' })
  await app.page.agree({ button: '#agree-camelprop-camellistener' })
  await app.page.agree({ button: '#agree-kebabprop-lowerlistener' })
  await app.page.tap('#tap-ontap')
  await app.page.tap('#tap-onclick')
  expect(log(app).filter((line) => /^(agree|tap):/.test(line))).toEqual(['agree:lower', 'agree:kebabprop', 'tap:onTap'])
  expect(app.violations).toEqual([])
  expect(app.errors).toEqual([])
})

test('app.use, $taroPath, the page root, Teleport and render() into it, <route>.onShow', async () => {
  app = await launch('weapp')
  const lines = log(app)
  expect(lines[0]).toBe('install:function')
  expect(lines).toContain('inject:provided-by-plugin')
  expect(lines).toContain('env:weapp:production')
  expect(lines.find((l) => l.startsWith('mounted:'))).toMatch(/^mounted:pages\/facts\/index\?\$taroTimestamp=\d+:root:onShowKey=pages\/facts\/index\.onShow$/)
  expect(lines.filter((l) => l.startsWith('onShow:'))).toHaveLength(1)
  expect(app.page.find('#teleported').dom.textContent).toBe('teleported-into-root')
  expect(app.page.find('#rendered').dom.textContent).toBe('rendered-by-plugin')
  await app.navigateTo('pages/index/index')
  await app.navigateBack()
  expect(log(app).filter((l) => l.startsWith('onShow:'))).toHaveLength(2)
})

const strings = fs.existsSync(dist('weapp-strings/app.js')) ? test : test.skip
strings("string tags (h('button')) without a template using <button>: base.wxml has no button template", () => {
  expect(fs.readFileSync(dist('weapp-strings/base.wxml'), 'utf8')).not.toContain('<button')
  expect(fs.readFileSync(dist('weapp/base.wxml'), 'utf8')).toContain('<button')
})
