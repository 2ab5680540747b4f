import { act, render, screen } from '@testing-library/react'
import { StrictMode } from 'react'
import { PrivacyModal, PrivacyProvider, usePrivacyGate } from '../../src'
import { createPrivacySimulator, installSimulator } from '../../src/testing'
import { flush } from '../utils'

// A file of its own: the @tarojs/taro double hands the app's one platform listener to every
// simulator installed later, so a listener registered by another test would be counted here.
const originalEnv = process.env.TARO_ENV
afterEach(() => {
  process.env.TARO_ENV = originalEnv
})

describe('PrivacyProvider officialPopup', () => {
  it('leaves interceptions to the official popup and keeps the state for require()', async () => {
    process.env.TARO_ENV = 'weapp'
    const sim = createPrivacySimulator({ latency: 0, officialPopup: 'agree' })
    installSimulator(sim)
    let gate!: ReturnType<typeof usePrivacyGate>
    function Grab() {
      gate = usePrivacyGate()
      return null
    }
    render(
      <StrictMode>
        <PrivacyProvider officialPopup>
          <Grab />
          <PrivacyModal />
        </PrivacyProvider>
      </StrictMode>,
    )
    await flush()
    expect(sim.listenerRegistrations).toBe(0)
    await act(() => gate.require())
    await flush()
    expect(sim.officialPopups).toBe(1)
    expect(gate).toMatchObject({ status: 'agreed', visible: false })
    expect(screen.queryByText('同意')).toBeNull()
  })
})
