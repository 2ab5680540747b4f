// Each platform family with the simulator in that platform's mode.
import { act, screen } from '@testing-library/react'
import { createPrivacyStore, PrivacyAgreeButton, PrivacyModal, toPrivacyError } from '../../src'
import { createUnsupportedAdapter } from '../../src/platform/unsupported'
import type { MiniProgramPlatform } from '../../src/core'
import { callApi, renderWithPrivacy, tapAgree } from '../utils'

const FIRST_PRIVACY_VERSION: Record<MiniProgramPlatform, [string, string]> = {
  weapp: ['2.32.2', '2.32.3'],
  qq: ['2.32.2', '2.32.3'],
  tt: ['3.18.9', '3.19.0'],
  alipay: ['2.9.6', '2.9.7'],
}

describe.each(['weapp', 'qq', 'tt', 'alipay'] as const)('%s', (platform) => {
  const exposure = platform === 'weapp' || platform === 'qq'

  it(`resolves with agree + buttonId after the tap${exposure ? ', reporting exposure first' : ', with no exposure event'}`, async () => {
    const { sim } = await renderWithPrivacy(<PrivacyModal agreeButtonProps={{ id: 'agree-btn' }} />, { sim: { platform } })
    const outcome = callApi(sim, 'getLocation')
    tapAgree(sim, screen.getByText('同意'))
    expect(outcome.success).toBe(1)
    expect(sim.requests[0].events).toEqual(exposure ? ['exposureAuthorization', 'agree'] : ['agree'])
    expect(sim.violations).toEqual([])
  })

  it('disagree fails the call once', async () => {
    const { sim } = await renderWithPrivacy(<PrivacyModal />, { sim: { platform } })
    const outcome = callApi(sim, 'getLocation')
    act(() => screen.getByText('拒绝').click())
    expect(outcome).toMatchObject({ success: 0, fail: 1, errMsg: 'getLocation:fail privacy permission is not authorized' })
    expect(toPrivacyError({ errMsg: outcome.errMsg }).code).toBe('DENIED')
    expect(sim.violations).toEqual([])
  })

  it('is unsupported below the first base library with the privacy API, and supported from it', async () => {
    const [below, from] = FIRST_PRIVACY_VERSION[platform]
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
    const old = await renderWithPrivacy(<PrivacyModal />, { sim: { platform, baseLibrary: below } })
    expect(old.sim.api.getPrivacySetting).toBeUndefined()
    expect(callApi(old.sim, 'getLocation').success).toBe(1)
    expect(screen.queryByText('同意')).toBeNull()
    // the missing functions are feature-detected, not called and caught
    expect(warn).not.toHaveBeenCalled()
    warn.mockRestore()
    old.unmount()
    const current = await renderWithPrivacy(<PrivacyModal />, { sim: { platform, baseLibrary: from } })
    callApi(current.sim, 'getLocation')
    expect(screen.getByText('同意')).toBeTruthy()
  })

  it(`${exposure ? 'keeps' : 'degrades'} a combined open-type`, async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
    await renderWithPrivacy(
      <>
        <PrivacyAgreeButton openType="getPhoneNumber|agreePrivacyAuthorization">a</PrivacyAgreeButton>
        <PrivacyAgreeButton openType="getPhoneNumber|agreePrivacyAuthorization">b</PrivacyAgreeButton>
      </>,
      { sim: { platform } },
    )
    const types = screen.getAllByRole('button').map((button) => button.getAttribute('data-open-type'))
    if (exposure) {
      expect(types).toEqual(['getPhoneNumber|agreePrivacyAuthorization', 'getPhoneNumber|agreePrivacyAuthorization'])
      expect(warn).not.toHaveBeenCalled()
    } else {
      expect(types).toEqual(['agreePrivacyAuthorization', 'agreePrivacyAuthorization'])
      const warnings = warn.mock.calls.filter(([message]) => String(message).includes('combined open-type'))
      expect(warnings).toHaveLength(1)
    }
    warn.mockRestore()
  })
})

it('degrading a combined open-type warns once per platform and type, naming both', async () => {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
  await renderWithPrivacy(<PrivacyAgreeButton openType="getUserInfo|agreePrivacyAuthorization">x</PrivacyAgreeButton>, {
    sim: { platform: 'tt' },
  })
  const warnings = warn.mock.calls.filter(([message]) => String(message).includes('"getUserInfo|agreePrivacyAuthorization"'))
  expect(warnings).toHaveLength(1)
  expect(String(warnings[0][0])).toMatch(/tt does not support/)
  warn.mockRestore()
})

it('alipay failures ({error, errorMessage}) are normalised too', () => {
  expect(toPrivacyError({ error: 112, errorMessage: 'api scope is not declared in the privacy agreement' })).toMatchObject({
    code: 'SCOPE_UNDECLARED',
    errno: 112,
  })
})

it('swan, jd and other platforms without a privacy API are unsupported and gate nothing', async () => {
  const store = createPrivacyStore({ adapter: createUnsupportedAdapter() })
  store.mount()
  await expect(store.require()).resolves.toBeUndefined()
  expect(store.getState()).toMatchObject({ platform: 'none', status: 'unsupported', error: null })
})
