/**
 * @jest-environment node
 */
// Issue 5, part 1: minified + gzipped bytes of what a weapp build keeps of the package.
// How the figures are made (bundle from dist/, TARO_ENV='weapp', NODE_ENV='production',
// react/@tarojs external, terser, gzip -9) is in bench/lib/size.cjs, shared with
// `npm run bench`. Needs dist/ (`npm test` builds it first).
import { measureAll, type SizeFigures, type SizeScenario } from '../../bench/lib/size.cjs'

let results: (SizeScenario & SizeFigures)[]

beforeAll(async () => {
  results = await measureAll()
}, 30000)

const figure = (key: string) => results.find((result) => result.key === key)!
/** Which of `needles` the scenario's minified code contains (short failure output, not the whole bundle). */
const found = (key: string, needles: string[]) => needles.filter((needle) => figure(key).code.includes(needle))

describe('size (min + gzip, weapp build)', () => {
  it('measures real bundles: defines applied, react and @tarojs left external, the entry’s exports kept', () => {
    for (const { key } of results) {
      expect(found(key, ['process.env.TARO_ENV', 'process.env.NODE_ENV', '__SECRET_INTERNALS', 'createElement('])).toEqual([])
    }
    expect(found('a', ['as PrivacyProvider', 'as PrivacyModal', 'as PrivacyAgreeButton', 'as createMiniProgramAdapter'])).toHaveLength(4)
    expect(found('b', ['as PrivacyProvider', 'as usePrivacyGate', 'as usePrivacySelector', 'from"react"'])).toHaveLength(4)
    expect(found('c', ['as createPrivacyStore', 'as PrivacyError', 'react'])).toEqual(['as createPrivacyStore', 'as PrivacyError'])
    // Sizes of a subset never exceed the whole by more than rounding.
    expect(figure('c').minified).toBeLessThan(figure('a').minified)
  })

  // Issue 5 asks for (a) 4096, (b) 2048, (c) 1536 bytes; the store with every invariant of
  // DESIGN.md does not fit them yet (figures and the gap: docs/benchmarks.md). Until it
  // does, these ceilings, a little above today's figures, stop the size from creeping up.
  it.each([
    ['a', 'everything (provider, hooks, button, modal, adapters)', 6000, 4096],
    ['b', 'provider + hooks only (own UI)', 3300, 2048],
    ['c', 'taro-privacy/core', 3250, 1536],
  ])('(%s) %s stays ≤ %d bytes (issue 5 target: %d)', (key, _name, ceiling) => {
    const { gzip, minified } = figure(key)
    // The message says by how much a miss is.
    expect({ scenario: key, gzip, minified, ceiling, within: gzip <= ceiling }).toEqual({
      scenario: key,
      gzip,
      minified,
      ceiling,
      within: true,
    })
  })

  it('drops the other platforms’ adapters when `process.env.TARO_ENV` is "weapp" (provider + hooks)', () => {
    // src/platform/default.ts relies on the literal being replaced so the h5 and
    // unsupported branches die; the H5 adapter's storage key and h5 contract error must go.
    // (The unsupported adapter stays: the provider's `platforms` prop can switch any platform off.)
    expect(found('b', ['taro-privacy:consent', 'contract={{ url }}', 'platform:"h5"'])).toEqual([])
  })

  it('drops development warnings when `process.env.NODE_ENV` is "production"', () => {
    // src/core/dev.ts keeps the literal so the app's bundler can replace it.
    const warnings = ['needed privacy consent while no PrivacyProvider', 'threw; the privacy flow went on without it']
    expect(found('b', warnings)).toEqual([])
    expect(found('c', warnings)).toEqual([])
  })
})
