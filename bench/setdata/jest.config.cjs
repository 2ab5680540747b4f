// Runs the setData benchmark (issue 5, part 3) with the package's miniprogram-simulate
// harness (taro-privacy/testing/weapp from dist/): jsdom, like the e2e tests.
const path = require('node:path')

module.exports = {
  rootDir: __dirname,
  testMatch: ['<rootDir>/*.bench.js'],
  testEnvironment: 'jsdom',
  testTimeout: 120000,
  // The harness resolves miniprogram-simulate from example/node_modules.
  modulePaths: [path.resolve(__dirname, '../../example/node_modules')],
}
