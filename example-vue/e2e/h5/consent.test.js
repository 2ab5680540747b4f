const path = require('node:path')
// The React example's Chromium harness (Debian's Chromium, the static server on 127.0.0.1).
const { openH5App } = require('../../../example/e2e/h5/browser')

const H5_DIST = path.resolve(__dirname, '../../dist/h5')
const CONSENT_KEY = 'taro-privacy:consent'

/**
 * The H5 build in Chromium. H5 has no platform interception: the pages ask first
 * (`gate.require()`), and the consent is kept in localStorage for the contract's version.
 */
describe('H5 in Chromium', () => {
  let app
  let page
  beforeAll(async () => {
    app = await openH5App(H5_DIST)
  })
  afterAll(async () => {
    await app?.close()
  })
  beforeEach(async () => {
    page = await app.newPage()
  })
  afterEach(async () => {
    await page.close()
    expect(app.pageErrors).toEqual([])
  })

  const consentUIs = () => page.locator('.tp-mask:visible')
  const storedConsent = () => page.evaluate((key) => window.localStorage.getItem(key), CONSENT_KEY)

  /** Waits until Taro's H5 router finished its page transition: one page unshaded, stationed, no animation running. */
  const settled = () =>
    page.waitForFunction(() => {
      const open = [...document.querySelectorAll('.taro_page')].filter((el) => !el.classList.contains('taro_page_shade'))
      const running = document.getAnimations().some((animation) => animation.playState === 'running')
      return open.length === 1 && open[0].classList.contains('taro_page_stationed') && !running
    })

  /** Opens `route` with no consent stored. */
  async function openFresh(route) {
    await page.goto(app.url)
    await page.evaluate(() => window.localStorage.clear())
    await page.goto(`${app.url}/#/${route}`)
    await page.reload()
    await settled()
  }

  test('demo1: the home page checks, shows the contract name and its own consent UI; agreeing is remembered across a reload', async () => {
    await openFresh('pages/index/index')
    await page.getByText('状态：需要用户同意（required）').waitFor()
    await page.getByText('隐私协议：《示例隐私保护指引》').waitFor()
    await consentUIs().waitFor()
    expect(await consentUIs().count()).toBe(1)
    await expect(consentUIs().innerText()).resolves.toContain('使用前请阅读《示例隐私保护指引》，同意后即可使用全部功能。')

    await consentUIs().locator('.tp-agree').click()

    await page.getByText('感谢你的同意').waitFor()
    await page.getByText('状态：已同意（agreed）').waitFor()
    expect(await consentUIs().count()).toBe(0)
    expect(await storedConsent()).toContain('"version":"2025-01"')

    await page.reload()
    await page.getByText('状态：已同意（agreed）').waitFor()
    expect(await consentUIs().count()).toBe(0)
  })

  test('demo2: one click, both calls wait on require(), one consent UI; agree runs both; after a reload no consent UI', async () => {
    await openFresh('pages/clipboard/index')

    await page.getByText('读取剪贴板并定位').click()
    await consentUIs().waitFor()
    expect(await consentUIs().count()).toBe(1)
    await expect(consentUIs().innerText()).resolves.toContain('《示例隐私保护指引》')
    expect(await page.getByText('getClipboardData：').count()).toBe(0)
    expect(await page.getByText('getLocation：').count()).toBe(0)

    await consentUIs().locator('.tp-agree').click()

    await page.getByText('getClipboardData：成功').waitFor()
    await page.getByText('getLocation：成功').waitFor()
    expect(await consentUIs().count()).toBe(0)
    expect(await storedConsent()).toContain('"version":"2025-01"')

    await page.reload()
    await settled()
    await page.getByText('读取剪贴板并定位').click()
    await page.getByText('getClipboardData：成功').waitFor()
    await page.getByText('getLocation：成功').waitFor()
    expect(await consentUIs().count()).toBe(0)
  })

  test('demo2: disagree rejects both require()s with PrivacyError(DENIED), nothing is stored, the next click asks again', async () => {
    await openFresh('pages/clipboard/index')

    await page.getByText('读取剪贴板并定位').click()
    await consentUIs().locator('.tp-disagree').click()

    const denied = 'PrivacyError(DENIED)：require:fail privacy permission is not authorized'
    await page.getByText(`getClipboardData：失败：${denied}`, { exact: true }).waitFor()
    await page.getByText(`getLocation：失败：${denied}`, { exact: true }).waitFor()
    expect(await consentUIs().count()).toBe(0)
    expect(await storedConsent()).toBeNull()

    await page.getByText('读取剪贴板并定位').click()
    await consentUIs().waitFor()
    expect(await consentUIs().count()).toBe(1)
  })
})
