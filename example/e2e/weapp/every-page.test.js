const fs = require('node:fs')
const path = require('node:path')
const { launchWeapp } = require('taro-privacy/testing/weapp')
const { closeAfterEach } = require('./lifecycle')
const { WEAPP_DIST } = require('./session')

const appJson = JSON.parse(fs.readFileSync(path.join(WEAPP_DIST, 'app.json'), 'utf8'))
/** Every page app.json lists: the main package's, then each subpackage's (`root/page`). */
const ROUTES = [...appJson.pages, ...(appJson.subPackages ?? []).flatMap((sub) => sub.pages.map((page) => `${sub.root}/${page}`))]
const TABS = new Set(appJson.tabBar.list.map((item) => item.pagePath))

/** The kit runs the whole example, subpackage included, with nothing written by hand: no `wx`, no simulator options. */
describe('every page of app.json under a bare launchWeapp', () => {
  const start = closeAfterEach((page) => launchWeapp({ dist: WEAPP_DIST, page }))

  test('app.json lists 11 pages, two of them in subpackages (one independent)', () => {
    expect(ROUTES).toHaveLength(11)
    expect(ROUTES.filter((route) => !appJson.pages.includes(route))).toEqual(['subpackages/stores/index', 'independent/share/index'])
  })

  test.each(ROUTES)('%s opens as the first page and renders', async (route) => {
    const app = await start(route)
    expect(app.page.route).toBe(route)
    expect(app.page.text().trim().length).toBeGreaterThan(10)
  })

  test('one app reaches every page from the home page, and comes back', async () => {
    const app = await start()
    const opened = []
    for (const route of ROUTES.slice(1)) {
      if (TABS.has(route)) {
        await app.switchTab(`/${route}`)
        opened.push(app.page.route)
        await app.switchTab(`/${ROUTES[0]}`)
      } else {
        await app.navigateTo(`/${route}`)
        opened.push(app.page.route)
        expect(app.page.text().trim().length).toBeGreaterThan(10)
        await app.navigateBack()
      }
      expect(app.stack.map((page) => page.route)).toEqual([ROUTES[0]])
    }
    expect(opened).toEqual(ROUTES.slice(1))
  })
})
