// The example's Chromium launcher and static server (Debian's Chromium, 127.0.0.1 only),
// shared so both suites start the browser the same way.
module.exports = require('../../../example/e2e/h5/browser')
