/** The README's Vue quick start in a fresh app (`npm run test:readme` in example-vue; needs `npm run build` at the root). */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/readme.test.js'],
}
