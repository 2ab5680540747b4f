import { Button, Text, View, type ButtonProps } from '@tarojs/components'
import { createContext, Fragment, useState, type CSSProperties, type JSX, type ReactNode } from 'react'
import { warn } from '../core/dev'
import type { PrivacyError } from '../core/errors'
import { h, useContextAlias as useContext, useEffectAlias as useEffect, useRefAlias as useRef, usePrivacyStore } from './context'
import { PrivacyAgreeButton, type PrivacyAgreeButtonProps, type PrivacyAgreeOpenType } from './PrivacyAgreeButton'
import { STYLED_ROOT_CLASS, PART_CLASS, type PrivacyModalPart } from '../ui/classes'
import { currentPage, findTopPage, holdTabBarHidden, subscribeToPageChanges, type TopPage } from '../ui/pages'
import { ownModalGone } from '../ui/portal'
import { AGREE_TEXT, CONTENT_AFTER, CONTENT_BEFORE, CONTRACT_NAME, DISAGREE_TEXT, TITLE } from '../ui/text'
import { usePrivacyGate, type PrivacyGate } from './usePrivacyGate'

/** The contract link as `renderLink` receives it. */
export interface PrivacyContractLink {
  /** The contract name to show. */
  name: string
  /** Opens the contract (`gate.openContract()`); a failure goes to `onContractError`. */
  open: () => void
}

export interface PrivacyModalProps {
  /** Default `用户隐私保护提示`. */
  title?: ReactNode
  /** Text before the contract name. */
  contentBefore?: ReactNode
  /** Text after the contract name. */
  contentAfter?: ReactNode
  /** Lays out the body around the link (replaces `contentBefore` / `contentAfter`). */
  content?: (link: ReactNode, gate: PrivacyGate) => ReactNode
  /** Default: the name the platform reports, or `《用户隐私保护指引》`. */
  contractName?: string
  /** Replaces the contract link element. */
  renderLink?: (link: PrivacyContractLink) => ReactNode
  /** Default `同意`. */
  agreeText?: ReactNode
  /** Default `拒绝`. */
  disagreeText?: ReactNode
  /** Default `agreePrivacyAuthorization`. */
  agreeOpenType?: PrivacyAgreeOpenType
  /** Extra props for the agree button (`id`, `className`, `style`, `onAgree`, `onGetPhoneNumber`, …). */
  agreeButtonProps?: Omit<PrivacyAgreeButtonProps, 'openType' | 'children'>
  /** Extra props for the disagree button (`id`, `className`, `style`, …); its `onClick` runs after the disagree. */
  disagreeButtonProps?: Omit<ButtonProps, 'children'>
  /** Class on the outermost element (the mask). */
  className?: string
  /** Extra classes per part; every part also has a `tp-<part>` class. */
  classNames?: Partial<Record<PrivacyModalPart, string>>
  /** Inline styles per part, over the stylesheet's look (the package's `dist/modal.css`). */
  styles?: Partial<Record<PrivacyModalPart, CSSProperties>>
  /** Drop the stylesheet's look (the mask loses the class `tp-modal` its rules need): style it all yourself. */
  unstyled?: boolean
  /** Replaces the title and text; the buttons stay. */
  renderBody?: (gate: PrivacyGate) => ReactNode
  /**
   * `false`: the disagree button answers the waiting calls but the consent UI stays up
   * (for flows that cannot go on without consent). Default true.
   */
  dismissible?: boolean
  /**
   * Hide the native tab bar (which a mask in the page cannot cover) while the consent UI
   * shows on a tab page; it is shown again when the UI goes (agree, refusal, unmount,
   * navigation). Never touches a custom tab bar. Default: `true` with `dismissible={false}`.
   */
  hideTabBar?: boolean
  /** The mask stops touch-move, so the page underneath does not scroll. Default true. */
  catchMove?: boolean
  /** Runs after the disagree button answered the waiting calls (and hid the UI unless `dismissible={false}`). */
  onDisagree?: () => void
  /** The contract link failed to open (e.g. the agreement page's route is wrong). Default: a development warning. */
  onContractError?: (error: PrivacyError) => void
}

/** The page `PrivacyModalPortal` renders into (its page on top), for the modals it renders. */
export const PortalPage = createContext<TopPage | null>(null)

/** The prebuilt consent UI. Renders nothing while the consent UI is not visible. */
export function PrivacyModal(props: PrivacyModalProps): JSX.Element | null {
  // Only the props with a text default are destructured: Taro's babel writes each default
  // out as `void 0 === x ? … : x`; the others are read where they are used.
  const {
    title = TITLE,
    contentBefore = CONTENT_BEFORE,
    contentAfter = CONTENT_AFTER,
    agreeText = AGREE_TEXT,
    disagreeText = DISAGREE_TEXT,
    content,
    renderLink,
    renderBody,
    onDisagree,
    onContractError,
  } = props
  const agreeButtonProps = props.agreeButtonProps || {}
  const disagreeButtonProps = props.disagreeButtonProps || {}
  const { classNames, styles } = props
  // `dismissible` (default true), `hideTabBar` (default `!dismissible`), `catchMove` (default true).
  const keepOpen = props.dismissible === false
  const hideTabBar = props.hideTabBar === undefined ? keepOpen : props.hideTabBar
  const store = usePrivacyStore('PrivacyModal')
  const gate = usePrivacyGate()
  // The page this modal is in: the portal's page, or the page Taro loads or shows as it
  // mounts. Mini-program pages stay loaded under the page on top (and tab pages while
  // another tab shows): the modal is on screen, and declared for exposureAuthorization,
  // only while its page is on top. Where there are no Taro pages it always is.
  const portalPage = useContext(PortalPage)
  const page = useRef<TopPage | null>()
  // `[0]`/`[1]`, not array destructuring: Taro's babel turns that into a helper call.
  const screen = useState(true)
  const onScreen = screen[0]
  useEffect(() => {
    if (page.current === undefined) page.current = portalPage || currentPage()
    const own = page.current
    if (portalPage) return
    if (!own) return ownModalGone
    const update = () => {
      const top = findTopPage()
      screen[1](!top || top.root === own.root)
    }
    update()
    const unsubscribe = subscribeToPageChanges(update)
    return () => {
      unsubscribe()
      ownModalGone()
    }
  }, [])
  useEffect(() => (onScreen ? store.attachUI() : undefined), [store, onScreen])
  const shown = gate.visible && onScreen
  useEffect(() => (shown && hideTabBar && page.current ? holdTabBarHidden(page.current.route) : undefined), [shown, hideTabBar])
  if (!gate.visible) return null
  // The look is modal.css's, on the part classes under the root class (left off when
  // `unstyled`); `styles` are the only inline styles. No spread of a props object: Taro's
  // babel turns each into a helper call. Elements are written with `h` (context.ts).
  const part = (name: PrivacyModalPart, extraClass?: string, style?: CSSProperties | string) => ({
    className: [name === 'mask' && !props.unstyled ? STYLED_ROOT_CLASS : '', PART_CLASS + name, classNames && classNames[name], extraClass]
      .filter(Boolean)
      .join(' '),
    style: (styles && styles[name]) || style,
  })
  const contract: PrivacyContractLink = {
    name: props.contractName || gate.contractName || CONTRACT_NAME,
    open: () => {
      gate.openContract().catch((error: PrivacyError) => {
        if (onContractError) onContractError(error)
        else if (process.env.NODE_ENV !== 'production') warn('The contract did not open; pass onContractError to tell the user.', error)
      })
    },
  }
  const link = renderLink ? renderLink(contract) : h(Text, Object.assign(part('link'), { onClick: contract.open }), contract.name)
  return h(
    View,
    Object.assign(part('mask', props.className), { catchMove: props.catchMove !== false }),
    h(
      View,
      part('panel'),
      renderBody
        ? renderBody(gate)
        : h(Fragment, null, h(View, part('title'), title), h(View, part('body'), content ? content(link, gate) : h(Fragment, null, contentBefore, link, contentAfter))),
      h(
        View,
        part('actions'),
        h(
          Button,
          Object.assign({}, disagreeButtonProps, part('disagree', disagreeButtonProps.className, disagreeButtonProps.style), {
            onClick: (event: Parameters<NonNullable<ButtonProps['onClick']>>[0]) => {
              gate.disagree({ keepOpen })
              if (onDisagree) onDisagree()
              if (disagreeButtonProps.onClick) disagreeButtonProps.onClick(event)
            },
          }),
          disagreeText,
        ),
        h(
          PrivacyAgreeButton,
          Object.assign({}, agreeButtonProps, part('agree', agreeButtonProps.className, agreeButtonProps.style), { openType: props.agreeOpenType }),
          agreeText,
        ),
      ),
    ),
  )
}
