/** The compat suites; `node ../run.mjs` builds what they read (COMPAT_VERSIONS picks matrix entries). */
module.exports = {
  rootDir: __dirname,
  testTimeout: 30000,
  projects: [
    // miniprogram-simulate renders WeChat templates into a DOM.
    { rootDir: __dirname, displayName: 'weapp', testEnvironment: 'jsdom', testMatch: ['<rootDir>/weapp/**/*.test.js'] },
    { rootDir: __dirname, displayName: 'build', testEnvironment: 'node', testMatch: ['<rootDir>/build/**/*.test.js'] },
    // The example's launcher (example/e2e/h5/browser.js) finds playwright-core in the harness's
    // node_modules too, so the compat suite runs without example/'s install.
    {
      rootDir: __dirname,
      displayName: 'h5',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/h5/**/*.test.js'],
      modulePaths: ['<rootDir>/../node_modules'],
    },
  ],
}
