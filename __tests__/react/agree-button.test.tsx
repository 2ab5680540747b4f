import { act, render, screen } from '@testing-library/react'
import { StrictMode } from 'react'
import { createH5Adapter, createPrivacyStore, PrivacyAgreeButton, PrivacyProvider } from '../../src'
import { callApi, renderWithPrivacy, tapAgree } from '../utils'

describe('PrivacyAgreeButton', () => {
  it('gives each button its own id, stable across re-renders', async () => {
    const { rerender, adapter } = await renderWithPrivacy(
      <>
        <PrivacyAgreeButton>a</PrivacyAgreeButton>
        <PrivacyAgreeButton>b</PrivacyAgreeButton>
      </>,
    )
    const ids = () => screen.getAllByRole('button').map((button) => button.id)
    const first = ids()
    expect(new Set(first).size).toBe(2)
    first.forEach((id) => expect(id).toMatch(/^privacy-agree-[\w-]+$/))
    rerender(
      <StrictMode>
        <PrivacyProvider adapter={adapter}>
          <PrivacyAgreeButton>a</PrivacyAgreeButton>
          <PrivacyAgreeButton>b</PrivacyAgreeButton>
        </PrivacyProvider>
      </StrictMode>,
    )
    expect(ids()).toEqual(first)
  })

  it('sends the tapped button id, including a custom one', async () => {
    const { sim } = await renderWithPrivacy(<PrivacyAgreeButton id="agree-btn">同意</PrivacyAgreeButton>)
    callApi(sim, 'getLocation')
    tapAgree(sim, screen.getByText('同意'))
    expect(sim.requests[0].settled).toBe('agree')
    expect(sim.violations).toEqual([])
  })

  it('on mini-programs a plain click does not agree; only the agree event does (regression: agree sent before the platform saw the tap)', async () => {
    const onClick = jest.fn()
    const onAgree = jest.fn()
    const { sim } = await renderWithPrivacy(
      <PrivacyAgreeButton onClick={onClick} onAgree={onAgree}>
        同意
      </PrivacyAgreeButton>,
    )
    callApi(sim, 'getLocation')
    act(() => screen.getByText('同意').click())
    expect(onClick).toHaveBeenCalledTimes(1)
    expect(onAgree).not.toHaveBeenCalled()
    expect(sim.pending).toHaveLength(1)
    tapAgree(sim, screen.getByText('同意'))
    expect(onAgree).toHaveBeenCalledWith(screen.getByText('同意').id)
    expect(sim.pending).toHaveLength(0)
  })

  it('calls onAgree after the agree was recorded and every pending request released', async () => {
    const seen: unknown[] = []
    const { sim } = await renderWithPrivacy(
      <PrivacyAgreeButton onAgree={(buttonId) => seen.push({ buttonId, pending: sim.pending.length, settled: sim.requests[0].settled })}>
        同意
      </PrivacyAgreeButton>,
    )
    callApi(sim, 'getLocation')
    tapAgree(sim, screen.getByText('同意'))
    expect(seen).toEqual([{ buttonId: screen.getByText('同意').id, pending: 0, settled: 'agree' }])
  })

  it('forwards the agree event to a user onAgreePrivacyAuthorization as well', async () => {
    const onAgreePrivacyAuthorization = jest.fn()
    const { sim } = await renderWithPrivacy(
      <PrivacyAgreeButton onAgreePrivacyAuthorization={onAgreePrivacyAuthorization}>同意</PrivacyAgreeButton>,
    )
    callApi(sim, 'getLocation')
    tapAgree(sim, screen.getByText('同意'))
    expect(onAgreePrivacyAuthorization).toHaveBeenCalledTimes(1)
    expect(onAgreePrivacyAuthorization.mock.calls[0][0]).toMatchObject({ type: 'agreeprivacyauthorization' })
    expect(sim.requests[0].settled).toBe('agree')
  })

  it('on h5 the click agrees and records consent', async () => {
    const saved = new Map<string, unknown>()
    const storage = { getStorageSync: (key: string) => saved.get(key), setStorageSync: (key: string, value: unknown) => void saved.set(key, value) }
    const store = createPrivacyStore({ adapter: createH5Adapter({ storage }) })
    render(
      <PrivacyProvider store={store}>
        <PrivacyAgreeButton>同意</PrivacyAgreeButton>
      </PrivacyProvider>,
    )
    const required = store.require()
    await act(async () => {})
    expect(store.getState().visible).toBe(true)
    act(() => screen.getByText('同意').click())
    await expect(required).resolves.toBeUndefined()
    expect(saved.get('taro-privacy:consent')).toMatchObject({ version: '1' })
  })

  it('passes every agree open-type to the Button', async () => {
    await renderWithPrivacy(
      <>
        <PrivacyAgreeButton>1</PrivacyAgreeButton>
        <PrivacyAgreeButton openType="getPhoneNumber|agreePrivacyAuthorization">2</PrivacyAgreeButton>
        <PrivacyAgreeButton openType="getRealtimePhoneNumber|agreePrivacyAuthorization">3</PrivacyAgreeButton>
        <PrivacyAgreeButton openType="getUserInfo|agreePrivacyAuthorization">4</PrivacyAgreeButton>
      </>,
    )
    expect(screen.getAllByRole('button').map((button) => button.getAttribute('data-open-type'))).toEqual([
      'agreePrivacyAuthorization',
      'getPhoneNumber|agreePrivacyAuthorization',
      'getRealtimePhoneNumber|agreePrivacyAuthorization',
      'getUserInfo|agreePrivacyAuthorization',
    ])
  })

  it('an unknown openType at run time warns and falls back to plain agree', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
    await renderWithPrivacy(<PrivacyAgreeButton openType={'share' as never}>x</PrivacyAgreeButton>)
    expect(screen.getByText('x').getAttribute('data-open-type')).toBe('agreePrivacyAuthorization')
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('unknown openType "share"'))
    warn.mockRestore()
  })

  it('forwards the combined events untouched', async () => {
    const onGetRealTimePhoneNumber = jest.fn()
    const onGetUserInfo = jest.fn()
    const { sim } = await renderWithPrivacy(
      <>
        <PrivacyAgreeButton openType="getRealtimePhoneNumber|agreePrivacyAuthorization" onGetRealTimePhoneNumber={onGetRealTimePhoneNumber}>
          实时手机号
        </PrivacyAgreeButton>
        <PrivacyAgreeButton openType="getUserInfo|agreePrivacyAuthorization" onGetUserInfo={onGetUserInfo}>
          头像昵称
        </PrivacyAgreeButton>
      </>,
    )
    tapAgree(sim, screen.getByText('实时手机号'), { code: 'c1' })
    tapAgree(sim, screen.getByText('头像昵称'), { userInfo: { nickName: 'n' } })
    expect((onGetRealTimePhoneNumber.mock.calls[0][0] as CustomEvent).detail).toEqual({ code: 'c1' })
    expect((onGetUserInfo.mock.calls[0][0] as CustomEvent).detail).toEqual({ userInfo: { nickName: 'n' } })
  })
})
