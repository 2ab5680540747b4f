const { useMiniProgram, resultsOf } = require('./session')
const { agree, consentUIs, disagree, tap, text } = require('./ui')

const DISCOVER = 'pages/discover/index'
const MINE = 'pages/mine/index'

/** demo4: privacy APIs on two tabBar pages; tab pages stay alive (hidden) while another tab shows. */
describe('demo4: two tabBar pages', () => {
  const start = useMiniProgram()

  async function switchTab(mp, route) {
    mp.wx.switchTab({ url: `/${route}` })
    await mp.settle()
    expect(mp.top.route).toBe(route)
    return mp.top
  }

  test('switching tabs with a request pending: the consent UI follows the visible tab, one agree settles both tabs', async () => {
    const { sim, mp } = await start('pages/index/index')
    const discover = await switchTab(mp, DISCOVER)
    tap(discover, '#choose-address')
    await mp.settle()
    expect(consentUIs(discover)).toHaveLength(1)

    const mine = await switchTab(mp, MINE)
    expect(consentUIs(mine)).toHaveLength(1)
    expect(consentUIs(discover)).toHaveLength(0)

    tap(mine, '#get-werun-data')
    await mp.settle()
    expect(sim.pending.map((request) => request.referrer)).toEqual(['chooseAddress', 'getWeRunData'])
    expect(mp.pages.flatMap(consentUIs)).toHaveLength(1)

    agree(sim, mine)
    await mp.settle()

    expect(sim.pending).toHaveLength(0)
    expect(sim.requests.map((request) => request.events)).toEqual([
      ['exposureAuthorization', 'agree'],
      ['exposureAuthorization', 'agree'],
    ])
    expect(resultsOf(mp, 'chooseAddress')).toEqual([['success']])
    expect(resultsOf(mp, 'getWeRunData')).toEqual([['success']])
    expect(mp.pages.flatMap(consentUIs)).toHaveLength(0)

    await switchTab(mp, DISCOVER)
    expect(consentUIs(discover)).toHaveLength(0)
    expect(text(discover)).toContain('chooseAddress：成功')
    expect(text(mine)).toContain('getWeRunData：成功')
  })

  test('switching back and forth: never a stale popup; disagree on another tab fails the call once', async () => {
    const { sim, mp } = await start(DISCOVER)
    const discover = mp.top
    tap(discover, '#choose-address')
    await mp.settle()

    const mine = await switchTab(mp, MINE)
    const home = await switchTab(mp, 'pages/index/index')
    expect(consentUIs(home)).toHaveLength(1)
    expect(consentUIs(mine)).toHaveLength(0)
    expect(consentUIs(discover)).toHaveLength(0)

    await switchTab(mp, DISCOVER)
    expect(consentUIs(discover)).toHaveLength(1)
    expect(consentUIs(home)).toHaveLength(0)

    await switchTab(mp, MINE)
    disagree(mine)
    await mp.settle()

    expect(sim.requests.map((request) => request.settled)).toEqual(['disagree'])
    expect(resultsOf(mp, 'chooseAddress')).toEqual([['fail']])
    expect(mp.pages.flatMap(consentUIs)).toHaveLength(0)
    await switchTab(mp, DISCOVER)
    expect(text(discover)).toContain('chooseAddress：失败')
    expect(consentUIs(discover)).toHaveLength(0)
  })

  test('one platform listener for the whole app, however many pages load', async () => {
    const { sim, mp } = await start('pages/index/index')
    await switchTab(mp, DISCOVER)
    await switchTab(mp, MINE)
    await switchTab(mp, 'pages/index/index')
    tap(mp.top, '#go-clipboard')
    await mp.settle()
    expect(mp.stack.map((page) => page.route)).toEqual(['pages/index/index', 'pages/clipboard/index'])
    expect(sim.listenerRegistrations).toBe(1)
  })
})
