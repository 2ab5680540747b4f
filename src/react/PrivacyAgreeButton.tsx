import { Button, type ButtonProps } from '@tarojs/components'
import { useId } from 'react'
import { AGREE, checkedOpenType, recordAgreeTap, type PrivacyAgreeOpenType } from '../ui/agree'
import { AGREE_BUTTON_CLASS } from '../ui/classes'
import { h, usePrivacyStore } from './context'

export type { PrivacyAgreeOpenType }

export interface PrivacyAgreeButtonProps extends Omit<ButtonProps, 'openType' | 'id'> {
  /** Default `agreePrivacyAuthorization`; the combined types also get the phone number or user info. */
  openType?: PrivacyAgreeOpenType
  /** Sent to the platform as `buttonId`. Default: a unique id, stable for this button's life. */
  id?: string
  /** Called after the agree was recorded and every pending request released. */
  onAgree?: (buttonId: string) => void
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
  const tap = (event: 'click' | 'agree') => {
    if (recordAgreeTap(store, event, buttonId) && onAgree) onAgree(buttonId)
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
        tap('agree')
        if (onAgreePrivacyAuthorization) onAgreePrivacyAuthorization(event)
      },
      onClick: (event: Parameters<NonNullable<ButtonProps['onClick']>>[0]) => {
        tap('click')
        if (onClick) onClick(event)
      },
    }),
  )
}
