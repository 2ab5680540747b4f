const path = require('node:path')
const { launchWeapp } = require('taro-privacy/testing/weapp')
const { closeAfterEach } = require('./lifecycle')

/** The compiled WeChat output of the example (`npm run build:weapp`). */
const WEAPP_DIST = path.resolve(__dirname, '../../dist/weapp')

/**
 * Returns `start(page, simulatorOptions)`, which launches a fresh example app on the
 * simulated platform (consent missing unless told otherwise), closed and checked after
 * each test (`closeAfterEach`).
 */
function useMiniProgram() {
  return closeAfterEach((page, simulator = {}) =>
    launchWeapp({
      dist: WEAPP_DIST,
      page,
      simulator: { platform: 'weapp', needAuthorization: true, contractName: '《示例隐私保护指引》', baseLibrary: '3.0.0', ...simulator },
    }),
  )
}

/** The callbacks each call of `api` received, e.g. `[['success'], ['success']]`. */
function resultsOf(app, api) {
  return app.calls.filter((call) => call.api === api).map((call) => call.results)
}

module.exports = { useMiniProgram, resultsOf, WEAPP_DIST }
