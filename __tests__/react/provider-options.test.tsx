import { act, screen } from '@testing-library/react'
import { PrivacyModal } from '../../src'
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
