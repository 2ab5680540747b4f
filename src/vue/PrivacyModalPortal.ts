import { defineComponent, h, nextTick, onMounted, onScopeDispose, onUpdated, provide, shallowRef, Teleport, watch, type PropType, type SlotsType } from 'vue'
import type { PrivacyStore } from '../core/types'
import { PART_CLASS } from '../ui/classes'
import { findTopPage, isInside, isLivePageRoot, normalizeRoute, subscribeToPageChanges, taroVersion, type PageRoot } from '../ui/pages'
import { injectStore } from './context'
import { el, VIEW } from './elements'
import { PORTAL_PAGE, PrivacyModal, type OptionalSlots, type PrivacyModalSlots } from './PrivacyModal'

/** Whether the page shows a consent UI of its own (an explicit `<PrivacyModal/>`), outside `host`. */
function hasOwnModal(root: PageRoot, host: unknown): boolean {
  // Every `PrivacyModal` has the class `tp-mask` on its outermost element.
  const modals = root.getElementsByClassName(PART_CLASS + 'mask')
  for (let i = 0; i < modals.length; i++) {
    if (!host || !isInside(modals[i], host)) return true
  }
  return false
}

function isExcluded(route: string, exclude: PrivacyModalPortalProps['exclude']): boolean {
  if (!exclude) return false
  if (typeof exclude === 'function') return exclude(route)
  return exclude.some((excluded) => normalizeRoute(excluded) === route)
}

/** The consent UI in one page: gives it the page, and declares an app's own UI on screen. */
const PortalPage = defineComponent({
  props: { page: { type: Object as PropType<PageRoot>, required: true }, own: Boolean },
  setup(props, { slots }) {
    provide(PORTAL_PAGE, { root: props.page, route: normalizeRoute(props.page.id) })
    const store = injectStore('PrivacyModalPortal')
    if (props.own) onMounted(() => onScopeDispose(store.attachUI()))
    return () => slots.default && slots.default()
  },
})

/** The portal's props; the other attributes are `PrivacyModal`'s props, and its slots `PrivacyModal`'s. */
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
export const PrivacyModalPortal = defineComponent({
  name: 'PrivacyModalPortal',
  inheritAttrs: false,
  props: {
    exclude: [Array, Function] as PropType<PrivacyModalPortalProps['exclude']>,
    recheckOnShow: Boolean,
  },
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

    const sync = () => {
      const top = visible.value ? findTopPage() : null
      // No page on top while the consent UI should show, for longer than a page takes to
      // load: Taro's internals (read in ui/pages.ts) are not what this version knows. Say so
      // once, in production too; the calls keep waiting (refusing them would report a refusal nobody made).
      if (visible.value && !top) {
        if (!lostTimer && !reported)
          lostTimer = setTimeout(() => {
            lostTimer = undefined
            if (reported || findTopPage() || !store.getState().pending.length) return
            reported = true
            console.error('[taro-privacy] PrivacyModalPortal found no page on top (Taro ' + taroVersion() + '); calls wait unseen')
          }, 3000)
      } else if (lostTimer) {
        clearTimeout(lostTimer)
        lostTimer = undefined
      }
      const next = top && !isExcluded(top.route, props.exclude) && !hasOwnModal(top.root, hosts.get(top.root)) ? top.root : null
      const live = pages.value.filter((page) => page === next || isLivePageRoot(page))
      if (next && live.indexOf(next) < 0) live.push(next)
      if (next === target.value && live.length === pages.value.length) return
      target.value = next
      pages.value = live
    }

    onMounted(sync)
    onUpdated(sync)
    watch(visible, sync, { flush: 'post' })
    onScopeDispose(
      subscribeToPageChanges(() => {
        void nextTick(sync)
        if (props.recheckOnShow) void store.refresh()
      }),
    )
    onScopeDispose(() => clearTimeout(lostTimer))

    return () =>
      pages.value.map((page) =>
        h(Teleport, { to: page as unknown as Element, key: page.id }, [
          el(
            VIEW,
            // On h5 the host is Taro's View component: its element is `$el`.
            { ref: (host: unknown) => void (host ? hosts.set(page, (host as { $el?: unknown }).$el || host) : hosts.delete(page)) },
            visible.value && page === target.value
              ? [h(PortalPage, { page, own: !!slots.default }, () => (slots.default ? slots.default() : h(PrivacyModal, attrs, slots)))]
              : [],
          ),
        ]),
      )
  },
})
