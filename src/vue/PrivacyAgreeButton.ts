import { defineComponent, mergeProps, type PropType } from 'vue'
import { AGREE, checkedOpenType, recordAgreeTap, type PrivacyAgreeOpenType } from '../ui/agree'
import { AGREE_BUTTON_CLASS } from '../ui/classes'
import { injectStore } from './context'
import { BUTTON, el } from './elements'

let buttons = 0

/**
 * The button whose tap is the user's consent. On mini-programs the agree comes from the
 * platform's `agreeprivacyauthorization` event (the platform checks this button's id);
 * on h5 from the tap (Taro's Vue components emit `tap`, and no `click` on mini-programs).
 * Other attributes and listeners go to the Taro `button` as they are.
 */
export const PrivacyAgreeButton = /*#__PURE__*/ defineComponent({
  name: 'PrivacyAgreeButton',
  inheritAttrs: false,
  props: {
    /** Default `agreePrivacyAuthorization`; the combined types also get the phone number or user info. */
    openType: { type: String as PropType<PrivacyAgreeOpenType>, default: AGREE },
    /** Sent to the platform as `buttonId`. Default: a unique id, stable for this button's life. */
    id: String,
  },
  emits: {
    /** After the agree was recorded and every pending request released. */
    agree: (buttonId: string) => typeof buttonId === 'string',
  },
  setup(props, { attrs, emit, slots }) {
    const store = injectStore('PrivacyAgreeButton')
    const generatedId = 'privacy-agree-v' + ++buttons
    return () => {
      const buttonId = props.id || generatedId
      const tap = (event: 'click' | 'agree') => {
        if (recordAgreeTap(store, event, buttonId)) emit('agree', buttonId)
      }
      // mergeProps: the button's own listeners run first, the app's after them.
      return el(
        BUTTON,
        mergeProps(
          {
            class: AGREE_BUTTON_CLASS,
            id: buttonId,
            openType: checkedOpenType(props.openType, store.adapter),
            onAgreeprivacyauthorization: () => tap('agree'),
            onTap: () => tap('click'),
          },
          attrs,
        ),
        slots.default && slots.default(),
      )
    }
  },
})
