// The jest doubles the package ships (`preset: 'taro-privacy/testing'`): an app written for
// Taro, with its own provider and no adapter prop, runs against the installed simulator.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { Button, Image, Input, Text, View } from '@tarojs/components'
import { StrictMode, useState } from 'react'
import { PrivacyAgreeButton, PrivacyModalPortal, PrivacyProvider, usePrivacyGate } from '../../src'
import { createPrivacySimulator, installSimulator } from '../../src/testing'

function Index() {
  const gate = usePrivacyGate()
  const [photo, setPhoto] = useState('')
  const [located, setLocated] = useState('')
  const pick = async () => {
    await gate.require()
    const { tempFiles } = await Taro.chooseMedia({ count: 1 })
    setPhoto(tempFiles[0].tempFilePath)
  }
  const locate = () =>
    Taro.getLocation({ type: 'gcj02' }).then(
      ({ latitude }) => setLocated(`${latitude}`),
      (failure: { errMsg: string }) => setLocated(failure.errMsg),
    )
  return (
    <View>
      <Button onClick={pick}>选择图片</Button>
      <Button onClick={locate}>获取位置</Button>
      {photo && <Image src={photo} />}
      <Text>{located}</Text>
    </View>
  )
}

function App({ children }: { children: React.ReactNode }) {
  return (
    <StrictMode>
      <PrivacyProvider>
        {children}
        <PrivacyModalPortal />
      </PrivacyProvider>
    </StrictMode>
  )
}

it('the app as written for Taro: require() shows the portalled consent UI, a click on 同意 is the platform tap, the call goes on', async () => {
  const sim = installSimulator(createPrivacySimulator())
  render(
    <App>
      <Index />
    </App>,
  )
  fireEvent.click(screen.getByText('选择图片'))
  fireEvent.click(await screen.findByText('同意'))

  await waitFor(() => expect(sim.calls.find((call) => call.api === 'chooseMedia')?.results).toEqual(['success']))
  expect(sim.requests.map((request) => [request.referrer, request.events])).toEqual([['requirePrivacyAuthorize', ['exposureAuthorization', 'agree']]])
  expect(screen.queryByText('同意')).toBeNull()
  expect(await screen.findByRole('img')).toHaveProperty('src', 'wxfile://tmp/simulated.jpg')
  expect(sim.violations).toEqual([])
})

it('a call the platform intercepts and the user refuses: Taro’s promise rejects with the platform’s errMsg', async () => {
  const sim = installSimulator(createPrivacySimulator())
  render(
    <App>
      <Index />
    </App>,
  )
  fireEvent.click(screen.getByText('获取位置'))
  fireEvent.click(await screen.findByText('拒绝'))
  expect(await screen.findByText('getLocation:fail privacy permission is not authorized')).toBeTruthy()
  expect(sim.requests.map((request) => request.settled)).toEqual(['disagree'])
})

it('a simulator installed later (the next test) is handed the app’s one platform listener by the double; the app does not register again', async () => {
  const first = installSimulator(createPrivacySimulator({ latency: 0 }))
  const view = render(<App>{null}</App>)
  view.unmount()
  // The app registered its one listener: in this render, or in an earlier test of this file
  // (the adapter lives as long as the module) and then handed to `first` when it was installed.
  expect(first.listenerRegistrations).toBe(1)
  const second = installSimulator(createPrivacySimulator())
  // The double's hand-over, at install, before anything renders. A real app never gets a new
  // platform object while it runs; this stands in for the registration of the app's launch.
  expect(second.listenerRegistrations).toBe(1)
  render(<App>{null}</App>)
  // One listener per app: the new provider does not register again, on either simulator.
  expect([first.listenerRegistrations, second.listenerRegistrations]).toEqual([1, 1])

  second.call('getLocation')
  const agree = await screen.findByText('同意')
  expect(second.pending.map((request) => request.referrer)).toEqual(['getLocation'])

  fireEvent.click(agree)
  await waitFor(() => expect(second.calls.map((call) => [call.api, call.results])).toContainEqual(['getLocation', ['success']]))
  expect(second.violations).toEqual([])
})

it('a combined open-type: the click agrees and delivers the phone-number event with a code', async () => {
  const sim = installSimulator(createPrivacySimulator({ latency: 0 }))
  const onGetPhoneNumber = jest.fn()
  render(
    <App>
      <PrivacyAgreeButton id="login" openType="getPhoneNumber|agreePrivacyAuthorization" onGetPhoneNumber={onGetPhoneNumber}>
        手机号登录
      </PrivacyAgreeButton>
    </App>,
  )
  await waitFor(() => expect(sim.calls.map((call) => call.api)).toContain('getPrivacySetting'))
  fireEvent.click(screen.getByText('手机号登录'))
  expect(onGetPhoneNumber).toHaveBeenCalledWith(expect.objectContaining({ detail: { errMsg: 'getPhoneNumber:ok', code: 'simulated-phone-code' } }))
  expect(sim.needAuthorization).toBe(false)
  expect(screen.getByText('手机号登录').className).toBe('tp-agree-button')
})

it('components take Taro props: a style string, a ref to the element, Input events with detail.value', () => {
  const onInput = jest.fn()
  const ref = { current: null as unknown }
  render(
    <View ref={ref} style="margin-top: 4px; color: red">
      <Input placeholder="昵称" onInput={onInput} />
    </View>,
  )
  expect((ref.current as HTMLElement).style.marginTop).toBe('4px')
  fireEvent.change(screen.getByPlaceholderText('昵称'), { target: { value: '小明' } })
  expect(onInput).toHaveBeenCalledWith(expect.objectContaining({ detail: { value: '小明' } }))
})

it('without an installed simulator the Taro double says what to do', () => {
  jest.isolateModules(() => {
    const { default: freshTaro } = require('../../src/testing/jest/taro')
    expect(() => freshTaro.getPrivacySetting({})).toThrow(
      '[taro-privacy] @tarojs/taro (jest double) has no platform: call installSimulator(createPrivacySimulator()) from taro-privacy/testing before rendering.',
    )
  })
})

it('the privacy functions are absent where the installed base library has none', () => {
  installSimulator(createPrivacySimulator({ baseLibrary: '2.32.2' }))
  expect((Taro as unknown as Record<string, unknown>).getPrivacySetting).toBeUndefined()
  installSimulator(createPrivacySimulator({ baseLibrary: '2.32.3' }))
  expect(typeof Taro.getPrivacySetting).toBe('function')
})
