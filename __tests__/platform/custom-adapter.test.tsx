// A user-made adapter: any object with the PrivacyAdapter shape drives the same flow.
import { act, render, screen } from '@testing-library/react'
import { StrictMode } from 'react'
import { PrivacyModal, PrivacyProvider, usePrivacyGate, type InterceptionHandler, type PlatformResolution, type PrivacyAdapter } from '../../src'
import { flush } from '../utils'

/** E.g. a company's own consent service behind a native bridge. */
function createBridgeAdapter() {
  const answers: PlatformResolution[] = []
  let handler: InterceptionHandler | undefined
  let listens = 0
  const adapter: PrivacyAdapter = {
    platform: 'weapp',
    reportsExposure: false,
    agreeEvent: 'agreePrivacyAuthorization',
    getSetting: async () => ({ needAuthorization: true, contractName: '《企业隐私政策》' }),
    listen(next) {
      listens++
      handler = next
    },
    openContract: async () => {},
  }
  const intercept = (referrer: string) => act(() => handler!((answer) => answers.push(answer), referrer))
  return { adapter, answers, intercept, listens: () => listens }
}

it('a custom adapter gets one listener registration and exactly one answer per interception', async () => {
  const bridge = createBridgeAdapter()
  function Contract() {
    return <span data-testid="contract">{usePrivacyGate().contractName}</span>
  }
  render(
    <StrictMode>
      <PrivacyProvider adapter={bridge.adapter}>
        <Contract />
        <PrivacyModal agreeButtonProps={{ id: 'bridge-agree' }} />
      </PrivacyProvider>
    </StrictMode>,
  )
  await flush()
  expect(screen.getByTestId('contract').textContent).toBe('《企业隐私政策》')
  bridge.intercept('scanCode')
  bridge.intercept('getLocation')
  act(() => void screen.getByText('同意').dispatchEvent(new Event('agreeprivacyauthorization')))
  expect(bridge.answers).toEqual([
    { event: 'agree', buttonId: 'bridge-agree' },
    { event: 'agree', buttonId: 'bridge-agree' },
  ])
  expect(bridge.listens()).toBe(1)
})
