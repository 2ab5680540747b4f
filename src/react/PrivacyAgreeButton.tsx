import { Button, type ButtonProps } from '@tarojs/components'
import { useId } from 'react'
import { warn } from '../core/dev'
import type { PrivacyAdapter } from '../core/types'
import { h, usePrivacyStore } from './context'
import { AGREE_BUTTON_CLASS } from './modal-styles'

// Written once: Taro's terser folds no constant, so each literal would stay in the code.
const AGREE = 'agreePrivacyAuthorization'

export const AGREE_OPEN_TYPES = [AGREE, 'getPhoneNumber|' + AGREE, 'getRealtimePhoneNumber|' + AGREE, 'getUserInfo|' + AGREE] as unknown as readonly [
  'agreePrivacyAuthorization',
  'getPhoneNumber|agreePrivacyAuthorization',
  'getRealtimePhoneNumber|agreePrivacyAuthorization',
  'getUserInfo|agreePrivacyAuthorization',
]

export type PrivacyAgreeOpenType = (typeof AGREE_OPEN_TYPES)[number]


export interface PrivacyAgreeButtonProps extends Omit<ButtonProps, 'openType' | 'id'> {
  /** Default `agreePrivacyAuthorization`; the combined types also get the phone number or user info. */
  openType?: PrivacyAgreeOpenType
  /** Sent to the platform as `buttonId`. Default: a unique id, stable for this button's life. */
  id?: string
  /** Called after the agree was recorded and every pending request released. */
  onAgree?: (buttonId: string) => void
}

const warned = new Set<string>()

function warnOnce(message: string): void {
  if (warned.has(message)) return
  warned.add(message)
  warn(message)
}

function checkedOpenType(openType: string, adapter: PrivacyAdapter): PrivacyAgreeOpenType {
  if (!(AGREE_OPEN_TYPES as readonly string[]).includes(openType)) {
    if (process.env.NODE_ENV !== 'production') warnOnce(`PrivacyAgreeButton: unknown openType "${openType}"; used "agreePrivacyAuthorization". Use one of ${AGREE_OPEN_TYPES.join(', ')}.`)
    return AGREE
  }
  if (openType !== AGREE && !adapter.combinedOpenTypes) {
    if (process.env.NODE_ENV !== 'production') warnOnce(`PrivacyAgreeButton: ${adapter.platform} does not support the combined open-type "${openType}"; used "agreePrivacyAuthorization".`)
    return AGREE
  }
  return openType as PrivacyAgreeOpenType
}

/**
 * The button whose tap is the user's consent. On mini-programs the agree comes from the
 * platform's `agreeprivacyauthorization` event (the platform checks this button's id);
 * on h5 from the click. Other events are forwarded untouched.
 */
export function PrivacyAgreeButton(props: PrivacyAgreeButtonProps) {
  const { openType = AGREE, id, onAgree, onAgreePrivacyAuthorization, onClick, className } = props
  const store = usePrivacyStore('PrivacyAgreeButton')
  const generatedId = 'privacy-agree-' + useId().replace(/[^\w-]/g, '')
  const buttonId = id || generatedId
  const agreeOnClick = store.adapter.agreeEvent === 'click'
  const agree = () => {
    store.handleAgreeEvent(buttonId)
    if (onAgree) onAgree(buttonId)
  }
  // The other props go to the Button as they are (Object.assign: Taro's babel turns rest
  // and spread into helpers).
  return h(
    Button,
    Object.assign({}, props, {
      onAgree: undefined,
      className: className ? AGREE_BUTTON_CLASS + ' ' + className : AGREE_BUTTON_CLASS,
      id: buttonId,
      openType: checkedOpenType(openType, store.adapter),
      onAgreePrivacyAuthorization: (event: Parameters<NonNullable<ButtonProps['onAgreePrivacyAuthorization']>>[0]) => {
        if (!agreeOnClick) agree()
        if (onAgreePrivacyAuthorization) onAgreePrivacyAuthorization(event)
      },
      onClick: (event: Parameters<NonNullable<ButtonProps['onClick']>>[0]) => {
        if (agreeOnClick) agree()
        if (onClick) onClick(event)
      },
    }),
  )
}
