const { launchWeapp } = require('taro-privacy/testing/weapp')
const { closeAfterEach } = require('./lifecycle')
const { WEAPP_DIST } = require('./session')

const SHARE = 'independent/share/index'

/** An independent subpackage (`independent: true`): Taro builds it with its own runtime; WeChat opens it without the main package. */
describe('independent subpackage page', () => {
  const start = closeAfterEach((page) => launchWeapp({ dist: WEAPP_DIST, page }))

  test('opened first, it renders without app.js: no App() yet, getApp() is undefined', async () => {
    const app = await start(`${SHARE}?from=timeline`)
    expect(app.page.route).toBe(SHARE)
    expect(app.page.text()).toContain('分享落地页（独立分包），来源：timeline')
    expect(globalThis.getApp()).toBeUndefined()
    expect(app.sim.listenerRegistrations).toBe(0)
  })

  test('from it into the main package: app.js runs then, and the privacy flow works there', async () => {
    const app = await start(SHARE)
    await app.tap('#share-go-home')
    expect(app.stack.map((page) => page.route)).toEqual(['pages/index/index'])
    expect(globalThis.getApp()).toBeDefined()
    expect(app.sim.listenerRegistrations).toBe(1)
    await app.tap('#open-consent')
    await app.agree()
    expect(app.page.text()).toContain('状态：已同意（agreed）')
  })

  test('from the main package into it', async () => {
    const app = await start()
    const share = await app.navigateTo(`/${SHARE}`)
    expect(share.text()).toContain('分享落地页（独立分包），来源：直接打开')
    await app.navigateBack()
    expect(app.page.route).toBe('pages/index/index')
  })
})
