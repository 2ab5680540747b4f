import { View } from '@tarojs/components'
import { useEffect, useLayoutEffect, useReducer, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { findTopPageRoot, isInside, subscribeToPageChanges, type PageRoot } from './pageRoot'
import { PrivacyModal, type PrivacyModalProps } from './PrivacyModal'
import { usePrivacySelector } from './usePrivacySelector'

/** Every `PrivacyModal` has this class on its outermost element. */
const MODAL_ROOT_CLASS = 'taro-privacy-modal__mask'
const HOST_CLASS = 'taro-privacy-modal-portal'

/** Whether the page already shows a consent UI of its own (an explicit `<PrivacyModal/>`). */
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
 */
export function PrivacyModalPortal(props: PrivacyModalProps) {
  const visible = usePrivacySelector((state) => state.visible)
  const [, pageChanged] = useReducer((count: number) => count + 1, 0)
  const [target, setTarget] = useState<PageRoot | null>(null)
  const host = useRef<unknown>(null)

  useEffect(() => subscribeToPageChanges(pageChanged), [])

  // After every render: the page on top may have changed, or a page's own modal appeared.
  useLayoutEffect(() => {
    let next = visible ? findTopPageRoot() : null
    if (next && hasOwnModal(next, host.current)) next = null
    setTarget((previous) => (previous === next ? previous : next))
  })

  if (!visible || !target) return null
  return createPortal(
    <View className={HOST_CLASS} ref={host}>
      <PrivacyModal {...props} />
    </View>,
    target as unknown as Element,
  )
}
