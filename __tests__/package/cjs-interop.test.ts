// Regression: the CommonJS build passed `require('@tarojs/taro')` to the adapter as is, so an
// `@tarojs/taro` compiled from ESM (`__esModule` + `default`, e.g. a jest double written as
// `export default Taro`) silently turned gating off: status `unsupported`, no listener.
// dist/index.cjs must read the default export of both shapes.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { createPrivacySimulator, type PrivacySimulator } from '../../src/testing'

const built = resolve(__dirname, '../../dist/index.cjs')

const originalEnv = process.env.TARO_ENV
beforeAll(() => {
  if (!existsSync(built)) throw new Error('dist/ is missing: run `npm run build` first (`npm test` does).')
  process.env.TARO_ENV = 'weapp'
  // what @testing-library/react's main entry sets (the isolated copies below use its `pure` entry, which registers no hooks)
  ;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true
})
afterAll(() => {
  process.env.TARO_ENV = originalEnv
})

const shapes: [string, (taro: object) => object][] = [
  ['ESM compiled to CommonJS (__esModule + default)', (taro) => ({ __esModule: true, default: taro })],
  ['plain CommonJS (module.exports = Taro)', (taro) => taro],
]

it.each(shapes)('dist/index.cjs gates privacy calls with an @tarojs/taro that is %s', async (_, shape) => {
  const sim: PrivacySimulator = createPrivacySimulator({ latency: 0 })
  let modules: { react: typeof import('react'); rtl: typeof import('@testing-library/react/pure'); lib: typeof import('../../src') }
  // fresh modules, so the build and its React load with this shape of @tarojs/taro
  jest.resetModules()
  jest.doMock('@tarojs/taro', () => shape(sim.api))
  modules = { react: require('react'), rtl: require('@testing-library/react/pure'), lib: require(built) }
  const { react, rtl, lib } = modules
  const Status = () => {
    const gate = lib.usePrivacyGate()
    // a consent UI on screen (as PrivacyModal declares itself), so no development warning says none is
    const store = lib.usePrivacyStore()
    react.useEffect(() => store.attachUI(), [store])
    return react.createElement('span', null, `${gate.status}:${gate.pending.length}`)
  }
  const view = rtl.render(react.createElement(react.StrictMode, null, react.createElement(lib.PrivacyProvider, null, react.createElement(Status))))
  try {
    await rtl.act(async () => {})
    expect(view.container.textContent).toBe('required:0')
    expect(sim.listenerRegistrations).toBe(1)

    rtl.act(() => sim.call('getLocation'))
    expect(view.container.textContent).toBe('required:1')
  } finally {
    view.unmount()
  }
})
