// Part of the Stryker config (stryker.config.mjs), used only by `npm run test:mutation`.
//
// jsdom, as jest.config.js has it, plus a bail for mutant runs: once a test has failed the
// mutant is killed, so the rest of that run's tests are skipped (Stryker overrides jest's
// own `bail`, which would only stop between files anyway). The initial run, which has no
// active mutant, runs everything. The sequencer (jest-sequencer.cjs) clears the flag at the
// start of each run.
const { TestEnvironment } = require('jest-environment-jsdom')

module.exports = class BailingJsdomEnvironment extends TestEnvironment {
  async handleTestEvent(event, state) {
    if (super.handleTestEvent) await super.handleTestEvent(event, state)
    if (process.env.__STRYKER_ACTIVE_MUTANT__ === undefined) return
    if (event.name === 'test_start' && process.taroPrivacyMutantKilled) event.test.mode = 'skip'
    if (event.name === 'test_done' && event.test.errors.length) process.taroPrivacyMutantKilled = true
  }
}
