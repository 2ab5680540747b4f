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

  test('h5: the page loads a stylesheet that holds the modal rules', () => {
    const links = [...read('h5/index.html').matchAll(/<link href="\/(css\/[^"]+\.css)" rel="stylesheet">/g)].map(([, file]) => file)
    const css = links.map((file) => read(`h5/${file}`)).join('\n')
    expect(css).toContain('.tp-modal .tp-panel{')
    expect(css).toContain('env(safe-area-inset-bottom)')
  })
})
