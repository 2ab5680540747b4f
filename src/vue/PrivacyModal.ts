import {
  defineComponent,
  getCurrentInstance,
  h,
  inject,
  mergeProps,
  onMounted,
  onUnmounted,
  shallowRef,
  watchEffect,
  type InjectionKey,
  type PropType,
  type Slot,
  type SlotsType,
  type StyleValue,
  type ExtractPublicPropTypes,
  type FunctionalComponent,
} from 'vue'
import { warn } from '../core/dev'
import type { PrivacyError } from '../core/errors'
import type { PrivacyGate } from '../core/types'
import type { PrivacyAgreeOpenType } from '../ui/agree'
import { PART_CLASS, STYLED_ROOT_CLASS, type PrivacyModalPart } from '../ui/classes'
import { currentPage, findTopPage, holdTabBarHidden, pageHolding, subscribeToPageChanges, type TopPage } from '../ui/pages'
import { ownModalGone } from '../ui/portal'
import { AGREE_TEXT, CONTENT_AFTER, CONTENT_BEFORE, CONTRACT_NAME, DISAGREE_TEXT, TITLE } from '../ui/text'
import { injectStore } from './context'
import { BUTTON, el, TEXT, VIEW } from './elements'
import { PrivacyAgreeButton } from './PrivacyAgreeButton'
import { usePrivacyGate } from './usePrivacyGate'

/** The contract as the `link` and `content` slots receive it. */
export interface PrivacyContractLink {
  /** The contract name to show. */
  name: string
  /** Opens the contract (`gate.openContract()`); a failure goes to `onContractError`. */
  open: () => void
}

/** The page `PrivacyModalPortal` renders into (its page on top), for the modals it renders. */
export const PORTAL_PAGE: InjectionKey<TopPage> = Symbol('taro-privacy-page')

/** The slots of `PrivacyModal`, by the props each receives. */
export interface PrivacyModalSlots {
  /** Replaces the title text. */
  title?: Record<string, never>
  /** Replaces the title and text; the buttons stay. */
  body?: { gate: PrivacyGate }
  /** Lays out the text around the contract link: render `Link` (`<component :is="Link" />`) where it goes. */
  content?: { gate: PrivacyGate; contract: PrivacyContractLink; Link: FunctionalComponent }
  /** Replaces the contract link element. */
  link?: { contract: PrivacyContractLink }
  /** Replaces the agree button's text (`agreeText`). */
  agree?: Record<string, never>
  /** Replaces the disagree button's text (`disagreeText`). */
  disagree?: Record<string, never>
}

/**
 * `SlotsType` of optional slots: each slot an optional function of its props. (A `?` on the
 * props, as in `PrivacyModalSlots`, would make the props themselves possibly `undefined` in
 * templates: `#content="{ Link }"` would not type-check.) Slots without props take none.
 */
export type OptionalSlots<S> = { [K in keyof S]?: Slot<Record<string, never> extends NonNullable<S[K]> ? undefined : NonNullable<S[K]>> }

export const modalProps = {
  title: { type: String, default: TITLE },
  /** Text before the contract name. */
  contentBefore: { type: String, default: CONTENT_BEFORE },
  /** Text after the contract name. */
  contentAfter: { type: String, default: CONTENT_AFTER },
  /** Default: the name the platform reports, or `《用户隐私保护指引》`. */
  contractName: String,
  agreeText: { type: String, default: AGREE_TEXT },
  disagreeText: { type: String, default: DISAGREE_TEXT },
  /** Default `agreePrivacyAuthorization`. */
  agreeOpenType: String as PropType<PrivacyAgreeOpenType>,
  /** Attributes and listeners for the agree button (`id`, `class`, `style`, `onAgree`, `onGetphonenumber`, …). */
  agreeButtonProps: Object as PropType<Record<string, unknown>>,
  /** Attributes and listeners for the disagree button; its `onTap` runs after the disagree. */
  disagreeButtonProps: Object as PropType<Record<string, unknown>>,
  /** Extra classes per part; every part also has a `tp-<part>` class. */
  classNames: Object as PropType<Partial<Record<PrivacyModalPart, string>>>,
  /** Inline styles per part, over the stylesheet's look (the package's `dist/modal.css`). */
  styles: Object as PropType<Partial<Record<PrivacyModalPart, StyleValue>>>,
  /** Drop the stylesheet's look (the mask loses the class `tp-modal` its rules need): style it all yourself. */
  unstyled: Boolean,
  /** `false`: the disagree button answers the waiting calls but the consent UI stays up. Default true. */
  dismissible: { type: Boolean, default: true },
  /** Hide the native tab bar while the consent UI shows on a tab page. Default: `true` with `dismissible: false`. */
  hideTabBar: { type: Boolean, default: undefined },
  /** The mask stops touch-move, so the page underneath does not scroll. Default true. */
  catchMove: { type: Boolean, default: true },
  /** The contract link failed to open (e.g. the agreement page's route is wrong). Default: a development warning. */
  onContractError: Function as PropType<(error: PrivacyError) => void>,
}

/** The props of `PrivacyModal` (in templates also kebab-case: `contract-name`, `@contract-error`), with its `disagree` listener. */
export type PrivacyModalProps = ExtractPublicPropTypes<typeof modalProps> & {
  /** The `disagree` event: after the disagree button answered the waiting calls. */
  onDisagree?: () => void
}

/** The prebuilt consent UI. Renders nothing while the consent UI is not visible. Other attributes (`class`, …) go on the mask. */
export const PrivacyModal = /*#__PURE__*/ defineComponent({
  name: 'PrivacyModal',
  props: modalProps,
  emits: {
    /** After the disagree button answered the waiting calls (and hid the UI unless `dismissible: false`). */
    disagree: () => true,
  },
  slots: Object as SlotsType<OptionalSlots<PrivacyModalSlots>>,
  setup(props, { emit, slots }) {
    const store = injectStore('PrivacyModal')
    const gate = usePrivacyGate()
    // The page this modal is in: the portal's page, or the page Taro loads or shows as it
    // mounts. It is on screen, and declared for exposureAuthorization, only while its page
    // is on top (see the React PrivacyModal). Where there are no Taro pages it always is.
    const portalPage = inject(PORTAL_PAGE, null)
    // Off screen until its page is known (at mount): nothing is exposed from a covered page.
    const onScreen = shallowRef(!!portalPage)
    const page = shallowRef<TopPage | null>(portalPage)
    let stopWatchingPages: (() => void) | undefined
    const instance = getCurrentInstance()
    onMounted(() => {
      if (portalPage) return
      // The page holding this modal's node (its placeholder while hidden), else the page Taro loads or shows.
      const own = pageHolding(instance && instance.vnode.el) || currentPage()
      page.value = own
      if (!own) return void (onScreen.value = true)
      const update = () => {
        const top = findTopPage()
        onScreen.value = !top || top.root === own.root
      }
      update()
      stopWatchingPages = subscribeToPageChanges(update)
    })
    onUnmounted(() => {
      if (stopWatchingPages) stopWatchingPages()
      if (!portalPage) ownModalGone()
    })
    watchEffect((onCleanup) => {
      if (onScreen.value) onCleanup(store.attachUI())
    })
    watchEffect((onCleanup) => {
      const hideTabBar = props.hideTabBar === undefined ? !props.dismissible : props.hideTabBar
      if (gate.visible && onScreen.value && hideTabBar && page.value) onCleanup(holdTabBarHidden(page.value.route))
    })

    const part = (name: PrivacyModalPart, extra?: unknown, style?: unknown): Record<string, unknown> => ({
      class: [name === 'mask' && !props.unstyled ? STYLED_ROOT_CLASS : '', PART_CLASS + name, props.classNames && props.classNames[name], extra],
      style: (props.styles && props.styles[name]) || style,
    })
    const contract: PrivacyContractLink = {
      get name() {
        return props.contractName || gate.contractName || CONTRACT_NAME
      },
      open: () => {
        gate.openContract().catch((error: PrivacyError) => {
          if (props.onContractError) props.onContractError(error)
          else if (process.env.NODE_ENV !== 'production') warn('The contract did not open; pass onContractError to tell the user.', error)
        })
      },
    }
    const Link: FunctionalComponent = () => (slots.link ? slots.link({ contract }) : el(TEXT, Object.assign(part('link'), { onTap: contract.open }), contract.name))

    return () => {
      if (!gate.visible) return null
      const agreeButtonProps = props.agreeButtonProps || {}
      const disagreeButtonProps = props.disagreeButtonProps || {}
      const keepOpen = !props.dismissible
      const body = slots.body
        ? slots.body({ gate })
        : [
            el(VIEW, part('title'), slots.title ? slots.title() : props.title),
            el(
              VIEW,
              part('body'),
              slots.content ? slots.content({ gate, contract, Link }) : [props.contentBefore, h(Link), props.contentAfter],
            ),
          ]
      return el(VIEW, Object.assign(part('mask'), { catchMove: props.catchMove || undefined }), [
        el(VIEW, part('panel'), [
          body,
          el(VIEW, part('actions'), [
            el(
              BUTTON,
              // mergeProps: the app's classes and listeners (`onTap` after the disagree) join the part's; `styles` wins over a style.
              Object.assign(
                mergeProps(
                  part('disagree'),
                  {
                    onTap: () => {
                      gate.disagree({ keepOpen })
                      emit('disagree')
                    },
                  },
                  disagreeButtonProps,
                ),
                props.styles && props.styles.disagree ? { style: props.styles.disagree } : null,
              ),
              slots.disagree ? slots.disagree() : props.disagreeText,
            ),
            h(
              PrivacyAgreeButton,
              Object.assign({}, agreeButtonProps, part('agree', agreeButtonProps.class, agreeButtonProps.style), { openType: props.agreeOpenType }),
              () => (slots.agree ? slots.agree() : props.agreeText),
            ),
          ]),
        ]),
      ])
    }
  },
})
