const { useMiniProgram, resultsOf } = require('./session')

const AGREEMENT = 'pages/agreement/index'

/** The consent UI's contract link opens the app's own agreement page (`contract.open`), which the portal leaves alone. */
describe('own agreement page', () => {
  const start = useMiniProgram()

  test('the link navigates to the agreement page; the consent UI stays off it and comes back with the page below', async () => {
    const app = await start('pages/clipboard/index')
    await app.tap('#read-clipboard-and-locate')
    expect(app.page.consentUIs()).toHaveLength(1)

    await app.tap('.tp-link')
    expect(app.page.route).toBe(AGREEMENT)
    expect(app.page.text()).toContain('这是应用自己的协议页面')
    expect(app.page.consentUIs()).toHaveLength(0)
    expect(app.sim.contractOpens).toBe(0)

    const back = await app.navigateBack()
    expect(back.route).toBe('pages/clipboard/index')
    expect(back.consentUIs()).toHaveLength(1)
    await back.agree()
    expect(resultsOf(app, 'getClipboardData')).toEqual([['success']])
    expect(resultsOf(app, 'getLocation')).toEqual([['success']])
  })

  test('the home page\'s contract button opens the same page, which can open the platform\'s contract page', async () => {
    const app = await start('pages/index/index')
    await app.tap('#open-contract')
    expect(app.page.route).toBe(AGREEMENT)
    await app.tap('#open-platform-contract')
    expect(app.sim.contractOpens).toBe(1)
  })

  test('the mask catches touch-move, so the page below does not scroll', async () => {
    const app = await start('pages/clipboard/index')
    await app.tap('#read-clipboard-and-locate')
    const [ui] = app.page.consentUIs()
    // Taro compiles a View with catchMove to a view that binds catchtouchmove
    expect(ui.toJSON().event.touchmove).toMatchObject({ isCatch: true })
  })
})
