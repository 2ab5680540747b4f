// The four demos of WeChat's privacy guide, plus the failure flows, as a user meets them.
import { act, render, screen } from '@testing-library/react'
import { Input, View } from '@tarojs/components'
import { useState } from 'react'
import { createMiniProgramAdapter, PrivacyAgreeButton, PrivacyModal, PrivacyProvider, usePrivacyGate } from '../../src'
import { createPrivacySimulator, type PrivacySimulator } from '../../src/testing'
import { callApi, flush, renderWithPrivacy, tapAgree } from '../utils'

const agreeButton = () => screen.getByText('同意') as HTMLElement
const modalShown = () => screen.queryByText('用户隐私保护提示') !== null

function Status() {
  const gate = usePrivacyGate()
  return (
    <View>
      <View className="status">{gate.status}</View>
      <View className="contract">{gate.contractName}</View>
      <button onClick={gate.open}>查看隐私政策</button>
    </View>
  )
}

it('demo1: a proactive check on the home page, open(), agree with nothing pending records consent', async () => {
  const { sim, container } = await renderWithPrivacy(
    <>
      <Status />
      <PrivacyModal />
    </>,
    { sim: { contractName: '《演示隐私保护指引》' } },
  )
  expect(container.querySelector('.status')?.textContent).toBe('required')
  expect(container.querySelector('.contract')?.textContent).toBe('《演示隐私保护指引》')
  expect(modalShown()).toBe(false)

  act(() => screen.getByText('查看隐私政策').click())
  expect(document.querySelector('.tp-link')?.textContent).toBe('《演示隐私保护指引》')
  expect(sim.requests).toEqual([])

  tapAgree(sim, agreeButton())
  expect(sim.needAuthorization).toBe(false)
  expect(container.querySelector('.status')?.textContent).toBe('agreed')
  expect(modalShown()).toBe(false)
})

it('demo1: the contract link opens the platform contract', async () => {
  const { sim } = await renderWithPrivacy(<PrivacyModal />, { sim: { contractName: '《演示隐私保护指引》' } })
  act(() => void sim.call('getLocation'))
  await act(async () => screen.getByText('《演示隐私保护指引》').click())
  expect(sim.contractOpens).toBe(1)
})

it('demo2: two calls fired from one tap in different components show one consent UI; one agree releases both', async () => {
  const outcomes: Record<string, string> = {}
  let platform: PrivacySimulator | undefined
  const callFrom = (api: string) =>
    platform!.call(api, { success: () => (outcomes[api] = 'ok'), fail: (failure) => (outcomes[api] = failure.errMsg) })
  function Clipboard() {
    return <button onClick={() => callFrom('getClipboardData')}>读取剪贴板</button>
  }
  function Location() {
    return <button onClick={() => callFrom('getLocation')}>获取位置</button>
  }
  function Both() {
    return <button onClick={() => ['getClipboardData', 'getLocation'].forEach(callFrom)}>同时调用</button>
  }
  const { sim } = await renderWithPrivacy(
    <>
      <Clipboard />
      <Location />
      <Both />
      <PrivacyModal />
    </>,
  )
  platform = sim
  act(() => screen.getByText('同时调用').click())
  expect(screen.getAllByText('同意')).toHaveLength(1)
  tapAgree(sim, agreeButton())
  expect(outcomes).toEqual({ getClipboardData: 'ok', getLocation: 'ok' })
  expect(sim.requests.map((request) => request.events)).toEqual([
    ['exposureAuthorization', 'agree'],
    ['exposureAuthorization', 'agree'],
  ])
  expect(modalShown()).toBe(false)
  act(() => screen.getByText('获取位置').click())
  expect(modalShown()).toBe(false)
  expect(sim.violations).toEqual([])
})

it('demo2: disagree fails every intercepted call once and hides the UI', async () => {
  const { sim } = await renderWithPrivacy(<PrivacyModal />)
  const outcomes = [callApi(sim, 'getClipboardData'), callApi(sim, 'getLocation')]
  act(() => screen.getByText('拒绝').click())
  expect(outcomes.map(({ success, fail }) => ({ success, fail }))).toEqual([
    { success: 0, fail: 1 },
    { success: 0, fail: 1 },
  ])
  expect(modalShown()).toBe(false)
})

it('demo3: require() on focus before <Input type="nickname"> shows the UI first and lets the input work after agree', async () => {
  function Nickname() {
    const gate = usePrivacyGate()
    const [state, setState] = useState('idle')
    return (
      <View>
        <Input
          type="nickname"
          onFocus={() =>
            gate.require().then(
              () => setState('ready'),
              (error) => setState(error.code),
            )
          }
        />
        <View className="nickname-state">{state}</View>
      </View>
    )
  }
  const { sim, container } = await renderWithPrivacy(
    <>
      <Nickname />
      <PrivacyModal />
    </>,
  )
  act(() => (container.querySelector('input') as HTMLInputElement).focus())
  await flush()
  expect(sim.requests.map((request) => request.referrer)).toEqual(['requirePrivacyAuthorize'])
  expect(modalShown()).toBe(true)
  tapAgree(sim, agreeButton())
  await flush()
  expect(container.querySelector('.nickname-state')?.textContent).toBe('ready')
})

it('demo3: a disagree rejects require() with DENIED', async () => {
  let rejection: unknown
  function Asker() {
    const gate = usePrivacyGate()
    return <button onClick={() => gate.require().catch((error) => (rejection = error))}>ask</button>
  }
  const { sim } = await renderWithPrivacy(
    <>
      <Asker />
      <PrivacyModal />
    </>,
  )
  act(() => screen.getByText('ask').click())
  await flush()
  act(() => screen.getByText('拒绝').click())
  await flush()
  expect(rejection).toMatchObject({ name: 'PrivacyError', code: 'DENIED' })
  expect(sim.pending).toEqual([])
})

it('consent invalidated later: a request while agreed asks again', async () => {
  const { sim, container } = await renderWithPrivacy(
    <>
      <Status />
      <PrivacyModal />
    </>,
    { sim: { needAuthorization: false } },
  )
  expect(container.querySelector('.status')?.textContent).toBe('agreed')
  sim.revokeConsent()
  const outcome = callApi(sim, 'chooseMedia')
  expect(container.querySelector('.status')?.textContent).toBe('required')
  expect(modalShown()).toBe(true)
  tapAgree(sim, agreeButton())
  expect(outcome.success).toBe(1)
})

it('base library below 2.32.3: unsupported, nothing gated, no throw', async () => {
  const { sim, container } = await renderWithPrivacy(
    <>
      <Status />
      <PrivacyModal />
    </>,
    { sim: { baseLibrary: '2.30.0' } },
  )
  expect(container.querySelector('.status')?.textContent).toBe('unsupported')
  expect(callApi(sim, 'getLocation').success).toBe(1)
  expect(modalShown()).toBe(false)
})

it('getPrivacySetting failing: status error, and the app keeps working', async () => {
  const sim = createPrivacySimulator({ latency: 0 })
  sim.setCheck('fail')
  const { container } = render(
    <PrivacyProvider adapter={createMiniProgramAdapter(sim.api)}>
      <Status />
      <PrivacyModal />
    </PrivacyProvider>,
  )
  await flush()
  expect(container.querySelector('.status')?.textContent).toBe('error')
  const outcome = callApi(sim, 'getLocation')
  tapAgree(sim, agreeButton())
  expect(outcome.success).toBe(1)
})

it('combined open-type getPhoneNumber|agreePrivacyAuthorization: consent recorded and onGetPhoneNumber still gets its event', async () => {
  const phoneEvents: unknown[] = []
  const { sim } = await renderWithPrivacy(
    <PrivacyAgreeButton
      openType="getPhoneNumber|agreePrivacyAuthorization"
      onGetPhoneNumber={(event) => phoneEvents.push((event as unknown as CustomEvent).detail)}
    >
      手机号快捷登录
    </PrivacyAgreeButton>,
  )
  const outcome = callApi(sim, 'getUserProfile')
  tapAgree(sim, screen.getByText('手机号快捷登录'), { code: 'phone-code' })
  expect(outcome.success).toBe(1)
  expect(sim.needAuthorization).toBe(false)
  expect(phoneEvents).toEqual([{ code: 'phone-code' }])
})
