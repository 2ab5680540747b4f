const { closeAfterEach } = require('../../../example/e2e/weapp/lifecycle')
const { entries, entriesWithoutPlugin, entryNamed, distOf, packageEntry, describeIfBuilt } = require('../matrix')

const HOME = 'pages/index/index'
const TAB = 'pages/tab/index'
const CONCURRENT = 'pages/concurrent/index'
/** The page of the compat app's subpackage (app.config `subPackages`, root `packages/privacy`). */
const SUBPACKAGE = 'packages/privacy/pages/location/index'

/**
 * The compat app's compiled weapp pages for the matrix entry `name` (a Taro version ×
 * runner), run by the packed package's own harness (`taro-privacy/testing/weapp`:
 * miniprogram-simulate with the simulator as `wx`). Each entry has its own test file
 * calling this: WeChat's template compiler patches built-ins once per jest realm.
 */
module.exports = (name) => {
  const entry = entryNamed(name)
  // Skipped when this run did not build the entry (COMPAT_VERSIONS).
  describeIfBuilt(entries('weapp').includes(entry), `${name}, compiled weapp pages`, () => flows(entry))
}

/**
 * The same for the entry's build without the plugin (matrix.json `withoutPlugin`), in a test
 * file of its own (`<name>-without-plugin.test.js`: one compiled app per jest realm).
 */
module.exports.withoutPlugin = (name) => {
  const entry = entryNamed(name)
  describeIfBuilt(entriesWithoutPlugin('weapp').includes(entry), `${name}, compiled weapp pages without taro-privacy/plugin`, () =>
    withoutPlugin(entry),
  )
}

/**
 * The app built without the plugin, on a Taro whose Button template lacks the agree event
 * (before 3.6.16; issue 17): the agree tap never reaches PrivacyAgreeButton and the call waits.
 * The same flow with the plugin is the first test of `flows`.
 */
function withoutPlugin(entry) {
  const dist = distOf(entry, 'weapp', { plugin: false })
  const { launchWeapp } = packageEntry(entry, 'taro-privacy/testing/weapp')
  const launch = closeAfterEach((page) => launchWeapp({ dist, page, simulator: { platform: 'weapp', needAuthorization: true, baseLibrary: '3.0.0' } }))

  test('the agree tap is lost: the intercepted call is not released', async () => {
    const app = await launch(HOME)
    const home = app.page
    await home.tap('#get-location')
    expect(home.consentUIs()).toHaveLength(1)

    await home.agree()
    expect(app.requests.map((request) => request.events)).toEqual([['exposureAuthorization']])
    expect(app.calls.filter((call) => call.api === 'getLocation').map((call) => call.results)).toEqual([[]])
    expect(home.text()).toContain('getLocation：等待')
    expect(home.consentUIs()).toHaveLength(1)
  })
}

function flows(entry) {
  const dist = distOf(entry, 'weapp')
  const { launchWeapp } = packageEntry(entry, 'taro-privacy/testing/weapp')
  let app
  // The example's lifecycle: each app closed after its test, with no broken rule or failed routing call.
  const launch = closeAfterEach((page) => launchWeapp({ dist, page, simulator: { platform: 'weapp', needAuthorization: true, baseLibrary: '3.0.0' } }))
  const start = async (page) => (app = await launch(page))

  const resultsOf = (api) => app.calls.filter((call) => call.api === api).map((call) => call.results)
  const eventsOf = () => app.requests.map((request) => request.events)

  test('an intercepted call: the consent UI reports exposure once, the agree tap releases the call', async () => {
    const home = (await start(HOME)).page
    expect(home.text()).toContain('status：required')
    await home.tap('#get-location')

    expect(home.consentUIs()).toHaveLength(1)
    expect(eventsOf()).toEqual([['exposureAuthorization']])
    expect(home.text()).toContain('getLocation：等待')

    await home.agree()
    expect(eventsOf()).toEqual([['exposureAuthorization', 'agree']])
    expect(resultsOf('getLocation')).toEqual([['success']])
    expect(home.text()).toContain('getLocation：成功')
    expect(home.consentUIs()).toHaveLength(0)
  })

  test('two concurrent calls: one consent UI, one tap releases both', async () => {
    const home = (await start(HOME)).page
    await home.tap('#go-concurrent')
    const page = app.page
    expect(page.route).toBe(CONCURRENT)

    await page.tap('#call-both')
    expect(app.sim.pending.map((request) => request.referrer)).toEqual(['getClipboardData', 'getLocation'])
    expect(page.consentUIs()).toHaveLength(1)
    expect(home.consentUIs()).toHaveLength(0)

    await page.agree()
    expect(eventsOf()).toEqual([
      ['exposureAuthorization', 'agree'],
      ['exposureAuthorization', 'agree'],
    ])
    expect(resultsOf('getClipboardData')).toEqual([['success']])
    expect(resultsOf('getLocation')).toEqual([['success']])
    expect(page.text()).toContain('getClipboardData：成功')
    expect(page.text()).toContain('getLocation：成功')
    expect(page.consentUIs()).toHaveLength(0)
  })

  test('navigateTo and navigateBack with a request pending: the consent UI follows the page on top', async () => {
    const home = (await start(HOME)).page
    await home.tap('#get-location')
    expect(home.consentUIs()).toHaveLength(1)

    const next = await app.navigateTo(`/${CONCURRENT}`)
    expect(next.route).toBe(CONCURRENT)
    expect(next.consentUIs()).toHaveLength(1)
    expect(home.consentUIs()).toHaveLength(0)

    expect(await app.navigateBack()).toBe(home)
    expect(home.consentUIs()).toHaveLength(1)

    await home.agree()
    expect(eventsOf()).toEqual([['exposureAuthorization', 'agree']])
    expect(resultsOf('getLocation')).toEqual([['success']])
  })

  // Nothing mounts when an already-alive tab page is shown again: only Taro's `<route>.onShow`
  // event can tell the portal that another page is on top.
  test('switchTab to a live tab page with a request pending: the consent UI moves there', async () => {
    const home = (await start(HOME)).page
    const tab = await app.switchTab(`/${TAB}`)
    expect(await app.switchTab(`/${HOME}`)).toBe(home)
    await home.tap('#get-location')
    expect(home.consentUIs()).toHaveLength(1)

    expect(await app.switchTab(`/${TAB}`)).toBe(tab)
    expect(tab.consentUIs()).toHaveLength(1)
    expect(home.consentUIs()).toHaveLength(0)

    await tab.agree()
    expect(resultsOf('getLocation')).toEqual([['success']])
    expect(app.pages.flatMap((page) => page.consentUIs())).toHaveLength(0)
    await app.switchTab(`/${HOME}`)
    expect(home.text()).toContain('getLocation：成功')
    expect(home.consentUIs()).toHaveLength(0)
  })

  test('a subpackage page (app.config subPackages): its intercepted call shows the consent UI there, the agree tap releases it', async () => {
    const home = (await start(HOME)).page
    await home.tap('#go-subpackage')
    const page = app.page
    expect(page.route).toBe(SUBPACKAGE)

    await page.tap('#sub-get-location')
    expect(page.consentUIs()).toHaveLength(1)
    expect(home.consentUIs()).toHaveLength(0)
    expect(eventsOf()).toEqual([['exposureAuthorization']])

    await page.agree()
    expect(eventsOf()).toEqual([['exposureAuthorization', 'agree']])
    expect(resultsOf('getLocation')).toEqual([['success']])
    expect(page.text()).toContain('getLocation：成功')
    expect(page.consentUIs()).toHaveLength(0)
  })

  test('the combined open-type getPhoneNumber|agreePrivacyAuthorization delivers the agree and the phone code', async () => {
    const page = (await start('pages/phone/index')).page
    expect(page.attribute('#agree-phone', 'openType')).toBe('getPhoneNumber|agreePrivacyAuthorization')
    expect(page.text()).toContain('status：required')

    const id = await page.agree({ button: '#agree-phone', detail: { errMsg: 'getPhoneNumber:ok', code: 'phone-code' } })
    expect(id).toBe('agree-phone')
    expect(page.text()).toContain('agree：agree-phone')
    expect(page.text()).toContain('phone：phone-code')
    expect(page.text()).toContain('status：agreed')
    expect(app.sim.needAuthorization).toBe(false)
  })
}
