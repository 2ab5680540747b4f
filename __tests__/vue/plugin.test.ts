import { flushPromises, mount } from '@vue/test-utils'
import { createApp, defineComponent, h, nextTick, reactive, ref } from 'vue'
import { createMiniProgramAdapter, createPrivacyStore } from '../../src/core'
import { createPrivacySimulator } from '../../src/testing'
import { createPrivacy, createPrivacyPortal, PrivacyAgreeButton, PrivacyModal, usePrivacyGate, usePrivacySelector, usePrivacyStore } from '../../src/vue'
import { mountWithPrivacy, tapAgree } from './utils'

describe('createPrivacy', () => {
  it.each([
    ['usePrivacyGate', () => usePrivacyGate()],
    ['usePrivacySelector', () => usePrivacySelector((state) => state.status)],
    ['usePrivacyStore', () => usePrivacyStore()],
  ])('%s outside an app that installed it says what to do', (name, use) => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
    const Probe = defineComponent({ setup: () => (use(), () => null) })
    expect(() => mount(Probe)).toThrow(`\`${name}\` must be used within an app that installed \`createPrivacy()\`: \`app.use(createPrivacy())\` in app.ts.`)
    warn.mockRestore()
  })

  it.each([
    ['PrivacyAgreeButton', PrivacyAgreeButton],
    ['PrivacyModal', PrivacyModal],
  ])('<%s> outside an app that installed it says what to do', (name, component) => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
    expect(() => mount(component)).toThrow(`\`${name}\` must be used within an app that installed`)
    warn.mockRestore()
  })

  it('mounts the store with the app: interceptions reach it, and app.unmount() cancels what waits', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
    const { wrapper, sim, gate } = await mountWithPrivacy(() => null)
    sim.call('getLocation')
    expect(gate.pending).toHaveLength(1)
    const waiting = gate.require()
    let outcome: unknown
    waiting.catch((error) => (outcome = error))
    await flushPromises()
    expect(gate.pending.map((request) => request.referrer)).toEqual(['getLocation', 'requirePrivacyAuthorize'])
    wrapper.unmount()
    await flushPromises()
    expect(outcome).toMatchObject({ code: 'DESTROYED', errMsg: 'require:fail unmount' })
    // Nothing is left pending on the platform either: the unmounted app's call is refused.
    expect(sim.pending).toHaveLength(0)
    expect(sim.requests.map((request) => request.settled)).toEqual(['disagree', 'disagree'])
    expect(warn.mock.calls).toEqual([[expect.stringContaining('"getLocation" is waiting for consent but no consent UI is mounted')]])
    warn.mockRestore()
  })

  it('gives the same store to every component and to code outside them (plugin.store)', async () => {
    let inside: unknown
    const { plugin } = await mountWithPrivacy(defineComponent({ setup: () => ((inside = usePrivacyStore()), () => null) }))
    expect(inside).toBe(plugin.store)
  })

  it('reads cooldownMs, openOnRequired, onRequest and contract.open from the options object at each use (a reactive() object works)', async () => {
    const sim = createPrivacySimulator({ latency: 0 })
    const seen: string[] = []
    const options = reactive({
      adapter: createMiniProgramAdapter(sim.api),
      onRequest: (request: { referrer: string }) => void seen.push('first ' + request.referrer),
      contract: { open: () => Promise.resolve(seen.push('first open')).then(() => undefined) },
    })
    const plugin = createPrivacy(options)
    mount(() => null, { global: { plugins: [plugin] } })
    await flushPromises()
    sim.call('getLocation')
    options.onRequest = (request) => void seen.push('second ' + request.referrer)
    options.contract = { open: () => Promise.resolve(seen.push('second open')).then(() => undefined) }
    sim.call('getClipboardData')
    await plugin.store.openContract()
    expect(seen).toEqual(['first getLocation', 'second getClipboardData', 'second open'])
  })

  it('with a store of the app, provides it, mounts it and warns about the options it ignores', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
    const sim = createPrivacySimulator({ latency: 0 })
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api) })
    store.attachUI()
    const plugin = createPrivacy({ store, cooldownMs: 1000 })
    expect(warn).toHaveBeenCalledWith('[taro-privacy] createPrivacy: with a `store`, cooldownMs are ignored; give them to createPrivacyStore.')
    warn.mockRestore()
    expect(plugin.store).toBe(store)
    const wrapper = mount(() => null, { global: { plugins: [plugin] } })
    sim.call('getLocation')
    expect(store.getState().pending).toHaveLength(1)
    wrapper.unmount()
    await flushPromises()
    // Unmounting the app releases the store; it is the app's store, so it is not destroyed.
    expect(sim.pending).toHaveLength(0)
    mount(() => null, { global: { plugins: [plugin] } })
    sim.call('getClipboardData')
    expect(store.getState().pending).toHaveLength(1)
  })

  it('createPrivacyPortal: shows PrivacyModal in the page on top while consent is needed, and goes with the app', async () => {
    const { sim, wrapper } = await mountWithPrivacy(() => null, { plugins: [createPrivacyPortal({ title: '隐私' })] })
    const page = document.getElementById('taro-privacy-test-page') as HTMLElement
    expect(page.querySelector('.tp-mask')).toBeNull()
    sim.call('getLocation')
    await flushPromises()
    expect(page.querySelector('.tp-title')?.textContent).toBe('隐私')
    // The consent UI is on screen: the platform heard of it once.
    expect(sim.requests[0].events).toEqual(['exposureAuthorization'])
    await tapAgree(sim, page.querySelector('.tp-agree-button') as Element)
    expect(sim.requests[0].settled).toBe('agree')
    expect(page.querySelector('.tp-mask')).toBeNull()
    sim.revokeConsent()
    sim.call('getClipboardData')
    await flushPromises()
    expect(page.querySelector('.tp-mask')).not.toBeNull()
    wrapper.unmount()
    await flushPromises()
    expect(page.querySelector('.tp-mask')).toBeNull()
    expect(sim.pending).toHaveLength(0)
  })

  it('createPrivacyPortal works installed before createPrivacy too: it renders when the app mounts', async () => {
    const sim = createPrivacySimulator({ latency: 0 })
    mount(() => null, { global: { plugins: [createPrivacyPortal(), createPrivacy({ adapter: createMiniProgramAdapter(sim.api) })] } })
    await flushPromises()
    sim.call('getLocation')
    await flushPromises()
    expect(document.querySelector('#taro-privacy-test-page .tp-mask')).not.toBeNull()
  })

  it('regression: an app that installed createPrivacy() but never mounted held the platform’s calls (the store mounted at install)', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
    const sim = createPrivacySimulator({ latency: 0 })
    createApp(() => null).use(createPrivacy({ adapter: createMiniProgramAdapter(sim.api) }))
    sim.call('getLocation')
    await flushPromises()
    expect(sim.requests[0].settled).toBe('disagree')
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"getLocation" needed privacy consent while no PrivacyProvider, Vue app with createPrivacy()'))
    warn.mockRestore()
  })

  it('usePrivacySelector gives a ref that changes only when its slice does', async () => {
    const seen: string[] = []
    let pendingCount!: { value: number }
    const Probe = defineComponent({
      setup() {
        pendingCount = usePrivacySelector((state) => state.pending.length)
        const status = usePrivacySelector((state) => state.status)
        return () => (seen.push(status.value), h('p', status.value))
      },
    })
    const { sim } = await mountWithPrivacy(Probe)
    expect(seen).toEqual(['checking', 'required'])
    sim.call('getLocation')
    sim.call('getClipboardData')
    await nextTick()
    // pending changed, status did not: the probe did not render again.
    expect(pendingCount.value).toBe(2)
    expect(seen).toEqual(['checking', 'required'])
  })

  it('usePrivacySelector: a selector that reads another ref runs again when that ref changes', async () => {
    const threshold = ref(1)
    let many!: { value: boolean }
    const Probe = defineComponent({
      setup() {
        many = usePrivacySelector((state) => state.pending.length >= threshold.value)
        return () => null
      },
    })
    const { sim } = await mountWithPrivacy(Probe, { sim: { needAuthorization: true } })
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
    sim.call('getLocation')
    expect(many.value).toBe(true)
    threshold.value = 2
    expect(many.value).toBe(false)
    await flushPromises()
    warn.mockRestore()
  })
})
