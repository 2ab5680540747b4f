// Copied into the fresh app (not part of the docs) and run there by its jest, with its own
// `taro-privacy/testing/weapp` and miniprogram-simulate: the README's Vue quick start, compiled
// by `taro build --type weapp`, shows the consent UI where it says it does.
const { launchWeapp } = require('taro-privacy/testing/weapp')

let app
afterEach(() => app?.close())

const results = (api) => app.calls.filter((call) => call.api === api).map((call) => call.results)

test('选择图片: require() opens the consent UI; 同意 releases it and the album opens', async () => {
  app = await launchWeapp({ dist: 'dist' })
  expect(app.page.consentUIs()).toHaveLength(0)

  await app.tap({ text: '选择图片' })
  expect(app.page.consentUIs()).toHaveLength(1)
  expect(results('chooseMedia')).toEqual([])

  await app.agree()
  expect(app.page.consentUIs()).toHaveLength(0)
  expect(app.requests.map((request) => [request.referrer, request.settled])).toEqual([['requirePrivacyAuthorize', 'agree']])
  expect(results('chooseMedia')).toEqual([['success']])
  expect(app.violations).toEqual([])
  expect(app.errors).toEqual([])
})

test('获取位置: the platform intercepts getLocation and the consent UI opens; 同意 lets the call through', async () => {
  app = await launchWeapp({ dist: 'dist' })

  await app.tap({ text: '获取位置' })
  expect(app.page.consentUIs()).toHaveLength(1)
  expect(app.requests.map((request) => request.referrer)).toEqual(['getLocation'])

  await app.agree()
  expect(app.page.consentUIs()).toHaveLength(0)
  expect(results('getLocation')).toEqual([['success']])
  expect(app.calls.filter((call) => call.api === 'showToast').map((call) => call.args[0].title)).toEqual([expect.stringMatching(/^[\d.-]+, [\d.-]+$/)])
  expect(app.violations).toEqual([])
  expect(app.errors).toEqual([])
})
