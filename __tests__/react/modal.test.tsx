import { act, screen } from '@testing-library/react'
import { useState } from 'react'
import { PrivacyModal } from '../../src'
import { callApi, renderWithPrivacy, tapAgree } from '../utils'

describe('PrivacyModal', () => {
  it('renders nothing while the consent UI is not visible', async () => {
    const { container } = await renderWithPrivacy(<PrivacyModal />)
    expect(container.innerHTML).toBe('')
  })

  it('shows the Chinese defaults with the platform contract name', async () => {
    const { sim } = await renderWithPrivacy(<PrivacyModal />, { sim: { contractName: '《某某隐私保护指引》' } })
    callApi(sim, 'getLocation')
    expect(screen.getByText('用户隐私保护提示')).toBeTruthy()
    expect(screen.getByText('《某某隐私保护指引》').className).toBe('tp-link')
    expect(screen.getByText('拒绝')).toBeTruthy()
    expect(screen.getByText('同意').getAttribute('data-open-type')).toBe('agreePrivacyAuthorization')
  })

  it('every text, the open-type, class names and styles can be overridden', async () => {
    const { sim, container } = await renderWithPrivacy(
      <PrivacyModal
        title="Privacy"
        contentBefore="Please read "
        contentAfter=" first."
        contractName="the policy"
        agreeText="Agree"
        disagreeText="Decline"
        agreeOpenType="getPhoneNumber|agreePrivacyAuthorization"
        agreeButtonProps={{ id: 'modal-agree' }}
        className="my-modal"
        classNames={{ panel: 'my-panel' }}
        styles={{ panel: { background: 'black' } }}
      />,
    )
    callApi(sim, 'getLocation')
    expect(container.textContent).toBe('PrivacyPlease read the policy first.DeclineAgree')
    expect(screen.getByText('Agree')).toMatchObject({ id: 'modal-agree' })
    expect(screen.getByText('Agree').getAttribute('data-open-type')).toBe('getPhoneNumber|agreePrivacyAuthorization')
    expect(container.querySelector('.tp-mask')?.classList.contains('my-modal')).toBe(true)
    const panel = container.querySelector('.my-panel') as HTMLElement
    expect(panel.classList.contains('tp-panel')).toBe(true)
    // The default look is the stylesheet's (modal.css, on the part's class): inline, only the override.
    expect(panel.getAttribute('style')).toBe('background: black;')
  })

  it('the look is the stylesheet’s, under the mask’s root class: no inline style by default; unstyled drops the root class', async () => {
    const { sim, container, unmount } = await renderWithPrivacy(<PrivacyModal />)
    callApi(sim, 'getLocation')
    const mask = container.querySelector('.tp-mask') as HTMLElement
    expect(mask.className).toBe('tp-modal tp-mask')
    expect(container.querySelectorAll('[style]')).toHaveLength(0)
    unmount() // one app at a time: a second app's adapter registering beside a mounted store is warned about
    const unstyled = await renderWithPrivacy(<PrivacyModal unstyled />)
    callApi(unstyled.sim, 'getLocation')
    const bare = unstyled.container.querySelector('.tp-mask') as HTMLElement
    expect(bare.className).toBe('tp-mask')
    expect(unstyled.container.querySelector('.tp-modal')).toBeNull()
  })

  it('disagreeButtonProps and agreeButtonProps reach their buttons: id, className and style added to the part’s, onClick after the disagree', async () => {
    const order: string[] = []
    const { sim } = await renderWithPrivacy(
      <PrivacyModal
        disagreeButtonProps={{ id: 'modal-disagree', className: 'my-disagree', style: { color: 'grey' }, onClick: () => order.push('onClick') }}
        agreeButtonProps={{ id: 'modal-agree', className: 'my-agree', style: { color: 'green' } }}
        classNames={{ disagree: 'part-disagree' }}
        onDisagree={() => order.push('onDisagree')}
      />,
    )
    const outcome = callApi(sim, 'getLocation')
    const disagree = screen.getByText('拒绝')
    expect(disagree).toMatchObject({ id: 'modal-disagree', className: 'tp-disagree part-disagree my-disagree' })
    expect(disagree.getAttribute('style')).toBe('color: grey;')
    const agree = screen.getByText('同意')
    expect(agree).toMatchObject({ id: 'modal-agree', className: 'tp-agree-button tp-agree my-agree' })
    expect(agree.getAttribute('style')).toBe('color: green;')
    act(() => disagree.click())
    expect(outcome.fail).toBe(1)
    expect(order).toEqual(['onDisagree', 'onClick'])
  })

  it('styles for a button win over its props’ style', async () => {
    const { sim } = await renderWithPrivacy(
      <PrivacyModal disagreeButtonProps={{ style: { color: 'grey' } }} styles={{ disagree: { color: 'red' } }} />,
    )
    callApi(sim, 'getLocation')
    expect(screen.getByText('拒绝').getAttribute('style')).toBe('color: red;')
  })

  it('a render prop replaces the body and receives the gate', async () => {
    const { sim } = await renderWithPrivacy(
      <PrivacyModal renderBody={(gate) => <span>{`${gate.pending.length} 个功能需要你的同意`}</span>} />,
    )
    callApi(sim, 'getLocation')
    callApi(sim, 'chooseMedia')
    expect(screen.getByText('2 个功能需要你的同意')).toBeTruthy()
    expect(screen.queryByText('用户隐私保护提示')).toBeNull()
    tapAgree(sim, screen.getByText('同意'))
    expect(sim.pending).toEqual([])
  })

  it('the disagree button settles everything and calls onDisagree', async () => {
    const onDisagree = jest.fn()
    const { sim, container } = await renderWithPrivacy(<PrivacyModal onDisagree={onDisagree} />)
    const outcome = callApi(sim, 'getLocation')
    act(() => screen.getByText('拒绝').click())
    expect(outcome.fail).toBe(1)
    expect(onDisagree).toHaveBeenCalledTimes(1)
    expect(container.innerHTML).toBe('')
  })

  it('attaches the consent UI while mounted and detaches it when unmounted: no exposure once it is gone', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
    let hide!: () => void
    function Page() {
      const [shown, setShown] = useState(true)
      hide = () => setShown(false)
      return shown ? <PrivacyModal /> : null
    }
    try {
      const { sim } = await renderWithPrivacy(<Page />)
      callApi(sim, 'getLocation')
      expect(sim.requests[0].events).toEqual(['exposureAuthorization'])
      act(() => screen.getByText('拒绝').click())
      act(() => hide())
      callApi(sim, 'chooseMedia')
      await act(() => new Promise((resolve) => setTimeout(resolve, 0)))
      expect(sim.requests[1].events).toEqual([])
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/"chooseMedia" is waiting for consent but no consent UI is mounted/))
    } finally {
      warn.mockRestore()
    }
  })

  it('agreeing on one mounted modal closes every other (one store, many pages)', async () => {
    const { sim } = await renderWithPrivacy(
      <>
        <PrivacyModal classNames={{ agree: 'page-a' }} />
        <PrivacyModal classNames={{ agree: 'page-b' }} />
      </>,
    )
    callApi(sim, 'getLocation')
    expect(screen.getAllByText('同意')).toHaveLength(2)
    tapAgree(sim, document.querySelector('.page-b') as HTMLElement)
    expect(screen.queryAllByText('同意')).toHaveLength(0)
  })
})
