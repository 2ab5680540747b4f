import { AGREE_BUTTON_CLASS, PART_CLASS } from '../../ui/classes'
import { COMBINED_OPEN_TYPE_DETAIL, type PrivacySimulator } from '../simulator'
import type { PageInstance, SimulatedComponent, WeappNode } from './simulate'

/** How the harness finds the consent UI. The defaults are the documented classes of `PrivacyModal` and `PrivacyAgreeButton`. */
export interface ConsentSelectors {
  /** The root of a visible consent UI. Default `.tp-mask` (`PrivacyModal` renders nothing while hidden). */
  consentUI: string
  /** An agree button. Default `.tp-agree-button` (every `PrivacyAgreeButton`). */
  agreeButton: string
  /** The disagree button inside the consent UI. Default `.tp-disagree`. */
  disagreeButton: string
}

export const DEFAULT_SELECTORS: ConsentSelectors = {
  consentUI: '.' + PART_CLASS + 'mask',
  agreeButton: '.' + AGREE_BUTTON_CLASS,
  disagreeButton: '.' + PART_CLASS + 'disagree',
}

/** An element of the page: a selector (`'#login'`, `'.pick'`) or the exact text it shows (`{ text: '选择图片' }`). */
export type Target = string | { text: string }

export interface AgreeOptions {
  /** Tap this agree button (anywhere on the page, e.g. a phone-login button) instead of the one in the visible consent UI. */
  button?: Target
  /** `detail` of the second event of a combined open-type (e.g. `{ code }` for `getphonenumber`). */
  detail?: Record<string, unknown>
}

/** A page of the running app, as the user sees and touches it. Actions wait for the app to settle. */
export interface WeappPage {
  readonly route: string
  readonly query: Readonly<Record<string, string>>
  /** The page instance (`data`, `setData`, lifecycle methods). */
  readonly instance: PageInstance
  /** The rendered page (miniprogram-simulate's component). */
  readonly component: SimulatedComponent
  /** The page's text, as rendered. */
  text(): string
  /** The first element matching the target; throws when there is none. */
  find(target: Target): WeappNode
  /** Every element matching `selector` (maybe none). */
  findAll(selector: string): WeappNode[]
  /** An attribute of the element (e.g. `openType`, `id`). */
  attribute(target: Target, name: string): unknown
  /**
   * The user taps the element. A button with a privacy open-type acts as on the platform:
   * an agree button (`agreePrivacyAuthorization`, alone or combined as
   * `getPhoneNumber|agreePrivacyAuthorization`, …) agrees as `agree({ button })` does;
   * `getPhoneNumber` / `getRealtimePhoneNumber` alone is intercepted while consent is missing
   * (referrer `button.getPhoneNumber`), and fires `getphonenumber` once the platform lets
   * it through, or with a `…:fail` `errMsg` when the user refuses.
   */
  tap(target: Target): Promise<void>
  /** Types `value` into an `<Input>` / `<Textarea>` (fires `input` with `detail.value`). */
  input(target: Target, value: string): Promise<void>
  /** Fires any component event, e.g. `trigger('#nickname', 'focus', { value: '' })`. */
  trigger(target: Target, event: string, detail?: unknown): Promise<void>
  /** The visible consent UIs on this page (0 or 1 in a correct app). */
  consentUIs(): WeappNode[]
  /**
   * The user taps agree the way the platform sees it: the platform records the tap of the
   * button's id, then the button fires `tap`, `agreeprivacyauthorization` and, for a
   * combined open-type, `getphonenumber` / `getrealtimephonenumber` / `getuserinfo`.
   * Returns the button id (the `buttonId` the app must send).
   */
  agree(options?: AgreeOptions): Promise<string>
  /** The user taps the disagree button of the visible consent UI. */
  disagree(): Promise<void>
}

/** Open-types the platform intercepts while consent is missing, like a privacy API (referrer `button.<openType>`). */
const INTERCEPTED_OPEN_TYPES = ['getPhoneNumber', 'getRealtimePhoneNumber']

const describe = (target: Target) => (typeof target === 'string' ? `"${target}"` : `the text ${JSON.stringify(target.text)}`)

/** The innermost element of `root` whose whole text is `text`. */
function elementWithText(root: Element | undefined, text: string): Element | undefined {
  const matches = Array.from(root?.querySelectorAll('*') ?? []).filter((element) => element.textContent?.trim() === text)
  return matches.find((element) => !matches.some((other) => other !== element && element.contains(other)))
}

function attributeOf(node: WeappNode, name: string): unknown {
  return node.toJSON().attrs.find((attr) => attr.name === name)?.value
}

export function createPage(
  route: string,
  query: Record<string, string>,
  component: SimulatedComponent,
  context: { sim: PrivacySimulator; selectors: ConsentSelectors; settle: () => Promise<void> },
): WeappPage {
  const { sim, selectors, settle } = context
  const text = () => component.dom?.textContent ?? ''
  // j-component selects by id and class only; an element found by its text is wrapped the way j-component wraps its nodes.
  const NodeOf = Object.getPrototypeOf(Object.getPrototypeOf(component)).constructor as new (element: unknown) => WeappNode
  const lookup = (target: Target): WeappNode | null => {
    if (typeof target === 'string') return component.querySelector(target)
    const element = elementWithText(component.dom, target.text) as (Element & { __wxElement?: unknown }) | undefined
    return element?.__wxElement ? new NodeOf(element.__wxElement) : null
  }
  const find = (target: Target) => {
    const node = lookup(target)
    if (!node) throw new Error(`[taro-privacy] nothing matches ${describe(target)} on ${route}. The page shows: ${JSON.stringify(text().slice(0, 300))}`)
    return node
  }
  const consentUIs = () => component.querySelectorAll(selectors.consentUI)
  const visibleConsentUI = () => {
    const uis = consentUIs()
    if (uis.length === 0)
      throw new Error(`[taro-privacy] no consent UI visible on ${route} (nothing matches "${selectors.consentUI}"): has the app made a privacy call, or called open()?`)
    if (uis.length > 1) throw new Error(`[taro-privacy] ${route} shows ${uis.length} consent UIs ("${selectors.consentUI}"); a page should show one.`)
    return uis[0]
  }
  /** The element matching `selector` inside the visible consent UI (j-component queries stop at component boundaries, so by DOM). */
  const inConsentUI = (selector: string) => {
    const ui = visibleConsentUI().dom
    const node = component.querySelectorAll(selector).find((candidate) => !!candidate.dom && !!ui?.contains(candidate.dom))
    if (!node) throw new Error(`[taro-privacy] the consent UI on ${route} has no "${selector}"`)
    return node
  }

  return {
    route,
    query,
    instance: component.instance,
    component,
    text,
    find,
    findAll: (selector) => component.querySelectorAll(selector),
    attribute: (target, name) => attributeOf(find(target), name),
    async tap(target) {
      const node = find(target)
      const openType = String(attributeOf(node, 'openType') ?? '')
      if (openType.split('|').includes('agreePrivacyAuthorization')) return void (await agreeWith(node, target))
      node.dispatchEvent('tap')
      if (INTERCEPTED_OPEN_TYPES.includes(openType)) {
        const event = openType.toLowerCase()
        sim.call(`button.${openType}`, {
          success: () => node.dispatchEvent(event, { detail: { ...COMBINED_OPEN_TYPE_DETAIL[openType] } }),
          fail: (failure) => node.dispatchEvent(event, { detail: failure }),
        })
      }
      await settle()
    },
    async input(target, value) {
      find(target).dispatchEvent('input', { detail: { value, cursor: value.length, keyCode: 0 } })
      await settle()
    },
    async trigger(target, event, detail = {}) {
      find(target).dispatchEvent(event, { detail })
      await settle()
    },
    consentUIs,
    async agree({ button, detail } = {}) {
      return agreeWith(button ? find(button) : inConsentUI(selectors.agreeButton), button, detail)
    },
    async disagree() {
      inConsentUI(selectors.disagreeButton).dispatchEvent('tap')
      await settle()
    },
  }

  async function agreeWith(node: WeappNode, button?: Target, detail?: Record<string, unknown>): Promise<string> {
    const id = attributeOf(node, 'id')
    if (typeof id !== 'string' || !id) throw new Error(`[taro-privacy] the agree button on ${route} has no id: the platform checks the tap by id`)
    const openType = String(attributeOf(node, 'openType') ?? '')
    if (!openType.split('|').includes('agreePrivacyAuthorization'))
      throw new Error(`[taro-privacy] ${describe(button!)} on ${route} is not an agree button (open-type "${openType}")`)
    sim.tapAgreeButton(id)
    node.dispatchEvent('tap')
    node.dispatchEvent('agreeprivacyauthorization', { detail: { errMsg: 'agreePrivacyAuthorization:ok' } })
    const [other] = openType.split('|')
    if (other !== 'agreePrivacyAuthorization') node.dispatchEvent(other.toLowerCase(), { detail: detail ?? COMBINED_OPEN_TYPE_DETAIL[other] })
    await settle()
    return id
  }
}
