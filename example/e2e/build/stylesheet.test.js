// The modal's look is a stylesheet the package imports (dist/modal.css): it must reach the
// app-wide stylesheet of every platform's build, sizes untouched by pxtransform.
const fs = require('node:fs')
const path = require('node:path')

const DIST = path.resolve(__dirname, '../../dist')
const read = (file) => fs.readFileSync(path.join(DIST, file), 'utf8')

describe('the modal stylesheet in each build', () => {
  test.each([
    ['weapp', 'app.wxss', 'common.wxss'],
    ['tt', 'app.ttss', 'common.ttss'],
    ['alipay', 'app.acss', 'common.acss'],
  ])('%s: the app stylesheet imports the common one, which holds the modal rules', (platform, app, common) => {
    expect(read(`${platform}/${app}`)).toContain(`@import "./${common}"`)
    const css = read(`${platform}/${common}`)
    expect(css).toContain('.tp-modal .tp-panel{')
    expect(css).toContain('padding:24PX 20PX 32PX')
    expect(css).toContain('env(safe-area-inset-bottom)')
  })

  // Why README "Styling" asks for a rule more specific than the package's: at equal
  // specificity the later one wins, and the package's come after the app's.
  test('weapp: the app stylesheet imports the app’s own styles before the package’s, so the example’s override is one class more specific', () => {
    const app = read('weapp/app.wxss')
    expect(app.indexOf('@import "./app-origin.wxss"')).toBeGreaterThanOrEqual(0)
    expect(app.indexOf('@import "./app-origin.wxss"')).toBeLessThan(app.indexOf('@import "./common.wxss"'))
    expect(read('weapp/app-origin.wxss')).toContain('.tp-modal.tp-mask .tp-link{color:#07c160}')
    expect(read('weapp/common.wxss')).toContain('.tp-modal .tp-link{color:#576b95}')
  })

  test('h5: the page loads a stylesheet that holds the modal rules', () => {
    const links = [...read('h5/index.html').matchAll(/<link href="\/(css\/[^"]+\.css)" rel="stylesheet">/g)].map(([, file]) => file)
    const css = links.map((file) => read(`h5/${file}`)).join('\n')
    expect(css).toContain('.tp-modal .tp-panel{')
    expect(css).toContain('env(safe-area-inset-bottom)')
  })
})
