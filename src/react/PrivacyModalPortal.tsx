import { View } from '@tarojs/components'
import { useLayoutEffect, useReducer, type JSX, type ReactElement, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { h, useEffectAlias as useEffect, useRefAlias as useRef, usePrivacyStore, useStoreAlias } from './context'
import { findTopPage, normalizeRoute, subscribeToPageChanges, type PageRoot } from '../ui/pages'
import { LOST_PAGE_MS, nextPortalPages, onOwnModalGone, reportLostPage } from '../ui/portal'
import { PortalPage, PrivacyModal, type PrivacyModalProps } from './PrivacyModal'

export interface PrivacyModalPortalProps extends PrivacyModalProps {
  /**
   * Pages where the portal never shows the consent UI (a web-view page, pages that work
   * without consent): routes such as `pages/webview/index`, or a test on the route.
   */
  exclude?: readonly string[] | ((route: string) => boolean)
  /** Your own consent UI instead of `PrivacyModal` (it must contain a `PrivacyAgreeButton`). */
  children?: ReactNode
  /**
   * Ask the platform again (`refresh()`) each time a page shows: with the provider's
   * `openOnRequired="always"`, consent missing on any page opens the consent UI. Default false.
   */
  recheckOnShow?: boolean
}

/** Declares a consent UI of the app's own on screen, for `exposureAuthorization`. */
function AttachedUI({ children }: { children: ReactNode }) {
  const store = usePrivacyStore('PrivacyModalPortal')
  useEffect(() => store.attachUI(), [store])
  return children as ReactElement
}

/**
 * `PrivacyModal` (or your own consent UI) mounted into the page on top, so an app needs
 * no consent UI on each page. It follows the page on top while the consent UI is visible
 * (navigateTo, navigateBack, switchTab, h5 routes), skips `exclude`d pages, and stays away
 * from a page that renders its own `<PrivacyModal/>`, so a page never shows two consent
 * UIs. Renders nothing where there are no Taro pages (e.g. under jest).
 *
 * A page gets a host node the first time it shows the consent UI and keeps it, empty,
 * until the page is gone: hiding then empties the host (one small setData), where
 * removing a child of the page root would make Taro send the root's whole child list
 * again. Pages that never showed the UI get no node.
 */
export function PrivacyModalPortal(props: PrivacyModalPortalProps): JSX.Element {
  const { exclude, children, recheckOnShow } = props
  const store = usePrivacyStore('PrivacyModalPortal')
  // A boolean snapshot needs no selector memo (usePrivacySelector stays out of the bundle).
  const isVisible = () => store.getState().visible
  const visible = useStoreAlias(store.subscribe, isVisible, isVisible)
  // `[1]`, not array destructuring: Taro's babel turns that into a helper call.
  const rerender = useReducer((count: number) => count + 1, 0)[1]
  // The page showing the consent UI, every live page that has a host node, and their host
  // nodes (one ref: fewer hook calls); the layout effect updates them and renders again
  // when they change. `reported`: the missing page on top was reported.
  const own = useRef({ target: null as PageRoot | null, pages: [] as PageRoot[], hosts: new Map<PageRoot, unknown>(), reported: false }).current

  // Render again when another page may be on top (and, with `recheckOnShow`, ask the platform
  // again), or a page's own consent UI went (the portal may have stepped aside for it).
  useEffect(
    () =>
      subscribeToPageChanges(() => {
        rerender()
        if (recheckOnShow) void store.refresh()
      }),
    [store, recheckOnShow],
  )
  useEffect(() => onOwnModalGone(rerender), [])

  // No page on top while the consent UI should show (reportLostPage).
  const lost = visible && !findTopPage()
  useEffect(() => {
    if (!lost) return
    const timer = setTimeout(() => {
      if (own.reported || findTopPage() || !store.getState().pending.length) return
      own.reported = true
      reportLostPage()
    }, LOST_PAGE_MS)
    return () => clearTimeout(timer)
  }, [lost, store])

  // After every render: the page on top may have changed, a page's own modal appeared, or a page is gone.
  useLayoutEffect(() => {
    const next = nextPortalPages(own, visible, exclude, own.hosts)
    if (!next) return
    own.target = next.target
    own.pages = next.pages
    rerender()
  })

  // The portals as they are (an array), without a fragment around them.
  return own.pages.map((page) =>
    createPortal(
      h(
        View,
        { ref: (host: unknown) => void (host ? own.hosts.set(page, host) : own.hosts.delete(page)) },
        visible && page === own.target
          ? h(PortalPage.Provider, { value: { root: page, route: normalizeRoute(page.id) } }, children ? h(AttachedUI, null, children) : h(PrivacyModal, props))
          : null,
      ),
      page as unknown as Element,
      page.id,
    ),
  ) as unknown as JSX.Element
}
