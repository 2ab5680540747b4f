import { act, render, screen } from '@testing-library/react'
import { StrictMode } from 'react'
import { createDefaultAdapter, PrivacyModal, PrivacyProvider, usePrivacyGate } from '../../src'
import { createPrivacySimulator, installSimulator } from '../../src/testing'
import Taro from '@tarojs/taro'
import { flush, restoreTaroEnvAfterEach, tapAgree } from '../utils'

restoreTaroEnvAfterEach()
afterEach(() => localStorage.clear())

function Status() {
  const gate = usePrivacyGate()
  return <span data-testid="status">{`${gate.platform}:${gate.status}`}</span>
}

it.each([
  ['weapp', 'weapp'],
  ['qq', 'qq'],
  ['h5', 'h5'],
  ['tt', 'tt'],
  ['alipay', 'alipay'],
  ['jd', 'none'],
  ['swan', 'none'],
  [undefined, 'none'],
])('TARO_ENV=%s picks the %s adapter', (env, platform) => {
  if (env === undefined) delete process.env.TARO_ENV
  else process.env.TARO_ENV = env
  expect(createDefaultAdapter(Taro).platform).toBe(platform)
})

it('the provider wires the default adapter to @tarojs/taro on weapp', async () => {
  process.env.TARO_ENV = 'weapp'
  const sim = createPrivacySimulator({ latency: 0 })
  installSimulator(sim)
  render(
    <StrictMode>
      <PrivacyProvider>
        <Status />
        <PrivacyModal />
      </PrivacyProvider>
    </StrictMode>,
  )
  await flush()
  expect(screen.getByTestId('status').textContent).toBe('weapp:required')
  act(() => sim.call('getLocation'))
  tapAgree(sim, screen.getByText('同意'))
  expect(sim.requests[0].settled).toBe('agree')
  expect(sim.listenerRegistrations).toBe(1)
})

it('on h5 consent is kept in Taro storage per contract version', async () => {
  process.env.TARO_ENV = 'h5'
  function Feature() {
    const gate = usePrivacyGate()
    return <button onClick={() => void gate.require()}>使用功能</button>
  }
  const app = (version: string) =>
    render(
      <PrivacyProvider contract={{ name: '《H5 隐私政策》', version }}>
        <Status />
        <Feature />
        <PrivacyModal />
      </PrivacyProvider>,
    )
  const first = app('1')
  await flush()
  expect(screen.getByTestId('status').textContent).toBe('h5:required')
  act(() => screen.getByText('使用功能').click())
  await flush()
  expect(screen.getByText('《H5 隐私政策》')).toBeTruthy()
  act(() => screen.getByText('同意').click())
  expect(screen.getByTestId('status').textContent).toBe('h5:agreed')
  first.unmount()

  const reloaded = app('1')
  await flush()
  expect(screen.getByTestId('status').textContent).toBe('h5:agreed')
  reloaded.unmount()

  app('2')
  await flush()
  expect(screen.getByTestId('status').textContent).toBe('h5:required')
})

it('an unsupported platform gates nothing: require() resolves at once', async () => {
  process.env.TARO_ENV = 'swan'
  let gate: ReturnType<typeof usePrivacyGate> | undefined
  function Grab() {
    gate = usePrivacyGate()
    return null
  }
  render(
    <PrivacyProvider>
      <Grab />
    </PrivacyProvider>,
  )
  await flush()
  expect(gate?.status).toBe('unsupported')
  await expect(gate!.require()).resolves.toBeUndefined()
})
