import { act, render, screen } from '@testing-library/react'
import { StrictMode } from 'react'
import { PrivacyModal, PrivacyProvider, usePrivacyGate, type PrivacyGate, type PrivacyProviderProps } from '../../src'
import { createPrivacySimulator, installSimulator } from '../../src/testing'
import { flush, renderDefaultProvider, restoreTaroEnvAfterEach } from '../utils'

restoreTaroEnvAfterEach()

describe('PrivacyProvider platforms', () => {
  it('on a platform left out, nothing is gated: no listener, status unsupported, require() resolves at once', async () => {
    process.env.TARO_ENV = 'tt'
    const sim = createPrivacySimulator({ latency: 0, platform: 'tt' })
    installSimulator(sim)
    const gate = renderDefaultProvider({ platforms: ['weapp'] })
    await flush()
    expect(gate().status).toBe('unsupported')
    expect(sim.listenerRegistrations).toBe(0)
    await expect(gate().require()).resolves.toBeUndefined()
  })

  it('on a listed platform the flow runs as usual', async () => {
    process.env.TARO_ENV = 'weapp'
    const sim = createPrivacySimulator({ latency: 0 })
    installSimulator(sim)
    const gate = renderDefaultProvider({ platforms: ['weapp'] })
    await flush()
    expect(gate()).toMatchObject({ platform: 'weapp', status: 'required' })
    expect(sim.listenerRegistrations).toBe(1)
  })
})

describe('PrivacyProvider contract.open', () => {
  it('regression: contract.open was honoured only on h5; on a mini-program it now opens the app\'s own page', async () => {
    process.env.TARO_ENV = 'qq'
    const sim = createPrivacySimulator({ latency: 0, platform: 'qq' })
    installSimulator(sim)
    const open = jest.fn()
    renderDefaultProvider({ contract: { open } }, <PrivacyModal />)
    await flush()
    act(() => sim.call('getLocation'))
    await act(async () => screen.getByText('《示例小程序隐私保护指引》').click())
    expect(open).toHaveBeenCalledTimes(1)
    expect(sim.contractOpens).toBe(0)
  })
})

describe('regression: PrivacyProvider froze its options at the first render', () => {
  function Probe({ onGate }: { onGate: (gate: PrivacyGate) => void }) {
    onGate(usePrivacyGate())
    return null
  }

  function renderProvider(props: Omit<PrivacyProviderProps, 'children'>) {
    let gate!: PrivacyGate
    const tree = (next: Omit<PrivacyProviderProps, 'children'>) => (
      <StrictMode>
        <PrivacyProvider {...next}>
          <Probe onGate={(value) => (gate = value)} />
        </PrivacyProvider>
      </StrictMode>
    )
    const { rerender } = render(tree(props))
    return { gate: () => gate, rerender: (next: Omit<PrivacyProviderProps, 'children'>) => rerender(tree(next)) }
  }

  it('openContract() calls the contract.open of the latest render', async () => {
    installSimulator(createPrivacySimulator({ latency: 0 }))
    const first = jest.fn()
    const latest = jest.fn()
    const { gate, rerender } = renderProvider({ contract: { open: first } })
    await flush()
    rerender({ contract: { open: latest } })
    await act(() => gate().openContract())
    expect([first.mock.calls.length, latest.mock.calls.length]).toEqual([0, 1])
  })

  it('cooldownMs and onDecision follow the props', async () => {
    const sim = installSimulator(createPrivacySimulator({ latency: 0 }))
    const onDecision = jest.fn()
    const { gate, rerender } = renderProvider({})
    await flush()
    rerender({ cooldownMs: 60_000, onDecision })
    act(() => sim.call('getLocation'))
    act(() => gate().disagree())
    expect(onDecision).toHaveBeenCalledWith(expect.objectContaining({ event: 'disagree', reason: 'user' }))
    let refused = 0
    act(() => sim.call('getLocation', { fail: () => void refused++ }))
    expect(refused).toBe(1) // inside the cooldown given after mount
    expect(gate().pending).toEqual([])
  })

  it('an option read once (officialPopup) that changes after mount is named in a development warning', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
    installSimulator(createPrivacySimulator({ latency: 0 }))
    const { rerender } = renderProvider({})
    await flush()
    rerender({ officialPopup: true })
    rerender({ officialPopup: true, cooldownMs: 5 })
    const messages = warn.mock.calls.map(([message]) => String(message))
    expect(messages.filter((message) => /officialPopup is read once/.test(message))).toHaveLength(1)
  })
})
