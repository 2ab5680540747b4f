/**
 * Registers the per-test lifecycle of compiled apps and returns `start(...args)`, which
 * launches one with `launch(...args)`. After each test the app is closed and must have
 * seen no broken platform rule and no failed routing call. Shared with compat/e2e/weapp.
 */
function closeAfterEach(launch) {
  let app
  afterEach(() => {
    if (!app) return
    const finished = app
    app = undefined
    finished.close()
    expect(finished.violations).toEqual([])
    expect(finished.errors).toEqual([])
  })
  return async (...args) => (app = await launch(...args))
}

module.exports = { closeAfterEach }
