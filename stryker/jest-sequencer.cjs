// Part of the Stryker config (stryker.config.mjs), used only by `npm run test:mutation`.
//
// Stryker's jest runner runs every mutant with `--testNamePattern <its covering tests>` but
// over every test file: jest still sets up an environment and loads each file (React,
// testing-library, ...) only to skip its tests. That is ~40 s a mutant here. This sequencer
// drops the files that hold none of the mutant's covering tests:
// - the initial (dry) run, which has no active mutant, records from Stryker's perTest coverage
//   which test files cover each mutant, in the file STRYKER_TEST_FILES names (the other test
//   runner processes read it from there);
// - a mutant run keeps the files covering the active mutant (all files for a static mutant or
//   one the record does not know). Never fewer files than the covering tests need, so it
//   changes no result, only the time.
const fs = require('node:fs')
const path = require('node:path')
const Sequencer = require('@jest/test-sequencer').default

const ACTIVE_MUTANT = '__STRYKER_ACTIVE_MUTANT__'
const { state } = require(path.join(path.dirname(require.resolve('@stryker-mutator/jest-runner/package.json')), 'dist/src/jest-plugins/messaging.cjs'))

let record
function load() {
  if (record === undefined) {
    try {
      record = JSON.parse(fs.readFileSync(process.env.STRYKER_TEST_FILES, 'utf8'))
    } catch {
      record = null
    }
  }
  return record
}

module.exports = class StrykerSequencer extends Sequencer {
  sort(tests) {
    // A new run: nothing has failed in it yet (jest-env-bail.cjs).
    process.taroPrivacyMutantKilled = false
    // The tests written against survivors (mutants.test.ts) run last: with the bail, a mutant
    // they kill is listed as killed by them only if no older test kills it, which gives the
    // score without them from the same run.
    const last = (test) => (path.basename(test.path) === 'mutants.test.ts' ? 1 : 0)
    const sorted = super.sort(tests).sort((a, b) => last(a) - last(b))
    const mutant = process.env[ACTIVE_MUTANT]
    const known = mutant !== undefined && load()
    if (!known || known.static.includes(mutant) || !known.files[mutant]) return sorted
    const keep = new Set(known.files[mutant])
    return sorted.filter((test) => keep.has(path.basename(test.path)) || !known.all.includes(path.basename(test.path)))
  }

  cacheResults(tests, results) {
    super.cacheResults(tests, results)
    if (process.env[ACTIVE_MUTANT] !== undefined || !process.env.STRYKER_TEST_FILES) return
    const coverage = state.instrumenterContext && state.instrumenterContext.mutantCoverage
    if (!coverage || !coverage.perTest) return
    // Test ids are jest's full names. Files by base name (unique here): each runner has its own sandbox.
    const fileOf = new Map()
    for (const suite of results.testResults) for (const test of suite.testResults) fileOf.set(test.fullName, suite.testFilePath)
    const files = {}
    const unknown = new Set()
    for (const [testId, mutants] of Object.entries(coverage.perTest)) {
      const file = fileOf.get(testId)
      for (const mutant of Object.keys(mutants)) {
        if (file === undefined) unknown.add(mutant)
        else (files[mutant] ??= new Set()).add(file)
      }
    }
    const out = { all: [], static: [...Object.keys(coverage.static || {}), ...unknown], files: {} }
    for (const [mutant, set] of Object.entries(files)) out.files[mutant] = [...set].map((file) => path.basename(file))
    out.all = results.testResults.map((suite) => path.basename(suite.testFilePath))
    fs.writeFileSync(process.env.STRYKER_TEST_FILES, JSON.stringify(out))
    record = out
  }
}
