const { useMiniProgram, resultsOf } = require('./session')
const { agree, consentUIs, disagree, tap, text } = require('./ui')

/** demo2: several privacy APIs at once, and privacy APIs on more than one page. */
describe('demo2: getClipboardData + getLocation from one tap', () => {
  const start = useMiniProgram()

  test('both calls wait for one consent UI; one agree runs both once', async () => {
    const { sim, mp } = await start('pages/clipboard/index')
    const page = mp.top
    expect(consentUIs(page)).toHaveLength(0)

    tap(page, '#read-clipboard-and-locate')
    await mp.settle()

    expect(sim.pending.map((request) => request.referrer)).toEqual(['getClipboardData', 'getLocation'])
    expect(consentUIs(page)).toHaveLength(1)
    expect(text(page)).toContain('《示例隐私保护指引》')
    expect(sim.requests.map((request) => request.events)).toEqual([['exposureAuthorization'], ['exposureAuthorization']])
    expect(resultsOf(mp, 'getClipboardData')).toEqual([[]])

    agree(sim, page)
    await mp.settle()

    expect(sim.pending).toHaveLength(0)
    expect(sim.requests.map((request) => request.events)).toEqual([
      ['exposureAuthorization', 'agree'],
      ['exposureAuthorization', 'agree'],
    ])
    expect(resultsOf(mp, 'getClipboardData')).toEqual([['success']])
    expect(resultsOf(mp, 'getLocation')).toEqual([['success']])
    expect(text(page)).toContain('getClipboardData：成功')
    expect(text(page)).toContain('getLocation：成功')
    expect(consentUIs(page)).toHaveLength(0)

    // Consent is recorded: the next tap is not intercepted.
    tap(page, '#read-clipboard-and-locate')
    await mp.settle()
    expect(sim.requests).toHaveLength(2)
    expect(consentUIs(page)).toHaveLength(0)
    expect(resultsOf(mp, 'getLocation')).toEqual([['success'], ['success']])
  })

  test('disagree fails both calls once and closes the consent UI', async () => {
    const { sim, mp } = await start('pages/clipboard/index')
    const page = mp.top
    tap(page, '#read-clipboard-and-locate')
    await mp.settle()

    disagree(page)
    await mp.settle()

    expect(sim.pending).toHaveLength(0)
    expect(sim.requests.map((request) => request.settled)).toEqual(['disagree', 'disagree'])
    expect(resultsOf(mp, 'getClipboardData')).toEqual([['fail']])
    expect(resultsOf(mp, 'getLocation')).toEqual([['fail']])
    expect(text(page)).toMatch(/getClipboardData：失败：getClipboardData:fail privacy permission is not authorized/)
    expect(consentUIs(page)).toHaveLength(0)
  })
})

describe('demo2: the consent UI shows on whichever page is on top', () => {
  const start = useMiniProgram()

  async function openAlbum(mp) {
    tap(mp.top, '#go-album')
    await mp.settle()
    expect(mp.top.route).toBe('pages/album/index')
    return mp.top
  }

  test('second page (renders its own <PrivacyModal/>): exactly one consent UI, on that page', async () => {
    const { sim, mp } = await start('pages/clipboard/index')
    const below = mp.top
    const album = await openAlbum(mp)

    tap(album, '#choose-media')
    await mp.settle()

    expect(sim.pending.map((request) => request.referrer)).toEqual(['chooseMedia'])
    expect(consentUIs(album)).toHaveLength(1)
    expect(text(album)).toContain('使用相册前，请阅读隐私保护指引')
    expect(consentUIs(below)).toHaveLength(0)

    expect(agree(sim, album)).toBe('album-agree')
    await mp.settle()

    expect(resultsOf(mp, 'chooseMedia')).toEqual([['success']])
    expect(text(album)).toContain('chooseMedia：成功')
    expect(mp.pages.flatMap(consentUIs)).toHaveLength(0)
  })

  test('navigating back with a request pending: the consent UI moves to the page below, agree still runs the call once', async () => {
    const { sim, mp } = await start('pages/clipboard/index')
    const below = mp.top
    const album = await openAlbum(mp)
    tap(album, '#choose-media')
    await mp.settle()
    expect(consentUIs(album)).toHaveLength(1)

    mp.wx.navigateBack()
    await mp.settle()

    expect(mp.top).toBe(below)
    expect(sim.pending.map((request) => request.referrer)).toEqual(['chooseMedia'])
    expect(consentUIs(below)).toHaveLength(1)

    agree(sim, below)
    await mp.settle()

    expect(sim.pending).toHaveLength(0)
    expect(sim.requests.map((request) => request.events)).toEqual([['exposureAuthorization', 'agree']])
    expect(resultsOf(mp, 'chooseMedia')).toEqual([['success']])
    expect(consentUIs(below)).toHaveLength(0)
  })

  test('navigating back then disagreeing fails the pending call once', async () => {
    const { sim, mp } = await start('pages/clipboard/index')
    const below = mp.top
    const album = await openAlbum(mp)
    tap(album, '#choose-media')
    await mp.settle()

    mp.wx.navigateBack()
    await mp.settle()
    disagree(below)
    await mp.settle()

    expect(sim.requests.map((request) => request.settled)).toEqual(['disagree'])
    expect(resultsOf(mp, 'chooseMedia')).toEqual([['fail']])
    expect(consentUIs(below)).toHaveLength(0)
  })
})
