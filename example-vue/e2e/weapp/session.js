const path = require('node:path')
const { launchWeapp } = require('taro-privacy/testing/weapp')

/** The compiled WeChat output of the example (`npm run build:weapp`). */
const WEAPP_DIST = path.resolve(__dirname, '../../dist/weapp')

/**
 * Returns `start(page, simulatorOptions)`, which launches a fresh example app on the simulated
 * platform (consent missing unless told otherwise). After each test the app is closed and must
 * have seen no broken platform rule and no failed routing call or unhandled rejection.
 */
function useMiniProgram() {
  let app
  afterEach(() => {
    if (!app) return
    const finished = app
    app = undefined
    finished.close()
    expect(finished.violations).toEqual([])
    expect(finished.errors).toEqual([])
  })
  return async (page, simulator = {}) =>
    (app = await launchWeapp({
      dist: WEAPP_DIST,
      page,
      simulator: { platform: 'weapp', needAuthorization: true, contractName: '《示例隐私保护指引》', baseLibrary: '3.0.0', ...simulator },
    }))
}

/** The callbacks each call of `api` received, e.g. `[['success'], ['success']]`. */
function resultsOf(app, api) {
  return app.calls.filter((call) => call.api === api).map((call) => call.results)
}

module.exports = { useMiniProgram, resultsOf, WEAPP_DIST }
