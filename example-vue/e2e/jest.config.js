const path = require('node:path')

/** The package under test: the repo root's build output (`npm run build` at the root). */
const libraryDist = path.resolve(__dirname, '../../dist')

const shared = {
  rootDir: __dirname,
  moduleNameMapper: {
    '^taro-privacy/testing/weapp$': path.join(libraryDist, 'testing/weapp.cjs'),
  },
  // The package's files live outside the example: they find miniprogram-simulate here, as in an app.
  modulePaths: [path.resolve(__dirname, '../node_modules')],
}

module.exports = {
  testTimeout: 30000,
  projects: [
    {
      ...shared,
      displayName: 'weapp',
      // miniprogram-simulate renders WeChat templates into a DOM.
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/weapp/**/*.test.js'],
    },
    {
      ...shared,
      displayName: 'build',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/build/**/*.test.js'],
    },
    {
      ...shared,
      displayName: 'h5',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/h5/**/*.test.js'],
    },
  ],
}
