const fs = require('node:fs')
const path = require('node:path')
const { openH5App } = require('./browser')

const H5_DIST = path.resolve(__dirname, '../../dist/h5')
const SCREENSHOT = path.resolve(__dirname, '../../../docs/consent-h5.png')
const CONSENT_KEY = 'taro-privacy:consent'
/** The example's contract version (src/lib/contract.ts), and a newer one given through `?contractVersion=`. */
const VERSION_A = '2025-01'
const VERSION_B = '2025-02'

/**
 * The H5 build in Chromium. H5 has no platform interception: the feature asks first
 * (`gate.require()`), the consent is kept in localStorage.
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

  /**
   * Waits until Taro's H5 router finished its page transition: exactly one page is not
   * shaded and it is stationed. (Going back before the router's hide timer fired leaves
   * the page below shaded — a Taro router race that users of a fast tap can hit too.)
   */
  const settled = () =>
    page.waitForFunction(() => {
      const open = [...document.querySelectorAll('.taro_page')].filter((el) => !el.classList.contains('taro_page_shade'))
      const running = document.getAnimations().some((animation) => animation.playState === 'running')
      return open.length === 1 && open[0].classList.contains('taro_page_stationed') && !running
    })

  /** Opens the app with no consent stored. */
  async function openFresh() {
    await page.goto(app.url)
    await page.evaluate(() => window.localStorage.clear())
    await page.reload()
    await page.getByText('状态：需要用户同意（required）').waitFor()
    await settled()
  }

  async function openDemo2() {
    await page.getByText('多个隐私接口同时调用（demo2）').click()
    await page.getByText('读取剪贴板并定位').waitFor()
    await settled()
  }

  test('click a feature → consent UI → agree → the feature runs; after a reload no consent UI', async () => {
    await openFresh()
    await openDemo2()

    await page.getByText('读取剪贴板并定位').click()
    await consentUIs().waitFor()
    expect(await consentUIs().count()).toBe(1)
    await expect(consentUIs().innerText()).resolves.toContain('《示例小程序隐私保护指引》')
    // The app's override (src/app.css, one class more specific, as README "Styling" says) wins over the package's #576b95.
    await expect(consentUIs().locator('.tp-link').evaluate((link) => getComputedStyle(link).color)).resolves.toBe('rgb(7, 193, 96)')
    expect(await page.getByText('getClipboardData：').count()).toBe(0)

    await settled()
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true })
    await page.screenshot({ path: SCREENSHOT })

    await consentUIs().locator('.tp-agree').click()
    await page.getByText('getClipboardData：成功').waitFor()
    await page.getByText('getLocation：成功').waitFor()
    expect(await consentUIs().count()).toBe(0)
    // The contract version the user agreed to, whatever the storage format.
    expect(await storedConsent()).toContain(`"version":"${VERSION_A}"`)

    await page.reload()
    await page.getByText('读取剪贴板并定位').click()
    await page.getByText('getClipboardData：成功').waitFor()
    await page.getByText('getLocation：成功').waitFor()
    expect(await consentUIs().count()).toBe(0)

    await page.goto(app.url)
    await page.getByText('状态：已同意（agreed）').waitFor()
  })

  test('a new contract version asks again: consent to version A does not cover version B', async () => {
    await openFresh()
    await openDemo2()
    await page.getByText('读取剪贴板并定位').click()
    await consentUIs().locator('.tp-agree').click()
    await page.getByText('getClipboardData：成功').waitFor()
    expect(await storedConsent()).toContain(`"version":"${VERSION_A}"`)

    // The same app, now with version B of the contract (the example reads ?contractVersion=).
    await page.goto(`${app.url}?contractVersion=${VERSION_B}`)
    await page.getByText('状态：需要用户同意（required）').waitFor()
    await settled()
    await openDemo2()
    await page.getByText('读取剪贴板并定位').click()
    await consentUIs().waitFor()
    expect(await consentUIs().count()).toBe(1)
    expect(await page.getByText('getClipboardData：').count()).toBe(0)
    expect(await storedConsent()).toContain(`"version":"${VERSION_A}"`)

    await consentUIs().locator('.tp-agree').click()
    await page.getByText('getClipboardData：成功').waitFor()
    await page.getByText('getLocation：成功').waitFor()
    expect(await storedConsent()).toContain(`"version":"${VERSION_B}"`)

    // Consent to B holds for B across a reload.
    await page.reload()
    await page.getByText('读取剪贴板并定位').click()
    await page.getByText('getClipboardData：成功').waitFor()
    expect(await consentUIs().count()).toBe(0)
  })

  test('disagree: the feature fails with PrivacyError(DENIED) from gate.require(), nothing is stored, the next click asks again', async () => {
    await openFresh()
    await openDemo2()

    await page.getByText('读取剪贴板并定位').click()
    await consentUIs().locator('.tp-disagree').click()
    // The page shows the code of the PrivacyError the rejected gate.require() threw.
    await page.getByText('getClipboardData：失败：PrivacyError(DENIED)：require:fail privacy permission is not authorized', { exact: true }).waitFor()
    await page.getByText('getLocation：失败：PrivacyError(DENIED)：require:fail privacy permission is not authorized', { exact: true }).waitFor()
    expect(await consentUIs().count()).toBe(0)
    expect(await storedConsent()).toBeNull()

    await page.getByText('读取剪贴板并定位').click()
    await consentUIs().waitFor()
    expect(await consentUIs().count()).toBe(1)
  })

  test('a page with its own <PrivacyModal/> shows exactly one consent UI, its own', async () => {
    await openFresh()
    await openDemo2()
    await page.getByText('去相册页').click()
    await page.getByText('选择图片', { exact: true }).waitFor()
    await settled()

    await page.getByText('选择图片', { exact: true }).click()
    await consentUIs().waitFor()
    expect(await consentUIs().count()).toBe(1)
    await expect(consentUIs().innerText()).resolves.toContain('使用相册前，请阅读隐私保护指引')

    await consentUIs().getByText('暂不使用').click()
    await page.getByText('chooseMedia：失败：PrivacyError(DENIED)：require:fail privacy permission is not authorized', { exact: true }).waitFor()
    expect(await consentUIs().count()).toBe(0)
  })

  /** The subpackage page (app.json subPackages, root subpackages/stores): on H5 it is one more route. */
  const findStores = () => page.locator('#find-stores')
  async function openStores() {
    await page.getByText('分包页面：附近门店').click()
    await page.waitForURL(/#\/subpackages\/stores\/index/)
    await findStores().waitFor()
    await settled()
  }

  test('subpackage page: the portal shows the consent UI there; a refusal ends in the toast, agreeing runs the call', async () => {
    await openFresh()
    await openStores()

    await findStores().click()
    await consentUIs().waitFor()
    expect(await consentUIs().count()).toBe(1)

    await consentUIs().locator('.tp-disagree').click()
    await page.getByText('getLocation：失败：PrivacyError(DENIED)：require:fail privacy permission is not authorized', { exact: true }).waitFor()
    await page.getByText('未同意隐私保护指引，无法查找附近门店', { exact: true }).waitFor()
    expect(await consentUIs().count()).toBe(0)

    await findStores().click()
    await consentUIs().locator('.tp-agree').click()
    await page.getByText('getLocation：成功').waitFor()
    expect(await consentUIs().count()).toBe(0)
  })

  test('subpackage page: the consent UI follows browser back into it and out of it', async () => {
    await openFresh()
    await openStores()
    await page.getByText('去剪贴板与定位页').click()
    await page.waitForURL(/#\/pages\/clipboard\/index/)
    await page.getByText('读取剪贴板并定位').waitFor()
    await settled()
    await page.getByText('读取剪贴板并定位').click()
    await consentUIs().waitFor()

    // back into the subpackage page: the consent UI is on it
    await page.goBack()
    await page.waitForURL(/#\/subpackages\/stores\/index/)
    await settled()
    expect(await consentUIs().count()).toBe(1)
    expect(await page.locator('.taro_page:not(.taro_page_shade) .tp-mask:visible').count()).toBe(1)

    // and out of it, to the home page
    await page.goBack()
    await page.waitForURL(/#\/pages\/index\/index/)
    await page.getByText('状态：需要用户同意（required）').waitFor()
    await settled()
    expect(await consentUIs().count()).toBe(1)
    await consentUIs().locator('.tp-agree').click()
    await page.getByText('状态：已同意（agreed）').waitFor()
    expect(await consentUIs().count()).toBe(0)
  })

  test('browser back with the consent UI open: the UI follows to the page now on top', async () => {
    await openFresh()
    await openDemo2()
    await page.getByText('读取剪贴板并定位').click()
    await consentUIs().waitFor()

    await page.goBack()
    await page.waitForURL(/#\/pages\/index\/index/)
    await page.getByText('状态：需要用户同意（required）').waitFor()
    await settled()
    expect(await consentUIs().count()).toBe(1)

    await consentUIs().locator('.tp-agree').click()
    await page.getByText('状态：已同意（agreed）').waitFor()
    expect(await consentUIs().count()).toBe(0)
  })
})
