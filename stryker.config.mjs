// Mutation testing (issue 15): `npm run test:mutation`. Not run in CI (it takes well over
// a few minutes on 2 cores). Results and the list of equivalent survivors: docs/benchmarks.md,
// "Mutation testing".
//
// Only suites that exercise src/core and src/platform run: by default __tests__/core and
// __tests__/platform (see `suites` below for the others). Always left out:
// - __tests__/package/modal-stylesheet.test.ts, __tests__/reliability/no-process.test.ts: they
//   read src/ui/modal.css and dist/ (the built package), which no mutant of src/ reaches;
//   both also pick `@jest-environment node` in a docblock, which perTest coverage would need
//   replaced by `@stryker-mutator/jest-runner/jest-env/node`.
// - __tests__/reliability/* by default (slow per mutant). Opt in with
//   STRYKER_SUITES=core,platform,reliability; the randomized suites then run 300 sequences
//   (PRIVACY_RUNS) and 100 (PRIVACY_REACT_RUNS, PRIVACY_VUE_RUNS) instead of 10 000, 600 and
//   500, since they run once per covered mutant.
// - __tests__/docs, __tests__/package, __tests__/plugin: documents, the packed tarball, the
//   Taro CLI plugin (node side).
import { resolve } from 'node:path'

process.env.PRIVACY_RUNS ??= '300'
process.env.PRIVACY_REACT_RUNS ??= '100'
process.env.PRIVACY_VUE_RUNS ??= '100'

// Which test files cover which mutant, recorded by the initial run for all test runners
// (stryker/jest-sequencer.cjs).
process.env.STRYKER_TEST_FILES = resolve('.stryker-tmp', 'test-files.json')

// The suites run by default: those written against the core and the adapters. Every mutant of
// the store is covered by nearly every test, and on 2 shared cores loading the React suites
// for each one took the run from about an hour to several: add them with
// STRYKER_SUITES=core,platform,react,testing,budgets (and reliability).
const suites = (process.env.STRYKER_SUITES || 'core,platform').split(',')

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    configFile: 'jest.config.js',
    config: {
      testMatch: suites.map((dir) => `<rootDir>/__tests__/${dir}/**/*.test.ts?(x)`),
      // Stryker wraps this environment (for perTest coverage) and requires it by path.
      testEnvironment: resolve('stryker/jest-env-bail.cjs'),
      testSequencer: '<rootDir>/stryker/jest-sequencer.cjs',
      testPathIgnorePatterns: ['/node_modules/', '/__tests__/package/modal-stylesheet\\.test\\.ts$', '/__tests__/reliability/no-process\\.test\\.ts$'],
    },
    // jest.config.js roots jest at __tests__/ only, so --findRelatedTests would not see src/ and pick
    // almost no test: the testMatch above selects the suites instead.
    enableFindRelatedTests: false,
  },
  disableTypeChecks: 'src/**/*.{ts,tsx}',
  ignorePatterns: ['/example', '/compat', '/bench', '/docs', '/dist', '/.build', '/reports'],
  mutate: ['src/core/**/*.ts', 'src/platform/**/*.ts'],
  coverageAnalysis: 'perTest',
  // 2 shared cores: one jest per core. Fake-timer suites and a loaded machine: generous timeouts.
  concurrency: 2,
  timeoutFactor: 3,
  timeoutMS: 10000,
  ignoreStatic: false,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
}
