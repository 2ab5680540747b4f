import { act, render, renderHook, screen } from '@testing-library/react'
import { StrictMode, useEffect } from 'react'
import { createMiniProgramAdapter, createPrivacyStore, PrivacyModal, PrivacyProvider, usePrivacyGate, usePrivacySelector } from '../../src'
import { createPrivacySimulator } from '../../src/testing'
import { callApi, ConsentUIOnScreen, flush, renderWithPrivacy, tapAgree } from '../utils'

describe('PrivacyProvider', () => {
  it('registers one platform listener across providers, remounts and StrictMode', async () => {
    const sim = createPrivacySimulator({ latency: 0 })
    const adapter = createMiniProgramAdapter(sim.api)
    const tree = (key: number) => (
      <StrictMode>
        <PrivacyProvider key={key} adapter={adapter}>
          <PrivacyProvider adapter={createMiniProgramAdapter(sim.api)}>
            <PrivacyModal />
          </PrivacyProvider>
        </PrivacyProvider>
      </StrictMode>
    )
    const { rerender, unmount } = render(tree(1))
    rerender(tree(2))
    unmount()
    render(tree(3))
    await flush()
    expect(sim.listenerRegistrations).toBe(1)
  })

  it('settles pending requests as disagree when it unmounts', async () => {
    const { sim, unmount } = await renderWithPrivacy(<PrivacyModal />)
    const outcome = callApi(sim, 'getLocation')
    expect(screen.getByText('同意')).toBeTruthy()
    unmount()
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)))
    expect(outcome).toMatchObject({ success: 0, fail: 1 })
    expect(sim.pending).toEqual([])
  })

  it('keeps its store, and the pending requests, when it re-renders', async () => {
    const { sim, rerender } = await renderWithPrivacy(<PrivacyModal />)
    const outcome = callApi(sim, 'getLocation')
    rerender(
      <StrictMode>
        <PrivacyProvider adapter={createMiniProgramAdapter(sim.api)}>
          <PrivacyModal agreeText="好的" />
        </PrivacyProvider>
      </StrictMode>,
    )
    await flush()
    expect(outcome).toMatchObject({ success: 0, fail: 0 })
    tapAgree(sim, screen.getByText('好的'))
    expect(outcome).toMatchObject({ success: 1, fail: 0 })
    expect(sim.violations).toEqual([])
  })

  it('passes cooldownMs to its store: a request inside the cooldown after a disagree is refused without the UI', async () => {
    jest.useFakeTimers()
    try {
      const { sim } = await renderWithPrivacy(<PrivacyModal />, { cooldownMs: 10_000 })
      callApi(sim, 'getLocation')
      act(() => screen.getByText('拒绝').click())
      const refused = callApi(sim, 'getLocation')
      expect(refused).toMatchObject({ success: 0, fail: 1 })
      expect(screen.queryByText('同意')).toBeNull()
      act(() => jest.advanceTimersByTime(10_000))
      callApi(sim, 'getLocation')
      expect(screen.getByText('同意')).toBeTruthy()
    } finally {
      jest.useRealTimers()
    }
  })

  it('passes openOnRequired to its store', async () => {
    await renderWithPrivacy(<PrivacyModal />, { openOnRequired: true })
    expect(screen.getByText('同意')).toBeTruthy()
  })

  it('routes requests to the most recently mounted provider (two providers at once)', async () => {
    const sim = createPrivacySimulator({ latency: 0 })
    const adapter = createMiniProgramAdapter(sim.api)
    const Pending = ({ name }: { name: string }) => (
      <span data-testid={name}>{usePrivacySelector((state) => state.pending.length)}</span>
    )
    const { rerender } = render(
      <StrictMode>
        <PrivacyProvider adapter={adapter}>
          <Pending name="outer" />
        </PrivacyProvider>
      </StrictMode>,
    )
    rerender(
      <StrictMode>
        <PrivacyProvider adapter={adapter}>
          <Pending name="outer" />
          <PrivacyProvider adapter={adapter}>
            <Pending name="inner" />
            <ConsentUIOnScreen />
          </PrivacyProvider>
        </PrivacyProvider>
      </StrictMode>,
    )
    await flush()
    callApi(sim, 'getLocation')
    expect([screen.getByTestId('outer').textContent, screen.getByTestId('inner').textContent]).toEqual(['0', '1'])
  })

  it('uses a store passed in and never destroys it', async () => {
    const sim = createPrivacySimulator({ latency: 0 })
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api) })
    const { unmount } = render(
      <StrictMode>
        <PrivacyProvider store={store}>
          <PrivacyModal />
        </PrivacyProvider>
      </StrictMode>,
    )
    await flush()
    unmount()
    store.mount()
    store.attachUI()
    callApi(sim, 'getLocation')
    expect(store.getState().pending).toHaveLength(1)
  })

  it('calls the latest onRequest and onDecision', async () => {
    const sim = createPrivacySimulator({ latency: 0 })
    const adapter = createMiniProgramAdapter(sim.api)
    const stale = jest.fn()
    const onRequest = jest.fn()
    const onDecision = jest.fn()
    const { rerender } = render(<PrivacyProvider adapter={adapter} onRequest={stale} onDecision={stale} />)
    rerender(
      <PrivacyProvider adapter={adapter} onRequest={onRequest} onDecision={onDecision}>
        <PrivacyModal />
      </PrivacyProvider>,
    )
    await flush()
    callApi(sim, 'getLocation')
    act(() => screen.getByText('拒绝').click())
    expect(stale).not.toHaveBeenCalled()
    expect(onRequest).toHaveBeenCalledWith(expect.objectContaining({ referrer: 'getLocation' }))
    expect(onDecision).toHaveBeenCalledWith(
      expect.objectContaining({ event: 'disagree', requests: [expect.objectContaining({ referrer: 'getLocation' })] }),
    )
  })

  it('a privacy call in a page first effect, which runs before the provider effect, reaches the provider (regression)', async () => {
    const sim = createPrivacySimulator({ latency: 0 })
    const outcome = { success: 0, fail: 0 }
    function Page() {
      useEffect(() => sim.call('getLocation', { success: () => void outcome.success++, fail: () => void outcome.fail++ }), [])
      return null
    }
    render(
      <StrictMode>
        <PrivacyProvider adapter={createMiniProgramAdapter(sim.api)}>
          <Page />
          <PrivacyModal />
        </PrivacyProvider>
      </StrictMode>,
    )
    await flush()
    expect(screen.getByText('同意')).toBeTruthy()
    tapAgree(sim, screen.getByText('同意'))
    expect(outcome).toEqual({ success: 2, fail: 0 })
  })

  it('warns that its options are ignored when a store is passed in', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
    const sim = createPrivacySimulator({ latency: 0 })
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api) })
    render(<PrivacyProvider store={store} cooldownMs={5000} onDecision={() => {}} />)
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('with a `store` prop, cooldownMs, onDecision are ignored'))
    warn.mockRestore()
  })

  it('usePrivacyGate outside a provider throws an error naming PrivacyProvider', () => {
    jest.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => renderHook(() => usePrivacyGate())).toThrow('`usePrivacyGate` must be used within `PrivacyProvider`.')
    expect(() => render(<PrivacyModal />)).toThrow(/must be used within `PrivacyProvider`/)
    jest.mocked(console.error).mockRestore()
  })
})
