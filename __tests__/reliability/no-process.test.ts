/**
 * @jest-environment node
 */
// Bad environment (issue 5, part 6): a native mini-program that uses `taro-privacy/core`
// without a bundler (WeChat devtools' "构建 npm" copies dist/*.cjs as they are) runs it in
// a JS core where `process` does not exist. Loading the core there must not throw, and the
// flow must work. Runs the published build (dist/, `npm test` builds it first) in a VM
// context that has no `process`.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import vm from 'node:vm'
import { createPrivacySimulator } from '../../src/testing'

const DIST = resolve(__dirname, '../../dist')

/** A minimal CommonJS loader inside `context` (relative requires only, as the dist files use). */
function loadInContext(file: string, context: vm.Context, cache = new Map<string, { exports: Record<string, unknown> }>()) {
  const cached = cache.get(file)
  if (cached) return cached.exports
  const module = { exports: {} as Record<string, unknown> }
  cache.set(file, module)
  const wrapper = vm.runInContext(`(function (exports, require, module) {\n${readFileSync(file, 'utf8')}\n})`, context, { filename: file })
  const requireInContext = (id: string) => {
    if (!id.startsWith('.')) throw new Error(`core requires "${id}" (a native mini-program has no such module)`)
    return loadInContext(resolve(dirname(file), id.endsWith('.cjs') ? id : `${id}.cjs`), context, cache)
  }
  wrapper(module.exports, requireInContext, module)
  return module.exports
}

describe('taro-privacy/core in a JS core without `process` (native mini-program, no bundler)', () => {
  const file = resolve(DIST, 'core.cjs')

  it('loads, and a request is intercepted and released by a tap', async () => {
    if (!existsSync(file)) throw new Error('dist/ is missing: run `npm run build` first')
    const context = vm.createContext({ console, setTimeout, clearTimeout })
    expect(vm.runInContext('typeof process', context)).toBe('undefined')

    let core!: typeof import('../../src/core')
    expect(() => {
      core = loadInContext(file, context) as unknown as typeof core
    }).not.toThrow()

    const sim = createPrivacySimulator({ latency: 0 })
    const store = core.createPrivacyStore({ adapter: core.createMiniProgramAdapter(sim.api) })
    store.mount()
    store.attachUI()
    await new Promise((done) => setTimeout(done, 0))
    expect(store.getState().status).toBe('required')

    const outcome = { success: 0, fail: 0 }
    sim.call('getLocation', { success: () => void outcome.success++, fail: () => void outcome.fail++ })
    expect(store.getState().pending).toHaveLength(1)
    sim.tapAgreeButton('agree')
    store.handleAgreeEvent('agree')
    expect(outcome).toEqual({ success: 1, fail: 0 })
    expect(sim.violations).toEqual([])
  })
})
