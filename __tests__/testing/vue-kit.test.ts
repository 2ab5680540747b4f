// The jsdom kit for Vue apps: the @tarojs/taro double is the platform of the installed
// simulator, a click on an agree button is the platform's tap, and Taro's page hooks run
// in a Vue setup(). No React is involved (the Vue binding renders plain DOM buttons).
import { flushPromises, mount } from '@vue/test-utils'
import Taro, { useLoad } from '@tarojs/taro'
import { defineComponent, h, ref } from 'vue'
import { createPrivacySimulator, installSimulator } from '../../src/testing'
import { createPrivacy, PrivacyAgreeButton, PrivacyModal, usePrivacyGate } from '../../src/vue'

const Page = defineComponent({
  setup() {
    const gate = usePrivacyGate()
    const result = ref('')
    const loaded = ref(false)
    useLoad(() => (loaded.value = true))
    const pick = () =>
      gate
        .require()
        .then(() => Taro.chooseMedia({ count: 1 }))
        .then(() => (result.value = 'picked'))
        .catch(() => (result.value = 'refused'))
    return () => h('view', [h('button', { class: 'pick', onClick: pick }, '选择图片'), h('text', { class: 'loaded' }, String(loaded.value)), h('text', { class: 'result' }, result.value), h(PrivacyModal)])
  },
})

afterEach(() => document.body.replaceChildren())

it('createPrivacy() with no adapter runs on the installed simulator; a click on 同意 is the platform tap', async () => {
  const sim = installSimulator(createPrivacySimulator())
  const wrapper = mount(Page, { attachTo: document.body, global: { plugins: [createPrivacy()] } })
  await flushPromises()
  expect(wrapper.find('.loaded').text()).toBe('true')
  await wrapper.find('.pick').trigger('click')
  await new Promise((resolve) => setTimeout(resolve, 10))
  await flushPromises()
  expect(wrapper.find('.tp-mask').exists()).toBe(true)
  await wrapper.find('.tp-agree-button').trigger('click')
  await new Promise((resolve) => setTimeout(resolve, 10))
  await flushPromises()
  expect(wrapper.find('.result').text()).toBe('picked')
  expect(sim.requests.map((request) => [request.referrer, request.settled])).toEqual([['requirePrivacyAuthorize', 'agree']])
  expect(sim.violations).toEqual([])
  wrapper.unmount()
})

it('a combined open-type fires its other event too, after the agree', async () => {
  const sim = installSimulator(createPrivacySimulator({ latency: 0 }))
  const events: string[] = []
  const wrapper = mount(
    () =>
      h(
        PrivacyAgreeButton,
        { openType: 'getPhoneNumber|agreePrivacyAuthorization', onAgree: () => events.push('agree'), onGetphonenumber: (event: CustomEvent) => events.push('phone ' + Object.keys(event.detail).join()) },
        () => '同意并授权手机号',
      ),
    { attachTo: document.body, global: { plugins: [createPrivacy()] } },
  )
  await flushPromises()
  sim.call('getLocation')
  await wrapper.find('button').trigger('click')
  expect(events[0]).toBe('agree')
  expect(events[1]).toMatch(/^phone /)
  expect(sim.requests[0].settled).toBe('agree')
  wrapper.unmount()
})
