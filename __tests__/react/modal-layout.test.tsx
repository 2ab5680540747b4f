import { act, screen } from '@testing-library/react'
import { PrivacyModal, type PrivacyError } from '../../src'
import { callApi, renderWithPrivacy, restoreTaroEnvAfterEach, tapAgree } from '../utils'

describe('PrivacyModal parts', () => {
  it('renderLink replaces only the link; it opens the contract', async () => {
    const { sim } = await renderWithPrivacy(
      <PrivacyModal renderLink={(link) => <a onClick={link.open}>{`查看${link.name}`}</a>} />,
      { sim: { contractName: '《示例指引》' } },
    )
    callApi(sim, 'getLocation')
    expect(screen.getByText('用户隐私保护提示')).toBeTruthy()
    await act(async () => screen.getByText('查看《示例指引》').click())
    expect(sim.contractOpens).toBe(1)
  })

  it('content lays out the body around the link element, which still opens the contract', async () => {
    const { sim, container } = await renderWithPrivacy(
      <PrivacyModal content={(link, gate) => <>{`${gate.pending.length} 个功能需要同意 `}{link}</>} contractName="《协议》" />,
    )
    callApi(sim, 'getLocation')
    const body = container.querySelector('.tp-body') as HTMLElement
    expect(body.textContent).toBe('1 个功能需要同意 《协议》')
    const link = body.querySelector('.tp-link') as HTMLElement
    expect(link.textContent).toBe('《协议》')
    await act(async () => link.click())
    expect(sim.contractOpens).toBe(1)
  })

  it('regression: a contract that fails to open was silent; onContractError receives the PrivacyError', async () => {
    const errors: PrivacyError[] = []
    const { sim } = await renderWithPrivacy(<PrivacyModal onContractError={(error) => errors.push(error)} />, {
      contract: { open: () => Promise.reject({ errMsg: 'navigateTo:fail page not found' }) },
    })
    callApi(sim, 'getLocation')
    await act(async () => screen.getByText('《示例小程序隐私保护指引》').click())
    expect(errors).toEqual([expect.objectContaining({ name: 'PrivacyError', code: 'PLATFORM_ERROR', errMsg: 'navigateTo:fail page not found' })])
  })

  it('without onContractError a failure is a development warning, not an unhandled rejection', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
    try {
      const { sim } = await renderWithPrivacy(<PrivacyModal />, { contract: { open: () => Promise.reject(new Error('gone')) } })
      callApi(sim, 'getLocation')
      await act(async () => screen.getByText('《示例小程序隐私保护指引》').click())
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('The contract did not open'), expect.objectContaining({ code: 'PLATFORM_ERROR' }))
    } finally {
      warn.mockRestore()
    }
  })

  it('regression: the mask let the page underneath scroll; it catches touch-move unless catchMove={false}', async () => {
    const { sim, container } = await renderWithPrivacy(
      <>
        <PrivacyModal classNames={{ mask: 'default' }} />
        <PrivacyModal classNames={{ mask: 'scrolls' }} catchMove={false} />
      </>,
    )
    callApi(sim, 'getLocation')
    expect(container.querySelector('.default')?.getAttribute('data-catch-move')).toBe('true')
    expect(container.querySelector('.scrolls')?.getAttribute('data-catch-move')).toBeNull()
  })
})

describe('PrivacyModal disagree', () => {
  it('runs gate.disagree() first (the waiting calls are answered, the UI hidden), then onDisagree', async () => {
    const seen: string[] = []
    const { sim } = await renderWithPrivacy(
      <PrivacyModal onDisagree={() => seen.push(`onDisagree after ${sim.requests[0].settled}`)} />,
    )
    callApi(sim, 'getLocation')
    act(() => screen.getByText('拒绝').click())
    expect(seen).toEqual(['onDisagree after disagree'])
  })

  it('dismissible={false}: the waiting calls are refused but the consent UI stays until the user agrees', async () => {
    const onDisagree = jest.fn()
    const { sim } = await renderWithPrivacy(<PrivacyModal dismissible={false} onDisagree={onDisagree} />)
    const first = callApi(sim, 'getLocation')
    act(() => screen.getByText('拒绝').click())
    expect(first.fail).toBe(1)
    expect(onDisagree).toHaveBeenCalledTimes(1)
    expect(screen.getByText('同意')).toBeTruthy()
    const second = callApi(sim, 'chooseMedia')
    tapAgree(sim, screen.getByText('同意'))
    expect(second.success).toBe(1)
    expect(screen.queryByText('同意')).toBeNull()
    expect(sim.violations).toEqual([])
  })
})

describe('PrivacyModal default text', () => {
  restoreTaroEnvAfterEach()

  it.each(['weapp', 'h5'])('%s: one sentence that fits every platform (no "小程序" on a web page)', async (env) => {
    process.env.TARO_ENV = env
    const { sim, container } = await renderWithPrivacy(<PrivacyModal contractName="《隐私政策》" />)
    callApi(sim, 'getLocation')
    expect(container.textContent).toContain('使用前请仔细阅读《隐私政策》。点击“同意”即表示你已阅读并同意；拒绝将无法使用相关功能。')
    expect(container.textContent).not.toContain('小程序')
  })
})
