import { act, render } from '@testing-library/react'
import { Profiler, StrictMode } from 'react'
import { createMiniProgramAdapter, createPrivacyStore, PrivacyProvider, usePrivacySelector, type PrivacyState } from '../../src'
import { createPrivacySimulator } from '../../src/testing'
import { flush } from '../utils'

function setup(selectors: ((state: PrivacyState) => unknown)[], isEqual?: (a: unknown, b: unknown) => boolean) {
  const sim = createPrivacySimulator()
  const store = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api) })
  const commits = selectors.map(() => 0)
  function Reader({ index }: { index: number }) {
    usePrivacySelector(selectors[index], isEqual)
    return null
  }
  render(
    <PrivacyProvider store={store}>
      {selectors.map((_, index) => (
        <Profiler key={index} id={String(index)} onRender={() => commits[index]++}>
          <Reader index={index} />
        </Profiler>
      ))}
    </PrivacyProvider>,
  )
  return { sim, store, commits }
}

describe('usePrivacySelector', () => {
  it('re-renders only the components whose slice changed', async () => {
    const { sim, commits } = setup([(s) => s.visible, (s) => s.contractName, (s) => s.pending.length])
    await flush()
    const afterCheck = [...commits]
    act(() => sim.call('getLocation'))
    expect(commits.map((count, index) => count - afterCheck[index])).toEqual([1, 0, 1])
  })

  it('keeps the previous slice when isEqual says it is the same', async () => {
    const { sim, commits } = setup([(s) => ({ busy: s.pending.length > 0 })], (a, b) => JSON.stringify(a) === JSON.stringify(b))
    await flush()
    const before = commits[0]
    act(() => sim.call('getLocation'))
    expect(commits[0]).toBe(before + 1)
    act(() => sim.call('chooseMedia'))
    expect(commits[0]).toBe(before + 1)
  })

  it('returns a stable slice for a fresh-object selector in StrictMode (no render loop), and skips unrelated changes', async () => {
    const sim = createPrivacySimulator()
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api) })
    const seen: unknown[] = []
    function Reader() {
      seen.push(usePrivacySelector((state) => ({ visible: state.visible }), (a, b) => a.visible === b.visible))
      return null
    }
    render(
      <StrictMode>
        <PrivacyProvider store={store}>
          <Reader />
        </PrivacyProvider>
      </StrictMode>,
    )
    await flush()
    const rendersAfterMount = seen.length
    sim.setCheck('fail')
    await act(() => store.refresh())
    expect(store.getState().status).toBe('error')
    expect(seen.length).toBe(rendersAfterMount)
    act(() => sim.call('getLocation'))
    expect(seen.length).toBeGreaterThan(rendersAfterMount)
    expect(seen[seen.length - 1]).toEqual({ visible: true })
  })
})
