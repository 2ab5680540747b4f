const fs = require('node:fs')
const http = require('node:http')
const os = require('node:os')
const path = require('node:path')
const { chromium } = require('playwright-core')

/** Debian's Chromium (apt-get install chromium); playwright-core never downloads a browser. */
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }

/** Serves `root` on 127.0.0.1 (unknown paths get index.html). */
function serve(root) {
  const server = http.createServer((request, response) => {
    const file = path.join(root, path.normalize(decodeURIComponent(request.url.split('?')[0])))
    const found = file.startsWith(root) && fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.join(root, 'index.html')
    response.writeHead(200, { 'content-type': `${TYPES[path.extname(found)] ?? 'application/octet-stream'}; charset=utf-8` })
    fs.createReadStream(found).pipe(response)
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}

/** The H5 build in `root`, served, and a Chromium with a fresh profile sized like a phone. */
async function openH5App(root) {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium`)
  const server = await serve(root)
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'taro-privacy-compat-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 375, height: 667 },
    locale: 'zh-CN',
    permissions: ['geolocation'],
    geolocation: { latitude: 39.9087, longitude: 116.3975 },
  })
  const pageErrors = []
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    pageErrors,
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
