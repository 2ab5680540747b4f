import { defineComponent, h, nextTick, onMounted, onScopeDispose, onUnmounted, onUpdated, provide, shallowRef, Teleport, watch, type PropType, type SlotsType } from 'vue'
import type { PrivacyStore } from '../core/types'
import { findTopPage, normalizeRoute, subscribeToPageChanges, type PageRoot } from '../ui/pages'
import { LOST_PAGE_MS, nextPortalPages, onOwnModalGone, reportLostPage } from '../ui/portal'
import { injectStore } from './context'
import { modalProps, PORTAL_PAGE, PrivacyModal, type OptionalSlots, type PrivacyModalSlots } from './PrivacyModal'

/** The consent UI in one page: gives it the page, and declares an app's own UI on screen. */
const PortalPage = /*#__PURE__*/ defineComponent({
  props: { page: { type: Object as PropType<PageRoot>, required: true }, own: Boolean },
  setup(props, { slots }) {
    provide(PORTAL_PAGE, { root: props.page, route: normalizeRoute(props.page.id) })
    const store = injectStore('PrivacyModalPortal')
    if (props.own) onMounted(() => onScopeDispose(store.attachUI()))
    return () => slots.default && slots.default()
  },
})

/** The portal's own props; it also takes `PrivacyModal`'s props and slots, for the modal it shows. */
export interface PrivacyModalPortalProps {
  /** Pages where the portal never shows the consent UI: routes such as `pages/webview/index`, or a test on the route. */
  exclude?: readonly string[] | ((route: string) => boolean)
  /** Ask the platform again (`refresh()`) each time a page shows. Default false. */
  recheckOnShow?: boolean
}

/**
 * `PrivacyModal` (or your own consent UI, the default slot) teleported into the page on top,
 * so an app needs no consent UI on each page; see the React `PrivacyModalPortal`.
 * `createPrivacyPortal()` mounts it with the app (a Taro Vue app has no root template).
 * Renders nothing where there are no Taro pages (e.g. under jest).
 */
export const PrivacyModalPortal = /*#__PURE__*/ defineComponent({
  name: 'PrivacyModalPortal',
  inheritAttrs: false,
  props: Object.assign({}, modalProps, {
    exclude: [Array, Function] as PropType<NonNullable<PrivacyModalPortalProps['exclude']>>,
    recheckOnShow: Boolean,
  }),
  slots: Object as SlotsType<OptionalSlots<PrivacyModalSlots & { default?: Record<string, never> }>>,
  setup(props, { attrs, slots }) {
    const store: PrivacyStore = injectStore('PrivacyModalPortal')
    const visible = shallowRef(store.getState().visible)
    onScopeDispose(store.subscribe(() => (visible.value = store.getState().visible)))
    // The page showing the consent UI and every live page that has a host node; `sync`
    // updates them after the DOM may have changed (a render, another page on top, a page's
    // own modal) and the portal renders again when they change.
    const target = shallowRef<PageRoot | null>(null)
    const pages = shallowRef<PageRoot[]>([])
    const hosts = new Map<PageRoot, unknown>()
    let lostTimer: ReturnType<typeof setTimeout> | undefined
    let reported = false

    // What the portal passes on to its PrivacyModal: the modal's props (not the portal's own) and the attributes (`class`, `onDisagree`, …).
    const modalPropsAndAttrs = () => {
      const passed: Record<string, unknown> = Object.assign({}, attrs)
      Object.keys(modalProps).forEach((name) => (passed[name] = props[name as keyof typeof modalProps]))
      return passed
    }

    const sync = () => {
      // No page on top while the consent UI should show (reportLostPage).
      if (visible.value && !findTopPage()) {
        if (!lostTimer && !reported)
          lostTimer = setTimeout(() => {
            lostTimer = undefined
            if (reported || findTopPage() || !store.getState().pending.length) return
            reported = true
            reportLostPage()
          }, LOST_PAGE_MS)
      } else if (lostTimer) {
        clearTimeout(lostTimer)
        lostTimer = undefined
      }
      const next = nextPortalPages({ target: target.value, pages: pages.value }, visible.value, props.exclude, hosts)
      if (!next) return
      const gone = pages.value.filter((page) => next.pages.indexOf(page) < 0)
      target.value = next.target
      pages.value = next.pages
      // A page gone: its host goes too, once its Teleport has left it.
      if (gone.length) void nextTick(() => gone.forEach(dropHost))
    }

    onMounted(sync)
    onUpdated(() => {
      attachHosts()
      sync()
    })
    watch(visible, sync, { flush: 'post' })
    onScopeDispose(
      subscribeToPageChanges(() => {
        void nextTick(sync)
        if (props.recheckOnShow) void store.refresh()
      }),
    )
    // A page's own consent UI went: the portal may have stepped aside for it.
    onScopeDispose(onOwnModalGone(() => void nextTick(sync)))
    onScopeDispose(() => clearTimeout(lostTimer))

    // Each page's host node, appended to the page root once, by the portal: Vue's Teleport puts
    // anchors into its target and inserts before them, and an insertion into the page root makes
    // Taro send the root's whole child list again (the page's own content too). Inside the host,
    // only the consent UI is sent. The host stays, empty, until the page is gone.
    const hostOf = (page: PageRoot): Element => {
      let host = hosts.get(page) as Element | undefined
      if (!host) {
        host = document.createElement(process.env.TARO_ENV === 'h5' ? 'div' : 'view')
        hosts.set(page, host)
      }
      return host
    }
    // A new host joins its page after the render that filled it: one append, with the consent UI in it.
    const attachHosts = () => hosts.forEach((host, page) => void ((host as Element).parentNode || (page as unknown as Element).appendChild(host as Element)))

    const dropHost = (page: PageRoot) => {
      const host = hosts.get(page) as Element | undefined
      if (host && host.parentNode) host.parentNode.removeChild(host)
      hosts.delete(page)
    }

    onUnmounted(() => pages.value.forEach(dropHost))

    return () =>
      pages.value.map((page) =>
        h(
          Teleport,
          { to: hostOf(page), key: page.id },
          visible.value && page === target.value
            ? [h(PortalPage, { page, own: !!slots.default }, () => (slots.default ? slots.default() : h(PrivacyModal, modalPropsAndAttrs(), slots)))]
            : [],
        ),
      )
  },
})
