const { useMiniProgram, resultsOf } = require('./session')

const HOME = 'pages/index/index'
const STORES = 'subpackages/stores/index'
const CLIPBOARD = 'pages/clipboard/index'
const TOAST = '未同意隐私保护指引，无法查找附近门店'

/** A page in a subpackage (app.json `subPackages`, root `subpackages/stores`): the portal's consent UI works there too. */
describe('subpackage page: consent UI through PrivacyModalPortal', () => {
  const start = useMiniProgram()

  const routes = (app) => app.stack.map((page) => page.route)
  const toasts = (app) => app.calls.filter((call) => call.api === 'showToast').map((call) => call.args[0].title)

  test('navigateTo into the subpackage page, a privacy call there shows the consent UI on it; agree runs the call', async () => {
    const app = await start(HOME)
    await app.tap('#go-stores')
    expect(routes(app)).toEqual([HOME, STORES])
    const stores = app.page
    expect(stores.text()).toContain('附近门店（分包页面）')

    await stores.tap('#find-stores')
    expect(app.sim.pending.map((request) => request.referrer)).toEqual(['getLocation'])
    expect(stores.consentUIs()).toHaveLength(1)
    expect(app.stack[0].consentUIs()).toHaveLength(0)

    await stores.agree()
    expect(stores.consentUIs()).toHaveLength(0)
    expect(app.requests.map((request) => request.events)).toEqual([['exposureAuthorization', 'agree']])
    expect(resultsOf(app, 'getLocation')).toEqual([['success']])
    expect(stores.text()).toContain('getLocation：成功')
    expect(app.wx.getStorageSync('stores:lastPosition')).toBe('39.91,116.40')
    expect(toasts(app)).toEqual([])
  })

  test('the consent UI follows navigation out of the subpackage page and back into it', async () => {
    const app = await start(STORES)
    const stores = app.page
    await stores.tap('#find-stores')
    expect(stores.consentUIs()).toHaveLength(1)

    // out of the subpackage, into a main-package page: the consent UI moves to the page on top
    await stores.tap('#stores-go-clipboard')
    expect(routes(app)).toEqual([STORES, CLIPBOARD])
    expect(app.page.consentUIs()).toHaveLength(1)
    expect(stores.consentUIs()).toHaveLength(0)

    // back into the subpackage page: it shows the consent UI again
    await app.navigateBack()
    expect(routes(app)).toEqual([STORES])
    expect(stores.consentUIs()).toHaveLength(1)
    await stores.agree()
    expect(stores.text()).toContain('getLocation：成功')
    expect(app.sim.pending).toHaveLength(0)
  })

  test('navigateBack out of the subpackage page with a call pending: the page below shows the consent UI; one agree settles it', async () => {
    const app = await start(HOME)
    const home = app.page
    const stores = await app.navigateTo(`/${STORES}`)
    await stores.tap('#find-stores')
    expect(stores.consentUIs()).toHaveLength(1)

    await app.navigateBack()
    expect(routes(app)).toEqual([HOME])
    expect(home.consentUIs()).toHaveLength(1)
    await home.agree()
    expect(home.consentUIs()).toHaveLength(0)
    expect(resultsOf(app, 'getLocation')).toEqual([['success']])
  })

  test('redirectTo into the subpackage page and out of it again', async () => {
    const app = await start(HOME)
    await app.navigateTo(`/${CLIPBOARD}`)
    const stores = await app.redirectTo(`/${STORES}`)
    expect(routes(app)).toEqual([HOME, STORES])
    await stores.tap('#find-stores')
    expect(stores.consentUIs()).toHaveLength(1)

    const clipboard = await app.redirectTo(`/${CLIPBOARD}`)
    expect(routes(app)).toEqual([HOME, CLIPBOARD])
    expect(clipboard.consentUIs()).toHaveLength(1)
    await clipboard.disagree()
    expect(resultsOf(app, 'getLocation')).toEqual([['fail']])
  })

  test('a new user refuses: the call fails and the page tells them with a toast', async () => {
    const app = await start(STORES)
    await app.tap('#find-stores')
    await app.disagree()

    expect(app.page.consentUIs()).toHaveLength(0)
    expect(resultsOf(app, 'getLocation')).toEqual([['fail']])
    expect(app.page.text()).toContain('getLocation：失败：getLocation:fail privacy permission is not authorized')
    expect(toasts(app)).toEqual([TOAST])
    expect(resultsOf(app, 'showToast')).toEqual([['success']])
  })
})
