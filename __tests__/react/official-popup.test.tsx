import { act, screen } from '@testing-library/react'
import { PrivacyModal } from '../../src'
import { createPrivacySimulator, installSimulator } from '../../src/testing'
import { flush, renderDefaultProvider, restoreTaroEnvAfterEach } from '../utils'

// A file of its own: the @tarojs/taro double hands the app's one platform listener to every
// simulator installed later, so a listener registered by another test would be counted here.
restoreTaroEnvAfterEach()

describe('PrivacyProvider officialPopup', () => {
  it('leaves interceptions to the official popup and keeps the state for require()', async () => {
    process.env.TARO_ENV = 'weapp'
    const sim = createPrivacySimulator({ latency: 0, officialPopup: 'agree' })
    installSimulator(sim)
    const gate = renderDefaultProvider({ officialPopup: true }, <PrivacyModal />)
    await flush()
    expect(sim.listenerRegistrations).toBe(0)
    act(() => sim.call('getLocation')) // intercepted by the platform: its official popup answers
    await flush()
    expect(sim.officialPopups).toBe(1)
    expect(gate().pending).toEqual([])
    sim.revokeConsent()
    await act(() => gate().require())
    await flush()
    expect(sim.officialPopups).toBe(2)
    expect(gate()).toMatchObject({ status: 'agreed', visible: false })
    expect(screen.queryByText('同意')).toBeNull()
  })
})
