import { flushPromises } from '@vue/test-utils'
import { h, ref } from 'vue'
import { PrivacyModal, type PrivacyError, type PrivacyModalSlots } from '../../src/vue'

// h() does not type a component's slots (templates do): the slot props, by slot.
type SlotProps<K extends keyof PrivacyModalSlots> = NonNullable<PrivacyModalSlots[K]>
import { byText, callApi, click, mountWithPrivacy, tapAgree } from './utils'

describe('PrivacyModal (Vue)', () => {
  it('renders nothing while the consent UI is not visible', async () => {
    const { wrapper, sim } = await mountWithPrivacy(() => h(PrivacyModal))
    expect(wrapper.find('.tp-mask').exists()).toBe(false)
    expect(wrapper.text()).toBe('')
    // It is mounted all the same: a request shows it.
    await callApi(sim, 'getLocation')
    expect(wrapper.find('.tp-mask').exists()).toBe(true)
  })

  it('shows the Chinese defaults with the platform contract name', async () => {
    const { sim, wrapper } = await mountWithPrivacy(() => h(PrivacyModal), { sim: { contractName: '《某某隐私保护指引》' } })
    await callApi(sim, 'getLocation')
    expect(wrapper.find('.tp-title').text()).toBe('用户隐私保护提示')
    expect(byText('《某某隐私保护指引》').className).toBe('tp-link')
    expect(wrapper.find('.tp-body').text()).toBe('使用前请仔细阅读《某某隐私保护指引》。点击“同意”即表示你已阅读并同意；拒绝将无法使用相关功能。')
    expect(byText('拒绝').tagName).toBe('BUTTON')
    expect(byText('同意').getAttribute('opentype')).toBe('agreePrivacyAuthorization')
  })

  it('without a name from the platform or the app, the contract is 《用户隐私保护指引》', async () => {
    const { sim, wrapper } = await mountWithPrivacy(() => h(PrivacyModal), { sim: { contractName: '' } })
    await callApi(sim, 'getLocation')
    expect(wrapper.find('.tp-link').text()).toBe('《用户隐私保护指引》')
  })

  it('every text, the open-type, class names and styles can be overridden; `class` goes on the mask', async () => {
    const { sim, wrapper } = await mountWithPrivacy(() =>
      h(PrivacyModal, {
        title: 'Privacy',
        contentBefore: 'Please read ',
        contentAfter: ' first.',
        contractName: 'the policy',
        agreeText: 'Agree',
        disagreeText: 'Decline',
        agreeOpenType: 'getPhoneNumber|agreePrivacyAuthorization',
        agreeButtonProps: { id: 'modal-agree' },
        class: 'my-modal',
        classNames: { panel: 'my-panel' },
        styles: { panel: { background: 'black' } },
      }),
    )
    await callApi(sim, 'getLocation')
    expect(wrapper.text()).toBe('PrivacyPlease read the policy first.DeclineAgree')
    expect(byText('Agree').id).toBe('modal-agree')
    expect(byText('Agree').getAttribute('opentype')).toBe('getPhoneNumber|agreePrivacyAuthorization')
    expect(wrapper.find('.tp-mask').classes()).toContain('my-modal')
    const panel = wrapper.find('.my-panel')
    expect(panel.classes()).toContain('tp-panel')
    // The default look is the stylesheet's (modal.css, on the part's class): inline, only the override.
    expect(panel.attributes('style')).toBe('background: black;')
  })

  it('the texts follow their props while the consent UI shows', async () => {
    const title = ref('一')
    const contractName = ref('《甲》')
    const { sim, wrapper } = await mountWithPrivacy(() => h(PrivacyModal, { title: title.value, contractName: contractName.value }))
    await callApi(sim, 'getLocation')
    title.value = '二'
    contractName.value = '《乙》'
    await flushPromises()
    expect(wrapper.find('.tp-title').text()).toBe('二')
    expect(wrapper.find('.tp-link').text()).toBe('《乙》')
  })

  it('the look is the stylesheet’s, under the mask’s root class: no inline style by default; unstyled drops the root class', async () => {
    const { sim, wrapper } = await mountWithPrivacy(() => h(PrivacyModal))
    await callApi(sim, 'getLocation')
    expect(wrapper.find('.tp-mask').attributes('class')).toBe('tp-modal tp-mask')
    expect(wrapper.findAll('[style]')).toHaveLength(0)
    wrapper.unmount() // one app at a time
    const unstyled = await mountWithPrivacy(() => h(PrivacyModal, { unstyled: true }))
    await callApi(unstyled.sim, 'getLocation')
    expect(unstyled.wrapper.find('.tp-mask').attributes('class')).toBe('tp-mask')
    expect(unstyled.wrapper.find('.tp-modal').exists()).toBe(false)
  })

  it('every part has its tp-<part> class and its classNames entry', async () => {
    const parts = ['mask', 'panel', 'title', 'body', 'link', 'actions', 'agree', 'disagree'] as const
    const classNames = Object.fromEntries(parts.map((part) => [part, `my-${part}`]))
    const { sim, wrapper } = await mountWithPrivacy(() => h(PrivacyModal, { classNames }))
    await callApi(sim, 'getLocation')
    for (const part of parts) expect(wrapper.find(`.tp-${part}`).classes()).toContain(`my-${part}`)
  })

  it('disagreeButtonProps and agreeButtonProps reach their buttons: id, class and style added to the part’s, onTap after the disagree', async () => {
    const order: string[] = []
    const { sim } = await mountWithPrivacy(() =>
      h(PrivacyModal, {
        disagreeButtonProps: { id: 'modal-disagree', class: 'my-disagree', style: { color: 'grey' }, onTap: () => order.push(`onTap after ${sim.requests[0].settled}`) },
        agreeButtonProps: { id: 'modal-agree', class: 'my-agree', style: { color: 'green' } },
        classNames: { disagree: 'part-disagree' },
        onDisagree: () => order.push('disagree'),
      }),
    )
    const outcome = await callApi(sim, 'getLocation')
    const disagree = byText('拒绝')
    expect(disagree).toMatchObject({ id: 'modal-disagree', className: 'tp-disagree part-disagree my-disagree' })
    expect(disagree.getAttribute('style')).toBe('color: grey;')
    const agree = byText('同意')
    expect(agree).toMatchObject({ id: 'modal-agree', className: 'tp-agree-button tp-agree my-agree' })
    expect(agree.getAttribute('style')).toBe('color: green;')
    await click(disagree)
    expect(outcome.fail).toBe(1)
    expect(order).toEqual(['disagree', 'onTap after disagree'])
  })

  it('agreeButtonProps: onAgree and the combined event’s listener get the tap, after the agree', async () => {
    const seen: unknown[] = []
    const { sim } = await mountWithPrivacy(() =>
      h(PrivacyModal, {
        agreeOpenType: 'getPhoneNumber|agreePrivacyAuthorization',
        agreeButtonProps: {
          onAgree: (buttonId: string) => seen.push(['agree', buttonId, sim.requests[0].settled]),
          onGetphonenumber: (event: CustomEvent) => seen.push(['phone', event.detail, sim.requests[0].settled]),
        },
      }),
    )
    await callApi(sim, 'getLocation')
    const agree = byText('同意')
    await tapAgree(sim, agree, { code: 'c' })
    expect(seen).toEqual([
      ['agree', agree.id, 'agree'],
      ['phone', { code: 'c' }, 'agree'],
    ])
  })

  it('styles for a button win over its props’ style', async () => {
    const { sim } = await mountWithPrivacy(() => h(PrivacyModal, { disagreeButtonProps: { style: { color: 'grey' } }, styles: { disagree: { color: 'red' } } }))
    await callApi(sim, 'getLocation')
    expect(byText('拒绝').getAttribute('style')).toBe('color: red;')
  })

  it('the title slot replaces the title text only', async () => {
    const { sim, wrapper } = await mountWithPrivacy(() => h(PrivacyModal, null, { title: () => h('b', '隐私') }))
    await callApi(sim, 'getLocation')
    expect(wrapper.find('.tp-title').html()).toBe('<view class="tp-title"><b>隐私</b></view>')
    expect(wrapper.find('.tp-link').exists()).toBe(true)
  })

  it('the agree and disagree slots replace the buttons’ text; the agree still agrees', async () => {
    const { sim, wrapper } = await mountWithPrivacy(() => h(PrivacyModal, null, { agree: () => h('b', '好的'), disagree: () => h('i', '不了') }))
    await callApi(sim, 'getLocation')
    expect(wrapper.find('.tp-agree-button').html()).toContain('<b>好的</b>')
    expect(wrapper.find('.tp-disagree').html()).toContain('<i>不了</i>')
    await tapAgree(sim, wrapper.find('.tp-agree-button').element)
    expect(sim.requests[0].settled).toBe('agree')
  })

  it('the body slot replaces the title and text, receives the gate and follows it; the buttons stay', async () => {
    const { sim } = await mountWithPrivacy(() => h(PrivacyModal, null, { body: ({ gate }: SlotProps<'body'>) => h('span', `${gate.pending.length} 个功能需要你的同意`) }))
    await callApi(sim, 'getLocation')
    expect(byText('1 个功能需要你的同意')).toBeTruthy()
    await callApi(sim, 'chooseMedia')
    expect(byText('2 个功能需要你的同意')).toBeTruthy()
    expect(document.querySelector('.tp-title')).toBeNull()
    await tapAgree(sim, byText('同意'))
    expect(sim.pending).toEqual([])
  })

  it('the link slot replaces only the link; it opens the contract', async () => {
    const { sim } = await mountWithPrivacy(
      () => h(PrivacyModal, null, { link: ({ contract }: SlotProps<'link'>) => h('a', { onClick: contract.open }, `查看${contract.name}`) }),
      { sim: { contractName: '《示例指引》' } },
    )
    await callApi(sim, 'getLocation')
    expect(byText('用户隐私保护提示')).toBeTruthy()
    expect(document.querySelector('.tp-link')).toBeNull()
    await click(byText('查看《示例指引》'))
    expect(sim.contractOpens).toBe(1)
  })

  it('the content slot lays out the body around Link, which still opens the contract', async () => {
    const { sim, wrapper } = await mountWithPrivacy(() =>
      h(PrivacyModal, { contractName: '《协议》' }, { content: ({ gate, Link }: SlotProps<'content'>) => [`${gate.pending.length} 个功能需要同意 `, h(Link)] }),
    )
    await callApi(sim, 'getLocation')
    const body = wrapper.find('.tp-body')
    expect(body.text()).toBe('1 个功能需要同意 《协议》')
    const link = body.find('.tp-link')
    expect(link.text()).toBe('《协议》')
    await click(link.element)
    expect(sim.contractOpens).toBe(1)
  })

  it('the content slot with the link slot: Link renders the app’s link', async () => {
    const { sim, wrapper } = await mountWithPrivacy(() =>
      h(PrivacyModal, null, {
        content: ({ Link }: SlotProps<'content'>) => ['见', h(Link)],
        link: ({ contract }: SlotProps<'link'>) => h('a', { onClick: contract.open }, contract.name),
      }),
    )
    await callApi(sim, 'getLocation')
    expect(wrapper.find('.tp-body').html()).toBe('<view class="tp-body">见<a>《示例小程序隐私保护指引》</a></view>')
    await click(wrapper.find('.tp-body a').element)
    expect(sim.contractOpens).toBe(1)
  })

  it('a contract that fails to open is not silent: onContractError receives the PrivacyError', async () => {
    const errors: PrivacyError[] = []
    const { sim } = await mountWithPrivacy(() => h(PrivacyModal, { onContractError: (error: PrivacyError) => errors.push(error) }), {
      contract: { open: () => Promise.reject({ errMsg: 'navigateTo:fail page not found' }) },
    })
    await callApi(sim, 'getLocation')
    await click(byText('《示例小程序隐私保护指引》'))
    expect(errors).toEqual([expect.objectContaining({ name: 'PrivacyError', code: 'PLATFORM_ERROR', errMsg: 'navigateTo:fail page not found' })])
  })

  it('without onContractError a failure is a development warning, not an unhandled rejection', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
    const { sim } = await mountWithPrivacy(() => h(PrivacyModal), { contract: { open: () => Promise.reject(new Error('gone')) } })
    await callApi(sim, 'getLocation')
    await click(byText('《示例小程序隐私保护指引》'))
    expect(warn.mock.calls).toEqual([[expect.stringContaining('The contract did not open'), expect.objectContaining({ code: 'PLATFORM_ERROR' })]])
    warn.mockRestore()
  })

  it('the mask catches touch-move unless catchMove is false', async () => {
    const { sim, wrapper } = await mountWithPrivacy(() => [
      h(PrivacyModal, { classNames: { mask: 'default' } }),
      h(PrivacyModal, { classNames: { mask: 'scrolls' }, catchMove: false }),
    ])
    await callApi(sim, 'getLocation')
    expect(wrapper.find('.default').attributes('catchmove')).toBe('true')
    expect(wrapper.find('.scrolls').attributes('catchmove')).toBeUndefined()
  })

  it('the disagree button settles everything, emits disagree and hides the consent UI', async () => {
    const onDisagree = jest.fn()
    const { sim, wrapper } = await mountWithPrivacy(() => h(PrivacyModal, { onDisagree }))
    const first = await callApi(sim, 'getLocation')
    const second = await callApi(sim, 'chooseMedia')
    await click(byText('拒绝'))
    expect([first.fail, second.fail]).toEqual([1, 1])
    expect(sim.requests.map((request) => request.settled)).toEqual(['disagree', 'disagree'])
    expect(onDisagree).toHaveBeenCalledTimes(1)
    expect(wrapper.find('.tp-mask').exists()).toBe(false)
  })

  it('runs gate.disagree() first (the waiting calls are answered, the UI hidden), then emits disagree', async () => {
    const seen: string[] = []
    const harness = await mountWithPrivacy(() =>
      h(PrivacyModal, { onDisagree: () => seen.push(`disagree after ${harness.sim.requests[0].settled}, visible ${harness.gate.visible}`) }),
    )
    await callApi(harness.sim, 'getLocation')
    await click(byText('拒绝'))
    expect(seen).toEqual(['disagree after disagree, visible false'])
  })

  it('dismissible false: the waiting calls are refused but the consent UI stays until the user agrees', async () => {
    const onDisagree = jest.fn()
    const { sim } = await mountWithPrivacy(() => h(PrivacyModal, { dismissible: false, onDisagree }))
    const first = await callApi(sim, 'getLocation')
    await click(byText('拒绝'))
    expect(first.fail).toBe(1)
    expect(onDisagree).toHaveBeenCalledTimes(1)
    expect(byText('同意')).toBeTruthy()
    const second = await callApi(sim, 'chooseMedia')
    await tapAgree(sim, byText('同意'))
    expect(second.success).toBe(1)
    expect(document.querySelector('.tp-mask')).toBeNull()
    expect(sim.violations).toEqual([])
  })

  it('attaches the consent UI while mounted and detaches it when unmounted: no exposure once it is gone', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
    const shown = ref(true)
    const { sim } = await mountWithPrivacy(() => (shown.value ? h(PrivacyModal) : null))
    await callApi(sim, 'getLocation')
    expect(sim.requests[0].events).toEqual(['exposureAuthorization'])
    await click(byText('拒绝'))
    shown.value = false
    await flushPromises()
    await callApi(sim, 'chooseMedia')
    expect(sim.requests[1].events).toEqual([])
    expect(warn.mock.calls).toEqual([[expect.stringMatching(/"chooseMedia" is waiting for consent but no consent UI is mounted/)]])
    warn.mockRestore()
  })

  it('agreeing on one mounted modal closes every other (one store, many pages)', async () => {
    const { sim } = await mountWithPrivacy(() => [h(PrivacyModal, { classNames: { agree: 'page-a' } }), h(PrivacyModal, { classNames: { agree: 'page-b' } })])
    await callApi(sim, 'getLocation')
    expect(document.querySelectorAll('.tp-agree')).toHaveLength(2)
    await tapAgree(sim, document.querySelector('.page-b') as Element)
    expect(sim.requests[0].settled).toBe('agree')
    expect(document.querySelectorAll('.tp-agree')).toHaveLength(0)
  })
})

describe('PrivacyModal default text (Vue)', () => {
  const original = process.env.TARO_ENV
  afterEach(() => {
    process.env.TARO_ENV = original
  })

  it.each(['weapp', 'h5'])('%s: one sentence that fits every platform (no "小程序" on a web page)', async (env) => {
    process.env.TARO_ENV = env
    const { sim, wrapper } = await mountWithPrivacy(() => h(PrivacyModal, { contractName: '《隐私政策》' }))
    await callApi(sim, 'getLocation')
    expect(wrapper.text()).toContain('使用前请仔细阅读《隐私政策》。点击“同意”即表示你已阅读并同意；拒绝将无法使用相关功能。')
    expect(wrapper.text()).not.toContain('小程序')
  })
})
