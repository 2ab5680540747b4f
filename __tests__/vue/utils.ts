import { enableAutoUnmount, flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { defineComponent, h, onMounted, onUnmounted, type Component, type Plugin } from 'vue'
import { createMiniProgramAdapter, type PrivacyAdapter } from '../../src/core'
import { createPrivacySimulator, type PrivacySimulator, type PrivacySimulatorOptions } from '../../src/testing'
import { createPrivacy, createPrivacyPortal, usePrivacyGate, usePrivacyStore, type PrivacyGate, type PrivacyPlugin, type PrivacyPluginOptions, type PrivacyPortalOptions } from '../../src/vue'

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

/** Mounts `component` in an app that installed `createPrivacy()` on a fresh simulator (then `createPrivacyPortal(portal)` and `plugins`), and lets the initial check land. */
export async function mountWithPrivacy(
  component: Component,
  { sim: simOptions, portal, plugins = [], ...options }: { sim?: PrivacySimulatorOptions; portal?: true | PrivacyPortalOptions; plugins?: Plugin[] } & PrivacyPluginOptions = {},
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
  const wrapper = mount(Root, { attachTo: document.body, global: { plugins: [plugin, ...(portal ? [createPrivacyPortal(portal === true ? {} : portal)] : []), ...plugins] } })
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

/** Declares a consent UI on screen without rendering one (as `PrivacyModal` does), for tests about something else. */
export const ConsentUIOnScreen = defineComponent({
  name: 'ConsentUIOnScreen',
  setup() {
    const store = usePrivacyStore()
    let detach: (() => void) | undefined
    onMounted(() => (detach = store.attachUI()))
    onUnmounted(() => detach?.())
    return () => null
  },
})

export interface CallOutcome {
  success: number
  fail: number
  errMsg?: string
}

/** A privacy API call as the app makes it, with its outcome recorded; lets Vue render what it changed. */
export async function callApi(sim: PrivacySimulator, name: string): Promise<CallOutcome> {
  const outcome: CallOutcome = { success: 0, fail: 0 }
  sim.call(name, {
    success: () => void outcome.success++,
    fail: (failure) => {
      outcome.fail++
      outcome.errMsg = failure.errMsg
    },
  })
  await flushPromises()
  return outcome
}

/** A click on `element`, then Vue renders what it changed. */
export async function click(element: Element): Promise<void> {
  ;(element as HTMLElement).click()
  await flushPromises()
}

/** The element whose whole text is `text` (like testing-library's `getByText`); throws when there is none. */
export function byText(text: string, root: ParentNode = document): HTMLElement {
  const found = Array.from(root.querySelectorAll<HTMLElement>('*')).filter((element) => element.textContent === text && !Array.from(element.children).some((child) => child.textContent === text))
  if (found.length !== 1) throw new Error(`${found.length} elements with the text "${text}"`)
  return found[0]
}
