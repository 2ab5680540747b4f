const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const { chromium } = require('playwright-core')
const { startStaticServer } = require('../../../example/scripts/static-server')

/** Debian's Chromium (apt-get install chromium); playwright-core never downloads a browser. */
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']

/**
 * Serves the H5 build on 127.0.0.1 and starts Chromium with a fresh profile; its tabs are sized
 * like a phone, with geolocation granted (the demo reads the position).
 */
async function openH5App(root) {
  if (!fs.existsSync(path.join(root, 'index.html'))) throw new Error(`no H5 build in ${root}: run npm run build:h5`)
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium`)
  const { server, url } = await startStaticServer({ root })
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'taro-privacy-vue-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 375, height: 667 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    permissions: ['geolocation'],
    geolocation: { latitude: 39.9087, longitude: 116.3975 },
  })
  const pageErrors = []
  return {
    url,
    pageErrors,
    /** A new tab (fresh history; localStorage is shared by the profile). */
    async newPage() {
      const page = await context.newPage()
      page.setDefaultTimeout(10000)
      page.on('pageerror', (error) => pageErrors.push(error))
      return page
    },
    async close() {
      await context.close()
      await new Promise((resolve) => server.close(resolve))
      fs.rmSync(profile, { recursive: true, force: true })
    },
  }
}

module.exports = { openH5App }
