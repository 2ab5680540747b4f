// Issue 8: what taro-privacy adds to a user's real Taro build (bench/size/build.cjs: the
// packed tarball under node_modules of a minimal Taro 4.1.11 app, React or Vue 3,
// NODE_ENV=production taro build --type weapp), against the same app without privacy
// code. Needs `npm run build`, `npm ci --prefix example` and `npm ci --prefix
// example-vue`; seven builds, two to four minutes.
const fs = require('node:fs')
const path = require('node:path')
const { baselinesOf, buildAll, filesOf } = require('./build.cjs')

/**
 * Ceilings on Δ (bytes; every compiled .js, gzip -9 each, summed). Issue 8's targets are
 * full ≤ 3500 gzip and ≤ 10000 raw, own UI ≤ 2500, core alone ≤ 1800; until they are
 * met, the best figures reached (docs/benchmarks.md says what stands in the way) plus
 * 20 B gzip / 50 B raw: webpack's module ids hash the package's chunk file names, which
 * move a few bytes between otherwise equal builds.
 */
const CEILINGS = {
  full: { gzip: 4965, raw: 15780, target: { gzip: 3500, raw: 10000 } },
  'own-ui': { gzip: 2969, raw: 10415, target: { gzip: 2500 } },
  core: { gzip: 3061, raw: 8430, target: { gzip: 1800 } },
  // taro-privacy/vue, against the Vue app without privacy code (no targets of their own yet).
  'vue-full': { gzip: 7263, raw: 22396 },
  'vue-own-ui': { gzip: 7493, raw: 21000 },
}

let built
beforeAll(() => {
  built = buildAll([...baselinesOf(Object.keys(CEILINGS)), ...Object.keys(CEILINGS)])
})
afterAll(() => {
  if (built && !process.env.SIZE_KEEP) for (const dir of Object.values(built.dirs)) fs.rmSync(dir, { recursive: true, force: true })
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

  test.each(['full', 'vue-full'])('%s: the package is compiled by Taro’s babel (installed under node_modules) and ships no other platform’s adapter and no development text', (key) => {
    const code = compiledJs(key)
    expect(code).toContain('exposureAuthorization')
    const dropped = ['taro-privacy:consent', 'localStorage', 'no consent UI is mounted', 'went on without it', 'It will not be called', 'errno 112', 'unknown openType', 'listener must be a function; got']
    expect(dropped.filter((text) => code.includes(text))).toEqual([])
  })

  test.each(['full', 'vue-full'])('%s: the modal’s stylesheet reaches the build with the full setup', (key) => {
    const wxss = filesOf(variant(key).out, '.wxss').map((file) => fs.readFileSync(file, 'utf8')).join('\n')
    expect(wxss).toContain('.tp-modal .tp-panel')
    expect(wxss).toContain('env(safe-area-inset-bottom)')
    expect(path.basename(variant(key).out)).toBe(key)
  })

  test('the Vue builds load no React and the React builds no Vue', () => {
    // React's production build names its error decoder's URL; Vue's runtime marks reactive objects (`__v_skip`, `__v_isRef`).
    const frameworks = (key) => ({ key, react: /reactjs\.org\/docs\/error-decoder|react\.dev\/errors/.test(compiledJs(key)), vue: /__v_skip|__v_isRef/.test(compiledJs(key)) })
    expect(['vue-none', 'vue-full', 'full'].map(frameworks)).toEqual([
      { key: 'vue-none', react: false, vue: true },
      { key: 'vue-full', react: false, vue: true },
      { key: 'full', react: true, vue: false },
    ])
  })

  test('an own-UI Vue app leaves the portal out (its components are marked pure: Taro’s terser drops them unused)', () => {
    const portal = 'name:"PrivacyModalPortal"'
    expect([compiledJs('vue-full').includes(portal), compiledJs('vue-own-ui').includes(portal)]).toEqual([true, false])
  })
})
