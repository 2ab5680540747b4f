import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h, ref, type VNodeChild } from 'vue'
import { createH5Adapter, createPrivacy, PrivacyAgreeButton, type PrivacyAgreeOpenType } from '../../src/vue'
import { ConsentUIOnScreen, mountWithPrivacy, tapAgree } from './utils'

/** Mounts the buttons `render` gives in an app with a consent UI on screen (a request then waits without a warning). */
const mountButtons = (render: () => VNodeChild, options?: Parameters<typeof mountWithPrivacy>[1]) =>
  mountWithPrivacy(() => [h(ConsentUIOnScreen), render()], options)

const button = (text: string) => {
  const found = Array.from(document.querySelectorAll('button')).find((element) => element.textContent === text)
  if (!found) throw new Error(`no button "${text}"`)
  return found
}

describe('PrivacyAgreeButton (Vue)', () => {
  it('gives each button its own id, stable across re-renders', async () => {
    const label = ref('a')
    const { wrapper } = await mountButtons(() => [h(PrivacyAgreeButton, null, () => label.value), h(PrivacyAgreeButton, null, () => 'b')])
    const ids = () => wrapper.findAll('button').map((element) => element.element.id)
    const first = ids()
    expect(new Set(first).size).toBe(2)
    first.forEach((id) => expect(id).toMatch(/^privacy-agree-[\w-]+$/))
    label.value = 'a2'
    await flushPromises()
    expect(wrapper.findAll('button').map((element) => element.text())).toEqual(['a2', 'b'])
    expect(ids()).toEqual(first)
  })

  it('sends the tapped button id, including a custom one', async () => {
    const { sim } = await mountButtons(() => h(PrivacyAgreeButton, { id: 'agree-btn' }, () => '同意'))
    sim.call('getLocation')
    expect(button('同意').id).toBe('agree-btn')
    await tapAgree(sim, button('同意'))
    expect(sim.requests[0].settled).toBe('agree')
    expect(sim.violations).toEqual([])
  })

  it('on mini-programs a plain click does not agree; only the agree event does', async () => {
    const onClick = jest.fn()
    const onAgree = jest.fn()
    const { sim } = await mountButtons(() => h(PrivacyAgreeButton, { onClick, onAgree }, () => '同意'))
    sim.call('getLocation')
    button('同意').click()
    await flushPromises()
    expect(onClick).toHaveBeenCalledTimes(1)
    expect(onAgree).not.toHaveBeenCalled()
    expect(sim.pending).toHaveLength(1)
    await tapAgree(sim, button('同意'))
    expect(onAgree).toHaveBeenCalledWith(button('同意').id)
    expect(sim.pending).toHaveLength(0)
    expect(sim.requests[0].settled).toBe('agree')
  })

  it('emits agree after the agree was recorded and every pending request released', async () => {
    const seen: unknown[] = []
    const { sim } = await mountButtons(() =>
      h(PrivacyAgreeButton, { onAgree: (buttonId: string) => seen.push({ buttonId, pending: sim.pending.length, settled: sim.requests.map((request) => request.settled) }) }, () => '同意'),
    )
    sim.call('getLocation')
    sim.call('chooseMedia')
    await tapAgree(sim, button('同意'))
    expect(seen).toEqual([{ buttonId: button('同意').id, pending: 0, settled: ['agree', 'agree'] }])
  })

  it('calls a user onAgreeprivacyauthorization too, after the package recorded the agree', async () => {
    const seen: unknown[] = []
    const { sim } = await mountButtons(() =>
      h(PrivacyAgreeButton, { onAgreeprivacyauthorization: (event: Event) => seen.push({ type: event.type, settled: sim.requests[0].settled }) }, () => '同意'),
    )
    sim.call('getLocation')
    await tapAgree(sim, button('同意'))
    expect(seen).toEqual([{ type: 'agreeprivacyauthorization', settled: 'agree' }])
  })

  it('calls a user onTap after the package handled the tap (h5: after the agree)', async () => {
    const seen: unknown[] = []
    const harness = await mountButtons(
      () => h(PrivacyAgreeButton, { onTap: () => seen.push(harness.plugin.store.getState().status) }, () => '同意'),
      { adapter: createH5Adapter({ storage: memoryStorage().storage }) },
    )
    const { plugin } = harness
    const required = plugin.store.require()
    await flushPromises()
    button('同意').click()
    await expect(required).resolves.toBeUndefined()
    expect(seen).toEqual(['agreed'])
  })

  it('on h5 (createH5Adapter) the click agrees, records consent and emits agree', async () => {
    const { saved, storage } = memoryStorage()
    const onAgree = jest.fn()
    const { plugin } = await mountButtons(() => h(PrivacyAgreeButton, { onAgree }, () => '同意'), { adapter: createH5Adapter({ storage }) })
    const required = plugin.store.require()
    await flushPromises()
    expect(plugin.store.getState().visible).toBe(true)
    // h5 has no agree event: a stray one is not consent
    button('同意').dispatchEvent(new CustomEvent('agreeprivacyauthorization'))
    expect(plugin.store.getState().status).toBe('required')
    button('同意').click()
    await expect(required).resolves.toBeUndefined()
    expect(onAgree).toHaveBeenCalledWith(button('同意').id)
    expect(saved.get('taro-privacy:consent')).toMatchObject({ version: '1' })
  })

  it('passes every agree open-type to the button (attribute `opentype`)', async () => {
    const types: PrivacyAgreeOpenType[] = [
      'agreePrivacyAuthorization',
      'getPhoneNumber|agreePrivacyAuthorization',
      'getRealtimePhoneNumber|agreePrivacyAuthorization',
      'getUserInfo|agreePrivacyAuthorization',
    ]
    const { wrapper } = await mountButtons(() => types.map((openType, i) => h(PrivacyAgreeButton, { openType }, () => String(i))))
    expect(wrapper.findAll('button').map((element) => element.attributes('opentype'))).toEqual(types)
  })

  it('the default open-type is agreePrivacyAuthorization', async () => {
    const { wrapper } = await mountButtons(() => h(PrivacyAgreeButton, null, () => 'x'))
    expect(wrapper.find('button').attributes('opentype')).toBe('agreePrivacyAuthorization')
  })

  it('an unknown openType at run time warns and falls back to plain agree', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
    const { wrapper } = await mountButtons(() => h(PrivacyAgreeButton, { openType: 'share' as never }, () => 'x'))
    expect(wrapper.find('button').attributes('opentype')).toBe('agreePrivacyAuthorization')
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('unknown openType "share"'))
    warn.mockRestore()
  })

  it('a combined open-type the platform does not support (Douyin) warns and falls back to plain agree', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
    const { wrapper } = await mountButtons(() => h(PrivacyAgreeButton, { openType: 'getUserInfo|agreePrivacyAuthorization' }, () => 'x'), {
      sim: { platform: 'tt' },
    })
    expect(wrapper.find('button').attributes('opentype')).toBe('agreePrivacyAuthorization')
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('tt does not support the combined open-type "getUserInfo|agreePrivacyAuthorization"'))
    warn.mockRestore()
  })

  it('calls the user listeners of the combined events with the platform event, after the agree', async () => {
    const seen: unknown[] = []
    const listener = (name: string) => (event: CustomEvent) => seen.push({ name, detail: event.detail, settled: sim.requests.map((request) => request.settled) })
    let sim!: Awaited<ReturnType<typeof mountWithPrivacy>>['sim']
    ;({ sim } = await mountButtons(() => [
      h(PrivacyAgreeButton, { openType: 'getPhoneNumber|agreePrivacyAuthorization', onGetphonenumber: listener('phone') }, () => '手机号'),
      h(PrivacyAgreeButton, { openType: 'getRealtimePhoneNumber|agreePrivacyAuthorization', onGetrealtimephonenumber: listener('realtime') }, () => '实时手机号'),
      h(PrivacyAgreeButton, { openType: 'getUserInfo|agreePrivacyAuthorization', onGetuserinfo: listener('userInfo') }, () => '头像昵称'),
    ]))
    sim.call('getLocation')
    await tapAgree(sim, button('手机号'), { code: 'c0' })
    await tapAgree(sim, button('实时手机号'), { code: 'c1' })
    await tapAgree(sim, button('头像昵称'), { userInfo: { nickName: 'n' } })
    expect(seen).toEqual([
      { name: 'phone', detail: { code: 'c0' }, settled: ['agree'] },
      { name: 'realtime', detail: { code: 'c1' }, settled: ['agree'] },
      { name: 'userInfo', detail: { userInfo: { nickName: 'n' } }, settled: ['agree'] },
    ])
  })

  it('merges a class and style of the app with its own class; other attributes reach the button', async () => {
    const { wrapper } = await mountButtons(() => h(PrivacyAgreeButton, { class: 'mine', style: { color: 'green' }, 'data-k': 'v' }, () => 'x'))
    const element = wrapper.find('button')
    expect(element.classes()).toEqual(['tp-agree-button', 'mine'])
    expect(element.attributes('style')).toBe('color: green;')
    expect(element.attributes('data-k')).toBe('v')
  })

  it('with a custom id, the id given wins over the generated one and follows a change', async () => {
    const id = ref('first')
    const { sim, wrapper } = await mountButtons(() => h(PrivacyAgreeButton, { id: id.value }, () => '同意'))
    id.value = 'second'
    await flushPromises()
    expect(wrapper.find('button').element.id).toBe('second')
    sim.call('getLocation')
    await tapAgree(sim, button('同意'))
    expect(sim.requests[0].settled).toBe('agree')
    expect(sim.violations).toEqual([])
  })

  it('renders its default slot, elements too, as the label', async () => {
    const plugin = createPrivacy({ adapter: createH5Adapter({ storage: memoryStorage().storage }) })
    const wrapper = mount(defineComponent({ render: () => h(PrivacyAgreeButton, null, { default: () => [h('span', '同'), '意'] }) }), { global: { plugins: [plugin] } })
    expect(wrapper.find('button').html()).toContain('<span>同</span>意')
  })
})

function memoryStorage() {
  const saved = new Map<string, unknown>()
  return { saved, storage: { getStorageSync: (key: string) => saved.get(key), setStorageSync: (key: string, value: unknown) => void saved.set(key, value) } }
}

describe('PrivacyAgreeButton under TARO_ENV=h5 (Vue)', () => {
  const original = process.env.TARO_ENV
  afterEach(() => {
    process.env.TARO_ENV = original
  })

  // Which element renders (Taro's web components on h5) is checked in Chromium on the h5 build (example-vue/e2e/h5).
  it('in the modal, a tap on the agree button agrees and closes it', async () => {
    process.env.TARO_ENV = 'h5'
    // The tags are fixed when the binding loads (a Taro build makes TARO_ENV a literal): a fresh module registry.
    let isolated!: { vue: typeof import('vue'); vtu: typeof import('@vue/test-utils'); privacy: typeof import('../../src/vue') }
    jest.isolateModules(() => {
      isolated = { vue: require('vue'), vtu: require('@vue/test-utils'), privacy: require('../../src/vue') }
    })
    const { vue, vtu, privacy } = isolated
    const plugin = privacy.createPrivacy({ adapter: privacy.createH5Adapter({ storage: memoryStorage().storage }) })
    const wrapper = vtu.mount(() => vue.h(privacy.PrivacyModal), { attachTo: document.body, global: { plugins: [plugin] } })
    try {
      const required = plugin.store.require()
      await vtu.flushPromises()
      expect(wrapper.find('.tp-mask').exists()).toBe(true)
      await wrapper.find('.tp-agree-button').trigger('click')
      await expect(required).resolves.toBeUndefined()
      expect(wrapper.find('.tp-mask').exists()).toBe(false)
    } finally {
      wrapper.unmount()
    }
  })
})
