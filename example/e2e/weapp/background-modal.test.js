const { useMiniProgram, resultsOf } = require('./session')

const ALBUM = 'pages/album/index'
const AGREEMENT = 'pages/agreement/index'

/**
 * Issue 15: the album page renders its own `<PrivacyModal/>`; the agreement page is
 * excluded from the portal. A page in the stack under the page on top is not on screen.
 */
describe('a page-level PrivacyModal on a page in the background', () => {
  const start = useMiniProgram()

  test('an interception while a page with no consent UI is on top is not reported as shown; it is once the album page shows again', async () => {
    const app = await start(ALBUM)
    const album = app.page
    const agreement = await app.navigateTo(`/${AGREEMENT}`)
    expect(agreement.route).toBe(AGREEMENT)

    let outcome
    app.wx.getLocation({ success: () => (outcome = 'success'), fail: () => (outcome = 'fail') }) // as the app calls it: recorded in app.calls
    await app.settle()
    expect(agreement.consentUIs()).toHaveLength(0)
    expect(app.requests.map((request) => request.events)).toEqual([[]])

    await app.navigateBack()
    expect(app.page).toBe(album)
    expect(album.consentUIs()).toHaveLength(1)
    expect(app.requests.map((request) => request.events)).toEqual([['exposureAuthorization']])

    await album.agree()
    expect(app.requests.map((request) => request.events)).toEqual([['exposureAuthorization', 'agree']])
    expect(outcome).toBe('success')
    expect(resultsOf(app, 'getLocation')).toEqual([['success']])
  })
})
