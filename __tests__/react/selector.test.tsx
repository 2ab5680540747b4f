import { act, render, screen } from '@testing-library/react'
import { Profiler, StrictMode } from 'react'
import { createMiniProgramAdapter, createPrivacyStore, PrivacyProvider, usePrivacySelector, type PrivacyState } from '../../src'
import { createPrivacySimulator } from '../../src/testing'
import { ConsentUIOnScreen, flush, renderWithPrivacy } from '../utils'

function setup(selectors: ((state: PrivacyState) => unknown)[], isEqual?: (a: unknown, b: unknown) => boolean) {
  const sim = createPrivacySimulator({ latency: 0 })
  const store = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api) })
  const commits = selectors.map(() => 0)
  function Reader({ index }: { index: number }) {
    usePrivacySelector(selectors[index], isEqual)
    return null
  }
  render(
    <PrivacyProvider store={store}>
      <ConsentUIOnScreen />
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
    const sim = createPrivacySimulator({ latency: 0 })
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api) })
    const seen: unknown[] = []
    function Reader() {
      seen.push(usePrivacySelector((state) => ({ visible: state.visible }), (a, b) => a.visible === b.visible))
      return null
    }
    render(
      <StrictMode>
        <PrivacyProvider store={store}>
          <ConsentUIOnScreen />
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

  it('a fresh-object selector with the default isEqual does not loop: the slice is cached while the state is unchanged', async () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => {})
    let renders = 0
    function Reader() {
      renders++
      const slice = usePrivacySelector((state) => ({ visible: state.visible }))
      return <span data-testid="visible">{String(slice.visible)}</span>
    }
    const { sim } = await renderWithPrivacy(
      <>
        <ConsentUIOnScreen />
        <Reader />
      </>,
    )
    const rendersAfterMount = renders
    expect(rendersAfterMount).toBeLessThan(10)
    act(() => sim.call('getLocation'))
    expect(screen.getByTestId('visible').textContent).toBe('true')
    expect(renders - rendersAfterMount).toBeLessThan(10)
    expect(error).not.toHaveBeenCalledWith(expect.stringContaining('getSnapshot should be cached'))
    error.mockRestore()
  })

  it('uses a new selector at once, even when the state did not change', async () => {
    function Reader({ field }: { field: 'status' | 'contractName' }) {
      return <span data-testid="slice">{usePrivacySelector((state) => state[field])}</span>
    }
    const { sim, rerender } = await renderWithPrivacy(<Reader field="status" />, { sim: { contractName: '《选择器指引》' } })
    expect(screen.getByTestId('slice').textContent).toBe('required')
    rerender(
      <StrictMode>
        <PrivacyProvider adapter={createMiniProgramAdapter(sim.api)}>
          <Reader field="contractName" />
        </PrivacyProvider>
      </StrictMode>,
    )
    expect(screen.getByTestId('slice').textContent).toBe('《选择器指引》')
  })
})
