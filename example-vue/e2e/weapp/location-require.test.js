const { useMiniProgram, resultsOf } = require('./session')

/** gate.require() before the call: consent through requirePrivacyAuthorize, then the call runs unintercepted. */
describe('location page: gate.require() first', () => {
  const start = useMiniProgram()

  test('agree: require() resolves, then chooseLocation runs once and the page shows its result', async () => {
    const app = await start('pages/location/index')
    await app.tap('#choose-location')

    expect(app.sim.pending.map((request) => request.referrer)).toEqual(['requirePrivacyAuthorize'])
    expect(app.page.consentUIs()).toHaveLength(1)
    expect(resultsOf(app, 'chooseLocation')).toEqual([])

    await app.agree()

    expect(app.requests.map((request) => request.events)).toEqual([['exposureAuthorization', 'agree']])
    expect(resultsOf(app, 'chooseLocation')).toEqual([['success']])
    expect(app.page.find('#outcome-chooseLocation').dom.textContent).toBe('chooseLocation：成功')
    expect(app.page.find('#place').dom.textContent).toBe('天安门（北京市东城区）')
  })

  test('disagree: require() rejects with PrivacyError(DENIED), chooseLocation is never called', async () => {
    const app = await start('pages/location/index')
    await app.tap('#choose-location')

    await app.disagree()

    expect(app.requests.map((request) => request.settled)).toEqual(['disagree'])
    expect(resultsOf(app, 'chooseLocation')).toEqual([])
    expect(app.page.find('#outcome-chooseLocation').dom.textContent).toMatch(/^chooseLocation：失败：PrivacyError\(DENIED\)/)
    expect(app.page.consentUIs()).toHaveLength(0)
  })
})
