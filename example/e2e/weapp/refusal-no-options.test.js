const { launchWeapp } = require('taro-privacy/testing/weapp')
const { WEAPP_DIST } = require('./session')

/**
 * issue 17: a new user's refusal path, with `Taro.showToast`, under `launchWeapp` with
 * nothing but `dist`: no `wx`, no simulator options.
 */
test('a bare launchWeapp({ dist }): a new user refuses on the subpackage page and sees the toast', async () => {
  const app = await launchWeapp({ dist: WEAPP_DIST })
  try {
    expect(app.page.route).toBe('pages/index/index')
    await app.tap('#go-stores')
    expect(app.page.route).toBe('subpackages/stores/index')
    expect(app.page.text()).toContain('网络：wifi，屏幕宽度：375')

    await app.tap('#find-stores')
    expect(app.page.consentUIs()).toHaveLength(1)
    await app.disagree()

    const toast = app.calls.find((call) => call.api === 'showToast')
    expect(toast).toMatchObject({ args: [expect.objectContaining({ title: '未同意隐私保护指引，无法查找附近门店', icon: 'none' })], results: ['success'], errMsg: 'showToast:ok' })
    expect(app.calls.filter((call) => call.api === 'getLocation').map((call) => call.errMsg)).toEqual(['getLocation:fail privacy permission is not authorized'])
    expect(app.violations).toEqual([])
    expect(app.errors).toEqual([])
  } finally {
    app.close()
  }
})
