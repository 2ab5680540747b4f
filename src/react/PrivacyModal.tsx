import { Button, Text, View } from '@tarojs/components'
import { useEffect, type CSSProperties, type ReactNode } from 'react'
import { warn } from '../core/dev'
import type { PrivacyError } from '../core/errors'
import { usePrivacyStore } from './context'
import { PrivacyAgreeButton, type PrivacyAgreeButtonProps, type PrivacyAgreeOpenType } from './PrivacyAgreeButton'
import { modalStyles, type PrivacyModalPart } from './modal-styles'
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
  /** Extra props for the agree button (`id`, `onAgree`, `onGetPhoneNumber`, …). */
  agreeButtonProps?: Omit<PrivacyAgreeButtonProps, 'openType' | 'children'>
  /** Class on the outermost element (the mask). */
  className?: string
  /** Extra classes per part; every part also has a `taro-privacy-modal__<part>` class. */
  classNames?: Partial<Record<PrivacyModalPart, string>>
  /** Styles merged over the defaults per part. */
  styles?: Partial<Record<PrivacyModalPart, CSSProperties>>
  /** Drop the default inline styles (style it all with your own classes). */
  unstyled?: boolean
  /** Replaces the title and text; the buttons stay. */
  renderBody?: (gate: PrivacyGate) => ReactNode
  /**
   * `false`: the disagree button answers the waiting calls but the consent UI stays up
   * (for flows that cannot go on without consent). Default true.
   */
  dismissible?: boolean
  /** The mask stops touch-move, so the page underneath does not scroll. Default true. */
  catchMove?: boolean
  /** Runs after the disagree button answered the waiting calls (and hid the UI unless `dismissible={false}`). */
  onDisagree?: () => void
  /** The contract link failed to open (e.g. the agreement page's route is wrong). Default: a development warning. */
  onContractError?: (error: PrivacyError) => void
}

const DEFAULT_CONTRACT_NAME = '《用户隐私保护指引》'

/** The prebuilt consent UI. Renders nothing while the consent UI is not visible. */
export function PrivacyModal({
  title = '用户隐私保护提示',
  contentBefore = process.env.TARO_ENV === 'h5'
    ? '感谢你的使用。在使用前，请仔细阅读'
    : '感谢你使用本小程序。在使用前，请仔细阅读',
  contentAfter = '。当你点击“同意”并开始使用，即表示你已理解并同意该条款内容；如你拒绝，相关功能将无法使用。',
  content,
  contractName,
  renderLink,
  agreeText = '同意',
  disagreeText = '拒绝',
  agreeOpenType,
  agreeButtonProps,
  className,
  classNames = {},
  styles = {},
  unstyled = false,
  renderBody,
  dismissible = true,
  catchMove = true,
  onDisagree,
  onContractError,
}: PrivacyModalProps) {
  const store = usePrivacyStore('PrivacyModal')
  const gate = usePrivacyGate()
  useEffect(() => store.attachUI(), [store])
  if (!gate.visible) return null
  const part = (name: PrivacyModalPart) => ({
    className: [`taro-privacy-modal__${name}`, classNames[name], name === 'mask' ? className : undefined]
      .filter(Boolean)
      .join(' '),
    style: unstyled ? styles[name] : Object.assign({}, modalStyles[name], styles[name]),
  })
  const contract: PrivacyContractLink = {
    name: contractName || gate.contractName || DEFAULT_CONTRACT_NAME,
    open: () => {
      gate.openContract().catch((error: PrivacyError) => {
        if (onContractError) onContractError(error)
        else if (process.env.NODE_ENV !== 'production') warn('The contract did not open; pass onContractError to tell the user.', error)
      })
    },
  }
  const link = renderLink ? (
    renderLink(contract)
  ) : (
    <Text {...part('link')} onClick={contract.open}>
      {contract.name}
    </Text>
  )
  return (
    <View {...part('mask')} catchMove={catchMove}>
      <View {...part('panel')}>
        {renderBody ? (
          renderBody(gate)
        ) : (
          <>
            <View {...part('title')}>{title}</View>
            <View {...part('body')}>
              {content ? (
                content(link, gate)
              ) : (
                <>
                  {contentBefore}
                  {link}
                  {contentAfter}
                </>
              )}
            </View>
          </>
        )}
        <View {...part('actions')}>
          <Button
            {...part('disagree')}
            onClick={() => {
              gate.disagree({ keepOpen: !dismissible })
              if (onDisagree) onDisagree()
            }}
          >
            {disagreeText}
          </Button>
          <PrivacyAgreeButton {...agreeButtonProps} {...part('agree')} openType={agreeOpenType}>
            {agreeText}
          </PrivacyAgreeButton>
        </View>
      </View>
    </View>
  )
}
