const { useMiniProgram, resultsOf } = require('./session')

/** demo2: several privacy APIs at once, and privacy APIs on more than one page. */
describe('demo2: getClipboardData + getLocation from one tap', () => {
  const start = useMiniProgram()

  test('both calls wait for one consent UI; one agree runs both once', async () => {
    const app = await start('pages/clipboard/index')
    const page = app.page
    expect(page.consentUIs()).toHaveLength(0)

    await page.tap('#read-clipboard-and-locate')

    expect(app.sim.pending.map((request) => request.referrer)).toEqual(['getClipboardData', 'getLocation'])
    expect(page.consentUIs()).toHaveLength(1)
    expect(page.text()).toContain('《示例隐私保护指引》')
    expect(app.requests.map((request) => request.events)).toEqual([['exposureAuthorization'], ['exposureAuthorization']])
    expect(resultsOf(app, 'getClipboardData')).toEqual([[]])

    await page.agree()

    expect(app.sim.pending).toHaveLength(0)
    expect(app.requests.map((request) => request.events)).toEqual([
      ['exposureAuthorization', 'agree'],
      ['exposureAuthorization', 'agree'],
    ])
    expect(resultsOf(app, 'getClipboardData')).toEqual([['success']])
    expect(resultsOf(app, 'getLocation')).toEqual([['success']])
    expect(page.text()).toContain('getClipboardData：成功')
    expect(page.text()).toContain('getLocation：成功')
    expect(page.consentUIs()).toHaveLength(0)

    // Consent is recorded: the next tap is not intercepted.
    await page.tap('#read-clipboard-and-locate')
    expect(app.requests).toHaveLength(2)
    expect(page.consentUIs()).toHaveLength(0)
    expect(resultsOf(app, 'getLocation')).toEqual([['success'], ['success']])
  })

  test('disagree fails both calls once and closes the consent UI', async () => {
    const app = await start('pages/clipboard/index')
    const page = app.page
    await page.tap('#read-clipboard-and-locate')

    await page.disagree()

    expect(app.sim.pending).toHaveLength(0)
    expect(app.requests.map((request) => request.settled)).toEqual(['disagree', 'disagree'])
    expect(resultsOf(app, 'getClipboardData')).toEqual([['fail']])
    expect(resultsOf(app, 'getLocation')).toEqual([['fail']])
    expect(page.text()).toMatch(/getClipboardData：失败：getClipboardData:fail privacy permission is not authorized/)
    expect(page.consentUIs()).toHaveLength(0)
  })
})

describe('demo2: the consent UI shows on whichever page is on top', () => {
  const start = useMiniProgram()

  async function openAlbum(app) {
    await app.tap('#go-album')
    expect(app.page.route).toBe('pages/album/index')
    return app.page
  }

  test('second page (renders its own <PrivacyModal/>): exactly one consent UI, on that page', async () => {
    const app = await start('pages/clipboard/index')
    const below = app.page
    const album = await openAlbum(app)

    await album.tap('#choose-media')

    expect(app.sim.pending.map((request) => request.referrer)).toEqual(['chooseMedia'])
    expect(album.consentUIs()).toHaveLength(1)
    expect(album.text()).toContain('使用相册前，请阅读隐私保护指引')
    expect(below.consentUIs()).toHaveLength(0)

    expect(await album.agree()).toBe('album-agree')

    expect(resultsOf(app, 'chooseMedia')).toEqual([['success']])
    expect(album.text()).toContain('chooseMedia：成功')
    expect(app.pages.flatMap((page) => page.consentUIs())).toHaveLength(0)
  })

  test('navigating back with a request pending: the consent UI moves to the page below, agree still runs the call once', async () => {
    const app = await start('pages/clipboard/index')
    const below = app.page
    const album = await openAlbum(app)
    await album.tap('#choose-media')
    expect(album.consentUIs()).toHaveLength(1)

    await app.navigateBack()

    expect(app.page).toBe(below)
    expect(app.sim.pending.map((request) => request.referrer)).toEqual(['chooseMedia'])
    expect(below.consentUIs()).toHaveLength(1)

    await below.agree()

    expect(app.sim.pending).toHaveLength(0)
    expect(app.requests.map((request) => request.events)).toEqual([['exposureAuthorization', 'agree']])
    expect(resultsOf(app, 'chooseMedia')).toEqual([['success']])
    expect(below.consentUIs()).toHaveLength(0)
  })

  test('navigating back then disagreeing fails the pending call once', async () => {
    const app = await start('pages/clipboard/index')
    const below = app.page
    const album = await openAlbum(app)
    await album.tap('#choose-media')

    await app.navigateBack()
    await below.disagree()

    expect(app.requests.map((request) => request.settled)).toEqual(['disagree'])
    expect(resultsOf(app, 'chooseMedia')).toEqual([['fail']])
    expect(below.consentUIs()).toHaveLength(0)
  })
})
