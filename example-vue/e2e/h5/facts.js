// node e2e/h5/facts.js [dist/h5]: prints what the facts page (src/probe) renders in Chromium (Debian /usr/bin/chromium).
const path = require('node:path')
const { chromium } = require('playwright-core')
const { startStaticServer } = require('../../../example/scripts/static-server')

;(async () => {
  const root = path.resolve(process.argv[2] || 'dist/h5')
  const { server, url } = await startStaticServer({ root })
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu'] })
  const page = await browser.newPage()
  const errors = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => m.type() === 'error' && errors.push('console: ' + m.text()))
  await page.goto(url + '/#/pages/facts/index')
  await page.waitForTimeout(1500)
  const info = await page.evaluate(() => {
    const pick = (sel) => { const el = document.querySelector(sel); return el ? { tag: el.tagName.toLowerCase(), open: el.getAttribute('open-type'), openProp: el.openType, cls: el.className, id: el.id, html: el.outerHTML.slice(0, 400) } : null }
    const pageRoot = document.querySelector('.taro_page')
    return {
      log: document.querySelector('#log')?.textContent,
      A: pick('#agree-camelprop-lowerlistener'), B: pick('#agree-camelprop-camellistener'), C: pick('#agree-kebabprop-lowerlistener'),
      D: pick('#tap-ontap'), E: pick('#tap-onclick'),
      teleported: pick('#teleported'), rendered: pick('#rendered'),
      teleportedParent: document.querySelector('#teleported')?.parentElement?.className,
      renderedGrandParent: document.querySelector('#rendered')?.parentElement?.parentElement?.className,
      pageRoot: pageRoot && { id: pageRoot.id, cls: pageRoot.className, children: Array.from(pageRoot.children).map((c) => c.tagName.toLowerCase() + '.' + c.className) },
      customElements: ['taro-button-core', 'taro-view-core', 'taro-text-core'].map((n) => n + ':' + !!customElements.get(n)),
    }
  })
  console.log(JSON.stringify(info, null, 2))
  for (const id of ['tap-ontap', 'tap-onclick']) {
    await page.click('#' + id).catch((e) => console.log(id, 'click failed', e.message))
    await page.waitForTimeout(200)
  }
  console.log('log after clicks:', await page.evaluate(() => document.querySelector('#log')?.textContent))
  // The agree event does not exist on h5; dispatch it by hand to see which listener names would hear it.
  for (const id of ['agree-camelprop-lowerlistener', 'agree-camelprop-camellistener']) {
    await page.evaluate((id) => document.querySelector('#' + id).dispatchEvent(new CustomEvent('agreeprivacyauthorization', { bubbles: true })), id)
  }
  await page.waitForTimeout(200)
  console.log('log after synthetic agree events:', await page.evaluate(() => document.querySelector('#log')?.textContent))
  // Navigate home and back to see onShow again.
  await page.goto(url + '/#/pages/index/index'); await page.waitForTimeout(800)
  console.log('home:', await page.evaluate(() => document.querySelector('.taro_page')?.textContent))
  console.log('errors', errors)
  await browser.close()
  server.close()
})().catch((e) => { console.error(e); process.exit(1) })
