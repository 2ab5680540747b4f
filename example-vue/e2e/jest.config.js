const path = require('node:path')

/** The package under test: the repo root's build output (`npm run build` at the root). */
const libraryDist = path.resolve(__dirname, '../../dist')

module.exports = {
  rootDir: __dirname,
  testTimeout: 30000,
  moduleNameMapper: {
    '^taro-privacy/testing$': path.join(libraryDist, 'testing.cjs'),
    '^taro-privacy/testing/weapp$': path.join(libraryDist, 'testing/weapp.cjs'),
  },
  // The package's files live outside the example: they find miniprogram-simulate here, as in an app.
  modulePaths: [path.resolve(__dirname, '../node_modules')],
  // miniprogram-simulate renders WeChat templates into a DOM.
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/weapp/**/*.test.js'],
}
