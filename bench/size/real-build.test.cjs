// Issue 8: what taro-privacy adds to a user's real Taro build (bench/size/build.cjs: the
// packed tarball under node_modules of a minimal Taro 4.1.11 app, NODE_ENV=production
// taro build --type weapp), against the same app without privacy code. Needs
// `npm run build` and `npm ci --prefix example`; about a minute.
const fs = require('node:fs')
const path = require('node:path')
const { buildAll, filesOf } = require('./build.cjs')

/**
 * Ceilings on Δ (bytes; every compiled .js, gzip -9 each, summed). Issue 8's targets are
 * full ≤ 3500 gzip and ≤ 10000 raw, own UI ≤ 2500, core alone ≤ 1800; until they are
 * met, the best figures reached (docs/benchmarks.md says what stands in the way) plus
 * 20 B gzip / 50 B raw: webpack's module ids hash the package's chunk file names, which
 * move a few bytes between otherwise equal builds.
 */
const CEILINGS = {
  full: { gzip: 4815, raw: 15305, target: { gzip: 3500, raw: 10000 } },
  'own-ui': { gzip: 2953, raw: 10334, target: { gzip: 2500 } },
  core: { gzip: 3061, raw: 8430, target: { gzip: 1800 } },
}

let built
beforeAll(() => {
  built = buildAll(['none', ...Object.keys(CEILINGS)])
})
afterAll(() => {
  if (built && !process.env.SIZE_KEEP) fs.rmSync(built.dir, { recursive: true, force: true })
})

const variant = (key) => built.results.find((result) => result.key === key)
const compiledJs = (key) => filesOf(variant(key).out, '.js').map((file) => fs.readFileSync(file, 'utf8')).join('\n')

describe('size in a real Taro build (weapp, production)', () => {
  test.each(Object.keys(CEILINGS))('%s stays under its ceiling', (key) => {
    const { delta } = variant(key)
    const { target, ...ceiling } = CEILINGS[key]
    // A miss names every figure (jest's diff would hide the unchanged ones).
    const summary = `${key}: Δ ${delta.gzip} B gzip / ${delta.raw} B raw; ceiling ${ceiling.gzip} / ${ceiling.raw}; target ${JSON.stringify(target)}`
    expect({ summary, within: delta.gzip <= ceiling.gzip && delta.raw <= ceiling.raw }).toEqual({ summary, within: true })
  })

  test('the package is compiled by Taro’s babel (installed under node_modules) and ships no other platform’s adapter and no development text', () => {
    const code = compiledJs('full')
    expect(code).toContain('exposureAuthorization')
    const dropped = ['taro-privacy:consent', 'localStorage', 'no consent UI is mounted', 'went on without it', 'It will not be called', 'errno 112', 'unknown openType', 'listener must be a function; got']
    expect(dropped.filter((text) => code.includes(text))).toEqual([])
  })

  test('the modal’s stylesheet reaches the build with the full setup', () => {
    const wxss = filesOf(variant('full').out, '.wxss').map((file) => fs.readFileSync(file, 'utf8')).join('\n')
    expect(wxss).toContain('.tp-modal .tp-panel')
    expect(wxss).toContain('env(safe-area-inset-bottom)')
    expect(path.basename(variant('full').out)).toBe('full')
  })
})
