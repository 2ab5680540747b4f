const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const { launchWeapp } = require('taro-privacy/testing/weapp')
const { WEAPP_DIST } = require('./session')

/** taro-privacy/testing/weapp, misused: each mistake names what was wrong and what to do. */
describe('launchWeapp: clear errors', () => {
  let app
  afterEach(() => app?.close())

  test('a dist folder with no compiled app', async () => {
    await expect(launchWeapp({ dist: path.join(WEAPP_DIST, 'pages') })).rejects.toThrow(
      /no compiled weapp app in .*pages \(app\.js and app\.json expected\)\. Build it first \(`taro build --type weapp`\)/,
    )
  })

  test('no dist at all', async () => {
    await expect(launchWeapp({})).rejects.toThrow("launchWeapp({ dist }): dist must be the folder of the compiled weapp app, e.g. 'dist'.")
  })

  test('a page that is not in app.json (the list names the subpackage pages too)', async () => {
    await expect(launchWeapp({ dist: WEAPP_DIST, page: 'pages/nowhere/index' })).rejects.toThrow('no page "pages/nowhere/index" in app.json (pages: pages/index/index,')
    await expect(launchWeapp({ dist: WEAPP_DIST, page: 'subpackages/nowhere/index' })).rejects.toThrow(/, pages\/agreement\/index, subpackages\/stores\/index, independent\/share\/index\)$/)
    expect(globalThis.wx).toBeUndefined()
  })

  test('navigateTo a page the app does not have fails, as in WeChat', async () => {
    app = await launchWeapp({ dist: WEAPP_DIST })
    await expect(app.navigateTo('/subpackages/stores/missing')).rejects.toThrow('navigateTo:fail page "subpackages/stores/missing" is not found')
    expect(app.stack.map((page) => page.route)).toEqual(['pages/index/index'])
  })

  describe('dist holds another platform\'s build', () => {
    let dir
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taro-privacy-dist-'))
    })
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))
    const write = (file, text = '') => {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
      fs.writeFileSync(path.join(dir, file), text)
    }

    test('an H5 build (Taro\'s default dist is shared): says so, and suggests one folder per platform', async () => {
      write('index.html', '<!DOCTYPE html>')
      write('js/app.0c1d2e3f.js')
      await expect(launchWeapp({ dist: dir })).rejects.toThrow(
        /holds an H5 build \(index\.html, js\/app\.0c1d2e3f\.js\), not a weapp build\..*outputRoot: `dist\/\$\{process\.env\.TARO_ENV\}`/,
      )
    })

    test.each([
      ['base.ttml', 'a Douyin (tt) build (base.ttml)'],
      ['base.axml', 'an Alipay (alipay) build (base.axml)'],
    ])('%s next to app.js and app.json: %s', async (template, named) => {
      write('app.js')
      write('app.json', '{"pages":["pages/index/index"]}')
      write(template)
      await expect(launchWeapp({ dist: dir })).rejects.toThrow(`holds ${named}, not a weapp build`)
    })
  })

  test('a selector that matches nothing', async () => {
    app = await launchWeapp({ dist: WEAPP_DIST })
    await expect(app.tap('#no-such-button')).rejects.toThrow('nothing matches "#no-such-button" on pages/index/index. The page shows: ')
  })

  test('an element found by its text, and text that is nowhere', async () => {
    app = await launchWeapp({ dist: WEAPP_DIST })
    await app.tap({ text: '阅读并同意隐私协议' })
    expect(app.page.consentUIs()).toHaveLength(1)
    await expect(app.tap({ text: '不存在的按钮' })).rejects.toThrow('nothing matches the text "不存在的按钮" on pages/index/index.')
  })

  test('agree or disagree with no consent UI visible', async () => {
    app = await launchWeapp({ dist: WEAPP_DIST })
    await expect(app.agree()).rejects.toThrow('no consent UI visible on pages/index/index (nothing matches ".tp-mask"): has the app made a privacy call, or called open()?')
    await expect(app.disagree()).rejects.toThrow('no consent UI visible on pages/index/index')
    expect(app.requests).toHaveLength(0)
  })

  test('“agreeing” with a button that is not an agree button', async () => {
    app = await launchWeapp({ dist: WEAPP_DIST })
    await expect(app.agree({ button: '#open-consent' })).rejects.toThrow('"#open-consent" on pages/index/index is not an agree button')
    expect(app.sim.needAuthorization).toBe(true)
  })

  test('a routing call the base library refuses', async () => {
    app = await launchWeapp({ dist: WEAPP_DIST })
    await expect(app.navigateTo('/pages/discover/index')).rejects.toThrow('navigateTo:fail can not navigateTo a tabbar page')
    expect(app.errors).toHaveLength(1)
  })

  test('navigateBack on the first page fails, as in WeChat', async () => {
    app = await launchWeapp({ dist: WEAPP_DIST })
    await expect(app.navigateBack()).rejects.toThrow('navigateBack:fail cannot navigate back at first page.')
    expect(app.page.route).toBe('pages/index/index')
  })

  test('launching again closes the previous app', async () => {
    const first = await launchWeapp({ dist: WEAPP_DIST })
    app = await launchWeapp({ dist: WEAPP_DIST, page: 'pages/clipboard/index' })
    expect(first.stack).toHaveLength(0)
    expect(app.page.route).toBe('pages/clipboard/index')
    expect(document.querySelectorAll('page-container')).toHaveLength(1)
  })
})
