const fs = require('node:fs')
const path = require('node:path')
const { entries, entriesWithoutPlugin, distOf, installedVersion, describeEach } = require('../matrix')

/**
 * What the compiled templates and app.json of each Taro version × runner hold for the agree
 * event, with `taro-privacy/plugin` in the app's config (see the README's plugin section),
 * and, for the entries built without it too (matrix.json `withoutPlugin`), without it.
 */

/** The `<button …>` start tags of a compiled template, each as its attributes (names as written: case matters; a repeated one as an array). */
function buttonsIn(file) {
  return (fs.readFileSync(file, 'utf8').match(/<button\b[^>]*>/g) ?? []).map((tag) => {
    const attributes = {}
    // An attribute written twice (an event bound twice) keeps both values, so no expectation of one value passes.
    for (const [, name, value] of tag.matchAll(/\s([\w:-]+)="([^"]*)"/g)) attributes[name] = name in attributes ? [].concat(attributes[name], value) : value
    return attributes
  })
}

/** The attributes of a button that bind the agree event, e.g. `{ bindagreeprivacyauthorization: 'eh' }`. */
function agreeBindings(button) {
  return Object.fromEntries(Object.entries(button).filter(([name]) => /agreeprivacyauthorization/i.test(name)))
}

/** Every button of `template` binds exactly `bindings` for the agree event and passes its open-type and id to the view. */
function expectEveryButton(template, bindings) {
  const buttons = buttonsIn(template)
  expect(buttons.length).toBeGreaterThan(0)
  for (const button of buttons) {
    expect(agreeBindings(button)).toEqual(bindings)
    expect(button['open-type']).toMatch(/^\{\{i\.p\d+\}\}$/)
    expect(button.id).toBe('{{i.uid||i.sid}}')
  }
  return buttons
}

const appJson = (dir) => JSON.parse(fs.readFileSync(path.join(dir, 'app.json'), 'utf8'))
const named = (platform) => entries(platform).map((entry) => [entry.name, entry])

describeEach(named('weapp'))('%s, weapp', (name, entry) => {
  const dist = distOf(entry, 'weapp')

  test('base.wxml: every button binds bindagreeprivacyauthorization and passes its open-type and id to the view', () => {
    expectEveryButton(path.join(dist, 'base.wxml'), { bindagreeprivacyauthorization: 'eh' })
  })

  test('app.json: the plugin adds no usePrivacyCheck (WeChat checks every app)', () => {
    expect(appJson(dist)).not.toHaveProperty('usePrivacyCheck')
  })
})

/** @tarojs/shared's Button declares the agree event from Taro 3.6.16 on. */
function sharedDeclaresAgreeEvent(version) {
  const [major, minor, patch] = version.split('.').map(Number)
  return major > 3 || (major === 3 && (minor > 6 || (minor === 6 && patch >= 16)))
}

describeEach(entriesWithoutPlugin('weapp').map((entry) => [entry.name, entry]))('%s, weapp without the plugin', (name, entry) => {
  const shared = installedVersion(entry, '@tarojs/shared')

  test(`base.wxml binds the agree event only where @tarojs/shared (${shared}) declares it; the plugin adds what is missing, once`, () => {
    const expected = sharedDeclaresAgreeEvent(shared) ? { bindagreeprivacyauthorization: 'eh' } : {}
    expectEveryButton(path.join(distOf(entry, 'weapp', { plugin: false }), 'base.wxml'), expected)
    // With the plugin (dist/weapp): exactly one binding, whichever version (see above).
    expectEveryButton(path.join(distOf(entry, 'weapp'), 'base.wxml'), { bindagreeprivacyauthorization: 'eh' })
  })
})

describeEach(named('tt'))('%s, tt with the plugin', (name, entry) => {
  const dist = distOf(entry, 'tt')

  test('base.ttml: every button binds bindagreeprivacyauthorization once (Taro binds it from 3.6.16, the plugin before)', () => {
    expectEveryButton(path.join(dist, 'base.ttml'), { bindagreeprivacyauthorization: 'eh' })
  })

  test('app.json: usePrivacyCheck true', () => {
    expect(appJson(dist).usePrivacyCheck).toBe(true)
  })
})

describeEach(named('alipay'))('%s, alipay with the plugin', (name, entry) => {
  const dist = distOf(entry, 'alipay')

  test('base.axml: every button binds onAgreePrivacyAuthorization="eh" once, beside Taro\'s lowercase name', () => {
    const template = fs.readFileSync(path.join(dist, 'base.axml'), 'utf8')
    const buttons = expectEveryButton(path.join(dist, 'base.axml'), { onagreeprivacyauthorization: 'eh', onAgreePrivacyAuthorization: 'eh' })
    expect(template.split(' onAgreePrivacyAuthorization="eh"').length - 1).toBe(buttons.length)
  })

  test('app.json: usePrivacyCheck true', () => {
    expect(appJson(dist).usePrivacyCheck).toBe(true)
  })
})
