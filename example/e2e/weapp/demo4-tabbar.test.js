const { useMiniProgram, resultsOf } = require('./session')

const DISCOVER = 'pages/discover/index'
const MINE = 'pages/mine/index'

/** demo4: privacy APIs on two tabBar pages; tab pages stay alive (hidden) while another tab shows. */
describe('demo4: two tabBar pages', () => {
  const start = useMiniProgram()

  async function switchTab(app, route) {
    const page = await app.switchTab(`/${route}`)
    expect(page.route).toBe(route)
    return page
  }

  const allConsentUIs = (app) => app.pages.flatMap((page) => page.consentUIs())

  test('switching tabs with a request pending: the consent UI follows the visible tab, one agree settles both tabs', async () => {
    const app = await start('pages/index/index')
    const discover = await switchTab(app, DISCOVER)
    await discover.tap('#choose-address')
    expect(discover.consentUIs()).toHaveLength(1)

    const mine = await switchTab(app, MINE)
    expect(mine.consentUIs()).toHaveLength(1)
    expect(discover.consentUIs()).toHaveLength(0)

    await mine.tap('#get-werun-data')
    expect(app.sim.pending.map((request) => request.referrer)).toEqual(['chooseAddress', 'getWeRunData'])
    expect(allConsentUIs(app)).toHaveLength(1)

    await mine.agree()

    expect(app.sim.pending).toHaveLength(0)
    expect(app.requests.map((request) => request.events)).toEqual([
      ['exposureAuthorization', 'agree'],
      ['exposureAuthorization', 'agree'],
    ])
    expect(resultsOf(app, 'chooseAddress')).toEqual([['success']])
    expect(resultsOf(app, 'getWeRunData')).toEqual([['success']])
    expect(allConsentUIs(app)).toHaveLength(0)

    await switchTab(app, DISCOVER)
    expect(discover.consentUIs()).toHaveLength(0)
    expect(discover.text()).toContain('chooseAddress：成功')
    expect(mine.text()).toContain('getWeRunData：成功')
  })

  test('switching back and forth: never a stale popup; disagree on another tab fails the call once', async () => {
    const app = await start(DISCOVER)
    const discover = app.page
    await discover.tap('#choose-address')

    const mine = await switchTab(app, MINE)
    const home = await switchTab(app, 'pages/index/index')
    expect(home.consentUIs()).toHaveLength(1)
    expect(mine.consentUIs()).toHaveLength(0)
    expect(discover.consentUIs()).toHaveLength(0)

    await switchTab(app, DISCOVER)
    expect(discover.consentUIs()).toHaveLength(1)
    expect(home.consentUIs()).toHaveLength(0)

    await switchTab(app, MINE)
    await mine.disagree()

    expect(app.requests.map((request) => request.settled)).toEqual(['disagree'])
    expect(resultsOf(app, 'chooseAddress')).toEqual([['fail']])
    expect(allConsentUIs(app)).toHaveLength(0)
    await switchTab(app, DISCOVER)
    expect(discover.text()).toContain('chooseAddress：失败')
    expect(discover.consentUIs()).toHaveLength(0)
  })

  test('one platform listener for the whole app, however many pages load', async () => {
    const app = await start('pages/index/index')
    await switchTab(app, DISCOVER)
    await switchTab(app, MINE)
    await switchTab(app, 'pages/index/index')
    await app.tap('#go-clipboard')
    expect(app.stack.map((page) => page.route)).toEqual(['pages/index/index', 'pages/clipboard/index'])
    expect(app.sim.listenerRegistrations).toBe(1)
  })
})
