import { enableAutoUnmount, flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { defineComponent, h, type Component, type Plugin } from 'vue'
import { createMiniProgramAdapter, type PrivacyAdapter } from '../../src/core'
import { createPrivacySimulator, type PrivacySimulator, type PrivacySimulatorOptions } from '../../src/testing'
import { createPrivacy, usePrivacyGate, type PrivacyGate, type PrivacyPlugin, type PrivacyPluginOptions } from '../../src/vue'

// Each test is a fresh app: what a test mounted is unmounted after it.
enableAutoUnmount(afterEach)

export interface VueHarness {
  wrapper: VueWrapper
  sim: PrivacySimulator
  adapter: PrivacyAdapter
  plugin: PrivacyPlugin
  /** The gate as a component of the app sees it. */
  gate: PrivacyGate
}

/** Mounts `component` in an app that installed `createPrivacy()` on a fresh simulator (then `plugins`), and lets the initial check land. */
export async function mountWithPrivacy(
  component: Component,
  { sim: simOptions, plugins = [], ...options }: { sim?: PrivacySimulatorOptions; plugins?: Plugin[] } & PrivacyPluginOptions = {},
): Promise<VueHarness> {
  // latency 0: the simulated platform answers inside the call, so tests step through flows synchronously
  const sim = createPrivacySimulator({ latency: 0, ...simOptions })
  const adapter = options.adapter ?? createMiniProgramAdapter(sim.api, simOptions?.platform)
  const plugin = createPrivacy({ adapter, ...options })
  let gate!: PrivacyGate
  const Root = defineComponent({
    setup() {
      gate = usePrivacyGate()
      return () => h(component)
    },
  })
  const wrapper = mount(Root, { attachTo: document.body, global: { plugins: [plugin, ...plugins] } })
  await flushPromises()
  return { wrapper, sim, adapter, plugin, gate }
}

/**
 * What the platform does when the user taps an agree button: it records the tap, then fires
 * `agreeprivacyauthorization` and, for a combined open-type, the other event.
 */
export async function tapAgree(sim: PrivacySimulator, button: Element, detail: object = {}): Promise<void> {
  sim.tapAgreeButton(button.id)
  const [other] = (button.getAttribute('opentype') ?? '').split('|').reverse().slice(1)
  button.dispatchEvent(new CustomEvent('agreeprivacyauthorization', { detail: {} }))
  if (other) button.dispatchEvent(new CustomEvent(other.toLowerCase(), { detail }))
  await flushPromises()
}
