// The size check of the end-to-end suite (npm run test:e2e → npm run test:size): builds
// the bench app's variants through `taro build` and holds their Δ under ceilings.
module.exports = {
  rootDir: __dirname,
  testMatch: ['<rootDir>/*.test.cjs'],
  testEnvironment: 'node',
  testTimeout: 300000,
}
