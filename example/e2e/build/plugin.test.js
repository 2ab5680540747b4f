const fs = require('node:fs')
const path = require('node:path')

/**
 * What `taro-privacy/plugin` changes in real Taro 4.1.11 builds of this app: each platform
 * is built with the plugin (dist/<platform>) and without it (TARO_PRIVACY_PLUGIN=off →
 * dist/<platform>-without-plugin), and the compiled output is compared.
 *
 * Measured: every mini platform inherits `bindagreeprivacyauthorization` from
 * @tarojs/shared's Button, so tt binds the agree event with or without the plugin, and
 * Alipay's template renames it to the all-lowercase `onagreeprivacyauthorization`. Alipay
 * binds events as `on` + the camel-cased event (`onTap`, `onAgreePrivacyAuthorization`):
 * that spelling is what the plugin adds. On both, the plugin adds `usePrivacyCheck: true`.
 */
const DIST = path.resolve(__dirname, '../../dist')

function read(file) {
  return fs.readFileSync(file, 'utf8')
}

function build(name) {
  const dir = path.join(DIST, name)
  if (!fs.existsSync(path.join(dir, 'app.json'))) {
    throw new Error(`no build in ${dir}: run npm run build:tt / build:alipay / build:without-plugin in example/`)
  }
  return dir
}

/** The `<button …>` start tags of a compiled template, each as its attributes (names as written: case matters). */
function buttonsIn(file) {
  return (read(file).match(/<button\b[^>]*>/g) ?? []).map((tag) => {
    const attributes = {}
    for (const [, name, value] of tag.matchAll(/\s([\w:-]+)="([^"]*)"/g)) attributes[name] = value
    return attributes
  })
}

function appJson(dir) {
  return JSON.parse(read(path.join(dir, 'app.json')))
}

const AGREE_EVENT = /agreeprivacyauthorization/i

/** The attributes of a button that bind the agree event, e.g. `{ bindagreeprivacyauthorization: 'eh' }`. */
function agreeBindings(button) {
  return Object.fromEntries(Object.entries(button).filter(([name]) => AGREE_EVENT.test(name)))
}

describe('WeChat: Taro binds the agree event itself (the plugin does nothing there)', () => {
  const weapp = build('weapp')

  test('base.wxml: every button binds bindagreeprivacyauthorization="eh"', () => {
    const buttons = buttonsIn(path.join(weapp, 'base.wxml'))
    expect(buttons.length).toBeGreaterThan(0)
    for (const button of buttons) expect(agreeBindings(button)).toEqual({ bindagreeprivacyauthorization: 'eh' })
  })

  test('app.json gets no usePrivacyCheck from the plugin (WeChat enables the check for every app)', () => {
    expect(appJson(weapp)).not.toHaveProperty('usePrivacyCheck')
  })
})

describe('Douyin (tt)', () => {
  const withPlugin = build('tt')
  const withoutPlugin = build('tt-without-plugin')
  const template = (dir) => path.join(dir, 'base.ttml')

  test('with the plugin: every button in base.ttml binds bindagreeprivacyauthorization="eh"', () => {
    const buttons = buttonsIn(template(withPlugin))
    expect(buttons.length).toBeGreaterThan(0)
    for (const button of buttons) {
      expect(agreeBindings(button)).toEqual({ bindagreeprivacyauthorization: 'eh' })
      expect(button['open-type']).toMatch(/^\{\{i\.p\d+\}\}$/)
      // The platform checks the tap of the button named in buttonId: the id reaches the view.
      expect(button.id).toBe('{{i.uid||i.sid}}')
    }
  })

  test('without the plugin the template is the same: Taro already binds the event on tt', () => {
    const buttons = buttonsIn(template(withoutPlugin))
    expect(buttons.length).toBeGreaterThan(0)
    for (const button of buttons) expect(agreeBindings(button)).toEqual({ bindagreeprivacyauthorization: 'eh' })
    expect(read(template(withPlugin))).toBe(read(template(withoutPlugin)))
  })

  test('app.json: usePrivacyCheck true with the plugin, absent without; nothing else differs', () => {
    const withIt = appJson(withPlugin)
    const withoutIt = appJson(withoutPlugin)
    expect(withIt.usePrivacyCheck).toBe(true)
    expect(withoutIt).not.toHaveProperty('usePrivacyCheck')
    const { usePrivacyCheck, ...rest } = withIt
    expect(rest).toEqual(withoutIt)
  })
})

describe('Alipay', () => {
  const withPlugin = build('alipay')
  const withoutPlugin = build('alipay-without-plugin')
  const template = (dir) => path.join(dir, 'base.axml')

  test('with the plugin: every button in base.axml binds onAgreePrivacyAuthorization="eh"', () => {
    const buttons = buttonsIn(template(withPlugin))
    expect(buttons.length).toBeGreaterThan(0)
    for (const button of buttons) {
      expect(button.onAgreePrivacyAuthorization).toBe('eh')
      expect(button['open-type']).toMatch(/^\{\{i\.p\d+\}\}$/)
      expect(button.id).toBe('{{i.uid||i.sid}}')
    }
  })

  test('without the plugin: no onAgreePrivacyAuthorization, only the lowercase name Taro derives from @tarojs/shared', () => {
    const buttons = buttonsIn(template(withoutPlugin))
    expect(buttons.length).toBeGreaterThan(0)
    for (const button of buttons) {
      expect(button).not.toHaveProperty('onAgreePrivacyAuthorization')
      expect(agreeBindings(button)).toEqual({ onagreeprivacyauthorization: 'eh' })
    }
  })

  test('the plugin adds exactly that attribute to the template', () => {
    const added = read(template(withPlugin)).split(' onAgreePrivacyAuthorization="eh"')
    expect(added.length - 1).toBe(buttonsIn(template(withPlugin)).length)
    expect(added.join('')).toBe(read(template(withoutPlugin)))
  })

  test('app.json: usePrivacyCheck true with the plugin, absent without; nothing else differs', () => {
    const withIt = appJson(withPlugin)
    const withoutIt = appJson(withoutPlugin)
    expect(withIt.usePrivacyCheck).toBe(true)
    expect(withoutIt).not.toHaveProperty('usePrivacyCheck')
    const { usePrivacyCheck, ...rest } = withIt
    expect(rest).toEqual(withoutIt)
  })
})
