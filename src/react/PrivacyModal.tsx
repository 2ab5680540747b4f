import { Button, Text, View } from '@tarojs/components'
import { useEffect, type CSSProperties, type ReactNode } from 'react'
import { usePrivacyStore } from './context'
import { PrivacyAgreeButton, type PrivacyAgreeButtonProps, type PrivacyAgreeOpenType } from './PrivacyAgreeButton'
import { modalStyles, type PrivacyModalPart } from './modal-styles'
import { usePrivacyGate, type PrivacyGate } from './usePrivacyGate'

export interface PrivacyModalProps {
  /** Default `用户隐私保护提示`. */
  title?: ReactNode
  /** Text before the contract name. */
  contentBefore?: ReactNode
  /** Text after the contract name. */
  contentAfter?: ReactNode
  /** Default: the name the platform reports, or `《用户隐私保护指引》`. */
  contractName?: string
  /** Default `同意`. */
  agreeText?: ReactNode
  /** Default `拒绝`. */
  disagreeText?: ReactNode
  /** Default `agreePrivacyAuthorization`. */
  agreeOpenType?: PrivacyAgreeOpenType
  /** Extra props for the agree button (`id`, `onGetPhoneNumber`, …). */
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
  onDisagree?: () => void
}

const DEFAULT_CONTRACT_NAME = '《用户隐私保护指引》'

/** The prebuilt consent UI. Renders nothing while the consent UI is not visible. */
export function PrivacyModal({
  title = '用户隐私保护提示',
  contentBefore = '感谢你使用本小程序。在使用前，请仔细阅读',
  contentAfter = '。当你点击“同意”并开始使用，即表示你已理解并同意该条款内容；如你拒绝，相关功能将无法使用。',
  contractName,
  agreeText = '同意',
  disagreeText = '拒绝',
  agreeOpenType,
  agreeButtonProps,
  className,
  classNames = {},
  styles = {},
  unstyled = false,
  renderBody,
  onDisagree,
}: PrivacyModalProps) {
  const store = usePrivacyStore('PrivacyModal')
  const gate = usePrivacyGate()
  useEffect(() => store.attachUI(), [store])
  if (!gate.visible) return null
  const part = (name: PrivacyModalPart) => ({
    className: [`taro-privacy-modal__${name}`, classNames[name], name === 'mask' ? className : undefined]
      .filter(Boolean)
      .join(' '),
    style: unstyled ? styles[name] : { ...modalStyles[name], ...styles[name] },
  })
  return (
    <View {...part('mask')}>
      <View {...part('panel')}>
        {renderBody ? (
          renderBody(gate)
        ) : (
          <>
            <View {...part('title')}>{title}</View>
            <View {...part('body')}>
              {contentBefore}
              <Text {...part('link')} onClick={() => gate.openContract()}>
                {contractName ?? (gate.contractName || DEFAULT_CONTRACT_NAME)}
              </Text>
              {contentAfter}
            </View>
          </>
        )}
        <View {...part('actions')}>
          <Button
            {...part('disagree')}
            onClick={() => {
              gate.disagree()
              onDisagree?.()
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
