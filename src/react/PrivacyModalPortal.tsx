import { View } from '@tarojs/components'
import { useEffect, useLayoutEffect, useReducer, useRef, useState, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { usePrivacyStore } from './context'
import { findTopPage, isInside, normalizeRoute, subscribeToPageChanges, type PageRoot } from './pageRoot'
import { PrivacyModal, type PrivacyModalProps } from './PrivacyModal'
import { usePrivacySelector } from './usePrivacySelector'

/** Every `PrivacyModal` has this class on its outermost element. */
const MODAL_ROOT_CLASS = 'taro-privacy-modal__mask'
const HOST_CLASS = 'taro-privacy-modal-portal'

export interface PrivacyModalPortalProps extends PrivacyModalProps {
  /**
   * Pages where the portal never shows the consent UI (a web-view page, pages that work
   * without consent): routes such as `pages/webview/index`, or a test on the route.
   */
  exclude?: readonly string[] | ((route: string) => boolean)
  /** Your own consent UI instead of `PrivacyModal` (it must contain a `PrivacyAgreeButton`). */
  children?: ReactNode
}

/** Whether the page already shows a consent UI of its own (an explicit `<PrivacyModal/>`). */
function hasOwnModal(root: PageRoot, host: unknown): boolean {
  const modals = root.getElementsByClassName(MODAL_ROOT_CLASS)
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

/** Declares a consent UI of the app's own on screen, for `exposureAuthorization`. */
function AttachedUI({ children }: { children: ReactNode }) {
  const store = usePrivacyStore('PrivacyModalPortal')
  useEffect(() => store.attachUI(), [store])
  return <>{children}</>
}

/**
 * `PrivacyModal` (or your own consent UI) mounted into the page on top, so an app needs
 * no consent UI on each page. It follows the page on top while the consent UI is visible
 * (navigateTo, navigateBack, switchTab, h5 routes), skips `exclude`d pages, and stays away
 * from a page that renders its own `<PrivacyModal/>`, so a page never shows two consent
 * UIs. Renders nothing where there are no Taro pages (e.g. under jest).
 */
export function PrivacyModalPortal({ exclude, children, ...modalProps }: PrivacyModalPortalProps) {
  const visible = usePrivacySelector((state) => state.visible)
  const [, pageChanged] = useReducer((count: number) => count + 1, 0)
  const [target, setTarget] = useState<PageRoot | null>(null)
  const host = useRef<unknown>(null)

  useEffect(() => subscribeToPageChanges(pageChanged), [])

  // After every render: the page on top may have changed, or a page's own modal appeared.
  useLayoutEffect(() => {
    const top = visible ? findTopPage() : null
    const next = top && !isExcluded(top.route, exclude) && !hasOwnModal(top.root, host.current) ? top.root : null
    setTarget((previous) => (previous === next ? previous : next))
  })

  if (!visible || !target) return null
  return createPortal(
    <View className={HOST_CLASS} ref={host}>
      {children ? <AttachedUI>{children}</AttachedUI> : <PrivacyModal {...modalProps} />}
    </View>,
    target as unknown as Element,
  )
}
