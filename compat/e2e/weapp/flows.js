const { entries, entryNamed, distOf, testingOf } = require('../matrix')
const { launchMiniProgram, agree, attribute, consentUIs, find, tap, tapAgreeButton, text } = require('../miniProgram')

const HOME = 'pages/index/index'
const TAB = 'pages/tab/index'
const CONCURRENT = 'pages/concurrent/index'

/**
 * The compat app's compiled weapp pages for the matrix entry `name` (a Taro version ×
 * runner), on WeChat's template compiler with the packed package's simulator as `wx`.
 * Each entry has its own test file calling this (one Taro version per jest realm).
 */
module.exports = (name) => {
  const entry = entryNamed(name)
  // Skipped when this run did not build the entry (COMPAT_VERSIONS).
  const describeIfBuilt = entries('weapp').includes(entry) ? describe : describe.skip
  describeIfBuilt(`${name}, compiled weapp pages`, () => flows(entry))
}

function flows(entry) {
  const dist = distOf(entry, 'weapp')
  const { createPrivacySimulator } = testingOf(entry)
  let session

  afterEach(() => {
    if (!session) return
    const { sim, mp } = session
    session = undefined
    mp.close()
    expect(sim.violations).toEqual([])
    expect(mp.errors).toEqual([])
  })

  async function start(entryRoute) {
    const sim = createPrivacySimulator({ platform: 'weapp', needAuthorization: true, baseLibrary: '3.0.0' })
    const mp = launchMiniProgram({ sim, dist, entry: entryRoute })
    session = { sim, mp }
    await mp.settle()
    return { sim, mp }
  }

  const resultsOf = (mp, api) => mp.calls.filter((call) => call.api === api).map((call) => call.results)
  const eventsOf = (sim) => sim.requests.map((request) => request.events)

  async function go(mp, method, route) {
    mp.wx[method]({ url: `/${route}` })
    await mp.settle()
    expect(mp.top.route).toBe(route)
    return mp.top
  }

  test('an intercepted call: the consent UI reports exposure once, the agree tap releases the call', async () => {
    const { sim, mp } = await start(HOME)
    const home = mp.top
    expect(text(home)).toContain('status：required')
    tap(home, '#get-location')
    await mp.settle()

    expect(consentUIs(home)).toHaveLength(1)
    expect(eventsOf(sim)).toEqual([['exposureAuthorization']])
    expect(text(home)).toContain('getLocation：等待')

    agree(sim, home)
    await mp.settle()
    expect(eventsOf(sim)).toEqual([['exposureAuthorization', 'agree']])
    expect(resultsOf(mp, 'getLocation')).toEqual([['success']])
    expect(text(home)).toContain('getLocation：成功')
    expect(consentUIs(home)).toHaveLength(0)
  })

  test('two concurrent calls: one consent UI, one tap releases both', async () => {
    const { sim, mp } = await start(HOME)
    const home = mp.top
    tap(home, '#go-concurrent')
    await mp.settle()
    const page = mp.top
    expect(page.route).toBe(CONCURRENT)

    tap(page, '#call-both')
    await mp.settle()
    expect(sim.pending.map((request) => request.referrer)).toEqual(['getClipboardData', 'getLocation'])
    expect(consentUIs(page)).toHaveLength(1)
    expect(consentUIs(home)).toHaveLength(0)

    agree(sim, page)
    await mp.settle()
    expect(eventsOf(sim)).toEqual([
      ['exposureAuthorization', 'agree'],
      ['exposureAuthorization', 'agree'],
    ])
    expect(resultsOf(mp, 'getClipboardData')).toEqual([['success']])
    expect(resultsOf(mp, 'getLocation')).toEqual([['success']])
    expect(text(page)).toContain('getClipboardData：成功')
    expect(text(page)).toContain('getLocation：成功')
    expect(consentUIs(page)).toHaveLength(0)
  })

  test('navigateTo and navigateBack with a request pending: the consent UI follows the page on top', async () => {
    const { sim, mp } = await start(HOME)
    const home = mp.top
    tap(home, '#get-location')
    await mp.settle()
    expect(consentUIs(home)).toHaveLength(1)

    const next = await go(mp, 'navigateTo', CONCURRENT)
    expect(consentUIs(next)).toHaveLength(1)
    expect(consentUIs(home)).toHaveLength(0)

    mp.wx.navigateBack()
    await mp.settle()
    expect(mp.top).toBe(home)
    expect(consentUIs(home)).toHaveLength(1)

    agree(sim, home)
    await mp.settle()
    expect(eventsOf(sim)).toEqual([['exposureAuthorization', 'agree']])
    expect(resultsOf(mp, 'getLocation')).toEqual([['success']])
  })

  // Nothing mounts when an already-alive tab page is shown again: only Taro's `<route>.onShow`
  // event can tell the portal that another page is on top.
  test('switchTab to a live tab page with a request pending: the consent UI moves there', async () => {
    const { sim, mp } = await start(HOME)
    const home = mp.top
    const tab = await go(mp, 'switchTab', TAB)
    await go(mp, 'switchTab', HOME)
    tap(home, '#get-location')
    await mp.settle()
    expect(consentUIs(home)).toHaveLength(1)

    await go(mp, 'switchTab', TAB)
    expect(mp.top).toBe(tab)
    expect(consentUIs(tab)).toHaveLength(1)
    expect(consentUIs(home)).toHaveLength(0)

    agree(sim, tab)
    await mp.settle()
    expect(resultsOf(mp, 'getLocation')).toEqual([['success']])
    expect(mp.pages.flatMap(consentUIs)).toHaveLength(0)
    await go(mp, 'switchTab', HOME)
    expect(text(home)).toContain('getLocation：成功')
    expect(consentUIs(home)).toHaveLength(0)
  })

  test('the combined open-type getPhoneNumber|agreePrivacyAuthorization delivers the agree and the phone code', async () => {
    const { sim, mp } = await start('pages/phone/index')
    const page = mp.top
    const button = find(page, '#agree-phone')
    expect(attribute(button, 'openType')).toBe('getPhoneNumber|agreePrivacyAuthorization')
    expect(text(page)).toContain('status：required')

    tapAgreeButton(sim, button, { getphonenumber: { errMsg: 'getPhoneNumber:ok', code: 'phone-code' } })
    await mp.settle()
    expect(text(page)).toContain('agree：agree-phone')
    expect(text(page)).toContain('phone：phone-code')
    expect(text(page)).toContain('status：agreed')
    expect(sim.needAuthorization).toBe(false)
  })
}
