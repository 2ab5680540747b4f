import { View } from '@tarojs/components'
import { useEffect, useLayoutEffect, useReducer, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { findTopPageRoot, isInside, isLivePageRoot, subscribeToPageChanges, type PageRoot } from './pageRoot'
import { PrivacyModal, type PrivacyModalProps } from './PrivacyModal'
import { usePrivacySelector } from './usePrivacySelector'

/** Every `PrivacyModal` has this class on its outermost element. */
const MODAL_ROOT_CLASS = 'taro-privacy-modal__mask'

/** Whether the page shows a consent UI of its own (an explicit `<PrivacyModal/>`), outside `host`. */
function hasOwnModal(root: PageRoot, host: unknown): boolean {
  const modals = root.getElementsByClassName(MODAL_ROOT_CLASS)
  for (let i = 0; i < modals.length; i++) {
    if (!host || !isInside(modals[i], host)) return true
  }
  return false
}

/**
 * `PrivacyModal` mounted into the page on top, so an app needs no `<PrivacyModal/>` on
 * each page. It follows the page on top while the consent UI is visible (navigateTo,
 * navigateBack, switchTab, h5 routes), and stays away from a page that renders its own
 * `<PrivacyModal/>`, so a page never shows two consent UIs. Renders nothing where there
 * are no Taro pages (e.g. under jest).
 *
 * A page gets a host node the first time it shows the consent UI and keeps it, empty,
 * until the page is gone: hiding then empties the host (one small setData), where
 * removing a child of the page root would make Taro send the root's whole child list
 * again. Pages that never showed the UI get no node.
 */
export function PrivacyModalPortal(props: PrivacyModalProps) {
  const visible = usePrivacySelector((state) => state.visible)
  const [, pageChanged] = useReducer((count: number) => count + 1, 0)
  const [target, setTarget] = useState<PageRoot | null>(null)
  const [pages, setPages] = useState<readonly PageRoot[]>([])
  const hosts = useRef(new Map<PageRoot, unknown>())

  useEffect(() => subscribeToPageChanges(pageChanged), [])

  // After every render: the page on top may have changed, a page's own modal appeared, or a page is gone.
  useLayoutEffect(() => {
    let next = visible ? findTopPageRoot() : null
    if (next && hasOwnModal(next, hosts.current.get(next))) next = null
    setTarget((previous) => (previous === next ? previous : next))
    setPages((previous) => {
      const live = previous.filter((page) => page === next || isLivePageRoot(page))
      if (next && live.indexOf(next) < 0) live.push(next)
      return live.length === previous.length && live.every((page, i) => page === previous[i]) ? previous : live
    })
  })

  return (
    <>
      {pages.map((page) =>
        createPortal(
          <View ref={(host) => void (host ? hosts.current.set(page, host) : hosts.current.delete(page))}>
            {visible && page === target ? <PrivacyModal {...props} /> : null}
          </View>,
          page as unknown as Element,
          page.id,
        ),
      )}
    </>
  )
}
