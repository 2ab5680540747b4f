const { runInThisContext } = require('node:vm')
const { launchWeapp } = require('taro-privacy/testing/weapp')
const { useMiniProgram, resultsOf, WEAPP_DIST } = require('./session')

const STORES = 'subpackages/stores/index'
const LOGIN = 'pages/login/index'

/** The everyday `wx` of the kit: defaults for non-privacy APIs, every call recorded, `__wxConfig`, storage. */
describe('launchWeapp: the wx a real app needs', () => {
  const start = useMiniProgram()

  test('the subpackage page makes its everyday calls on open: each answered by a default and recorded with its arguments', async () => {
    const app = await start(STORES)
    expect(app.page.text()).toContain('网络：wifi，屏幕宽度：375')
    expect(app.page.text()).toContain('上次位置：无')
    const call = (api) => app.calls.find((candidate) => candidate.api === api)
    expect(call('getStorageSync')).toEqual({ api: 'getStorageSync', args: ['stores:lastPosition'], results: ['success'] })
    expect(call('getWindowInfo')).toMatchObject({ args: [], results: ['success'] })
    expect(call('setNavigationBarTitle')).toMatchObject({ args: [expect.objectContaining({ title: '附近门店' })], results: ['success'], errMsg: 'setNavigationBarTitle:ok' })
    expect(call('getNetworkType')).toMatchObject({ results: ['success'], errMsg: 'getNetworkType:ok' })
  })

  test('privacy calls keep their record in app.calls and sim.calls', async () => {
    const app = await start(STORES, { needAuthorization: false })
    await app.tap('#find-stores')
    expect(app.sim.calls.filter((call) => call.api === 'getLocation')).toEqual([{ api: 'getLocation', results: ['success'], errMsg: 'getLocation:ok' }])
    expect(app.calls.filter((call) => call.api === 'getLocation')).toEqual([
      { api: 'getLocation', args: [expect.objectContaining({ type: 'wgs84' })], results: ['success'], errMsg: 'getLocation:ok' },
    ])
    expect(resultsOf(app, 'setStorageSync')).toEqual([['success']])
  })

  test('__wxConfig is set from app.json while the app runs (subpackage pages included), and removed on close', async () => {
    const app = await start(STORES)
    const config = globalThis.__wxConfig
    expect(config.pages).toContain(STORES)
    expect(config.pages).toContain('pages/index/index')
    expect(config.subPackages).toEqual([
      { root: 'subpackages/stores', pages: ['index'] },
      { root: 'independent/share', pages: ['index'], independent: true },
    ])
    expect(config.global.window.navigationBarTitleText).toBe('taro-privacy 示例')
    expect(config.entryPagePath).toBe(`${STORES}.html`)
    expect(config.tabBar.list).toHaveLength(3)
    app.close()
    expect(globalThis.__wxConfig).toBeUndefined()
  })
})

describe('launchWeapp options: storage and wx', () => {
  let app
  afterEach(() => {
    app?.close()
    app = undefined
  })

  test('storage: what a returning user left behind', async () => {
    app = await launchWeapp({ dist: WEAPP_DIST, page: STORES, storage: { 'stores:lastPosition': '31.23,121.47' } })
    expect(app.page.text()).toContain('上次位置：31.23,121.47')
  })

  test('wx: replaces a default, and is recorded too', async () => {
    app = await launchWeapp({
      dist: WEAPP_DIST,
      page: STORES,
      wx: { getNetworkType: ({ success }) => setTimeout(() => success({ errMsg: 'getNetworkType:ok', networkType: '4g' }), 0) },
    })
    expect(app.page.text()).toContain('网络：4g')
    expect(app.calls.filter((call) => call.api === 'getNetworkType').map((call) => call.results)).toEqual([['success']])
    expect(app.errors).toEqual([])
  })

  test('reLaunch into the subpackage page: one page left', async () => {
    app = await launchWeapp({ dist: WEAPP_DIST })
    await app.navigateTo('/pages/clipboard/index')
    const page = await app.reLaunch(`/${STORES}`)
    expect(page.route).toBe(STORES)
    expect(app.stack.map((live) => live.route)).toEqual([STORES])
  })

  test('an unhandled rejection in the app is recorded on app.errors, not thrown at the test; afterwards jest sees them again', async () => {
    const real = runInThisContext('process')
    const before = real.listeners('unhandledRejection')
    app = await launchWeapp({ dist: WEAPP_DIST })
    setTimeout(() => void Promise.reject(new Error('load failed')), 0) // as a page's effect that never catches
    await app.settle()
    expect(app.errors.map((error) => error.message)).toEqual(['[taro-privacy] unhandled rejection in the app: Error: load failed'])
    expect(app.errors[0].cause).toEqual(new Error('load failed'))
    app.close()
    expect(real.listeners('unhandledRejection')).toEqual(before)
  })
})

/** Buttons whose open-type the platform intercepts, tapped with plain tap(). */
describe('tap on privacy open-type buttons', () => {
  const start = useMiniProgram()

  test('open-type getPhoneNumber while consent is missing: intercepted (button.getPhoneNumber); agree lets getphonenumber through', async () => {
    const app = await start(LOGIN)
    await app.tap('#phone-only')
    expect(app.sim.pending.map((request) => request.referrer)).toEqual(['button.getPhoneNumber'])
    expect(app.page.consentUIs()).toHaveLength(1)
    expect(app.page.text()).not.toContain('phone-only：')

    await app.agree()
    expect(app.page.text()).toContain('phone-only：手机号 已获取 code（simulated-phone-code）')
    expect(app.requests[0].events).toEqual(['exposureAuthorization', 'agree'])
  })

  test('open-type getPhoneNumber, refused: getphonenumber fires with the fail errMsg', async () => {
    const app = await start(LOGIN)
    await app.tap('#phone-only')
    await app.disagree()
    expect(app.page.text()).toContain('phone-only：手机号 getPhoneNumber:fail privacy permission is not authorized')
  })

  test('open-type getPhoneNumber after consent: not intercepted', async () => {
    const app = await start(LOGIN, { needAuthorization: false })
    await app.tap('#phone-only')
    expect(app.requests).toHaveLength(0)
    expect(app.page.text()).toContain('phone-only：手机号 已获取 code（simulated-phone-code）')
  })

  test('getPhoneNumber|agreePrivacyAuthorization tapped: agrees and delivers getphonenumber, like agree({ button })', async () => {
    const app = await start(LOGIN)
    await app.tap('#agree-phone')
    expect(app.page.text()).toContain('agree-phone：已同意隐私协议')
    expect(app.page.text()).toContain('agree-phone：手机号 已获取 code（simulated-phone-code）')
    expect(app.sim.needAuthorization).toBe(false)
  })
})
