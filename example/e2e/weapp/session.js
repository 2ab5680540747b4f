const { createPrivacySimulator } = require('taro-privacy/testing')
const { launchMiniProgram } = require('./miniProgram')

/**
 * Registers the per-test lifecycle and returns `start(entry, simulatorOptions)`, which
 * launches a fresh app on the simulated platform (consent missing unless told otherwise).
 * After each test: the platform saw no broken rule, nothing threw, the app is closed.
 */
function useMiniProgram() {
  let session
  afterEach(() => {
    if (!session) return
    const { sim, mp } = session
    session = undefined
    mp.close()
    expect(sim.violations).toEqual([])
    expect(mp.errors).toEqual([])
  })
  return async function start(entry, options = {}) {
    const sim = createPrivacySimulator({
      platform: 'weapp',
      needAuthorization: true,
      contractName: '《示例隐私保护指引》',
      baseLibrary: '3.0.0',
      ...options,
    })
    const mp = launchMiniProgram({ sim, entry })
    session = { sim, mp }
    await mp.settle()
    return { sim, mp }
  }
}

/** The callbacks each call of `api` received, e.g. `[['success'], ['success']]`. */
function resultsOf(mp, api) {
  return mp.calls.filter((call) => call.api === api).map((call) => call.results)
}

module.exports = { useMiniProgram, resultsOf }
