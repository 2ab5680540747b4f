// `@tarojs/components` under jest: each component is a plain DOM element. A mini-program
// component event (e.g. `agreeprivacyauthorization`, `getphonenumber`) is a DOM event of
// the same name on the element, and a click on a Button whose open-type includes
// `agreePrivacyAuthorization` does what the platform does: the installed simulator
// records the tap of that button id, then the button's agree event (and, for a combined
// open-type, the phone-number or user-info event) fires.
import { createElement, forwardRef, useEffect, useImperativeHandle, useRef, type ReactNode, type RefObject } from 'react'
import { installedSimulator } from '../installed'

type Props = Record<string, unknown> & { children?: ReactNode }
type Handler = (event: unknown) => void

/** DOM event → the Taro prop that receives it. */
const EVENTS: Record<string, string> = {
  agreeprivacyauthorization: 'onAgreePrivacyAuthorization',
  getphonenumber: 'onGetPhoneNumber',
  getrealtimephonenumber: 'onGetRealTimePhoneNumber',
  getuserinfo: 'onGetUserInfo',
  chooseavatar: 'onChooseAvatar',
  confirm: 'onConfirm',
}

/** What the platform hands the second event of a combined open-type. */
const COMBINED_DETAIL: Record<string, object> = {
  getPhoneNumber: { errMsg: 'getPhoneNumber:ok', code: 'simulated-phone-code' },
  getRealtimePhoneNumber: { errMsg: 'getRealtimePhoneNumber:ok', code: 'simulated-phone-code' },
  getUserInfo: { errMsg: 'getUserInfo:ok', userInfo: { nickName: '微信用户', avatarUrl: '' } },
}

/** A Taro event built from the DOM (or React) event: `detail`, and the element as `target` / `currentTarget`. */
function taroEvent(event: Event, element: HTMLElement, detail: unknown = (event as CustomEvent).detail ?? {}) {
  const target = { id: element.id, dataset: { ...element.dataset } }
  return {
    type: event.type,
    detail,
    target,
    currentTarget: target,
    timeStamp: event.timeStamp,
    stopPropagation: () => event.stopPropagation(),
    preventDefault: () => event.preventDefault(),
  }
}

function dataAttributes(props: Props): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([key]) => key.startsWith('data-') || key.startsWith('aria-')))
}

function useTaroEvents(props: Props) {
  const element = useRef<HTMLElement>(null)
  const latest = useRef(props)
  latest.current = props
  useEffect(() => {
    const node = element.current!
    const removers = Object.entries(EVENTS).map(([type, prop]) => {
      const handler = (event: Event) => (latest.current[prop] as Handler | undefined)?.(taroEvent(event, node))
      node.addEventListener(type, handler)
      return () => node.removeEventListener(type, handler)
    })
    return () => removers.forEach((remove) => remove())
  }, [])
  return element
}

function host(tag: string, props: Props, element: RefObject<HTMLElement>, extra: Record<string, unknown> = {}) {
  const { id, className, style, hidden, children } = props
  const onClick = props.onClick as Handler | undefined
  return createElement(
    tag,
    {
      ref: element,
      id,
      className,
      style,
      hidden,
      // `catchMove` (touch-move stopped on a mini-program) shows as an attribute a test can read
      'data-catch-move': props.catchMove ? 'true' : undefined,
      ...dataAttributes(props),
      onClick: onClick && ((event: Event) => onClick(taroEvent(event, element.current!))),
      ...extra,
    },
    children,
  )
}

function component(tag: string, name: string) {
  // Taro's components forward refs to their element (PrivacyModalPortal relies on it).
  const TaroComponent = forwardRef<HTMLElement, Props>((props, ref) => {
    const element = useTaroEvents(props)
    useImperativeHandle(ref, () => element.current as HTMLElement, [])
    return host(tag, props, element)
  })
  TaroComponent.displayName = name
  return TaroComponent
}

export const View = component('div', 'View')
export const Text = component('span', 'Text')
export const ScrollView = component('div', 'ScrollView')
export const Swiper = component('div', 'Swiper')
export const SwiperItem = component('div', 'SwiperItem')
export const Navigator = component('a', 'Navigator')
export const Form = component('form', 'Form')
export const Label = component('label', 'Label')
export const Block = component('div', 'Block')
export const RichText = component('div', 'RichText')

export function Image(props: Props) {
  return host('img', props, useTaroEvents(props), { src: props.src, alt: '' })
}

function field(tag: 'input' | 'textarea', name: string) {
  function TaroField(props: Props) {
    const element = useTaroEvents(props)
    const handler = (prop: string) => {
      const fn = props[prop] as Handler | undefined
      return fn && ((event: Event) => fn(taroEvent(event, element.current!, { value: (event.target as HTMLInputElement).value })))
    }
    return host(tag, props, element, {
      type: tag === 'input' ? (props.password ? 'password' : props.type) : undefined,
      name: props.name,
      placeholder: props.placeholder,
      disabled: props.disabled,
      maxLength: props.maxlength,
      value: props.value,
      defaultValue: props.defaultValue,
      onChange: handler('onInput'),
      onFocus: handler('onFocus'),
      onBlur: handler('onBlur'),
    })
  }
  TaroField.displayName = name
  return TaroField
}

export const Input = field('input', 'Input')
export const Textarea = field('textarea', 'Textarea')

export function Button(props: Props) {
  const element = useTaroEvents(props)
  const openType = typeof props.openType === 'string' ? props.openType : ''
  const onClick = props.onClick as Handler | undefined
  const click = (event: ReturnType<typeof taroEvent>) => {
    const node = element.current!
    onClick?.(event)
    const sim = installedSimulator()
    if (!sim || !openType.split('|').includes('agreePrivacyAuthorization')) return
    sim.tapAgreeButton(node.id)
    node.dispatchEvent(new CustomEvent('agreeprivacyauthorization', { detail: { errMsg: 'agreePrivacyAuthorization:ok' } }))
    const [other] = openType.split('|')
    if (other !== 'agreePrivacyAuthorization') node.dispatchEvent(new CustomEvent(other.toLowerCase(), { detail: COMBINED_DETAIL[other] }))
  }
  return host('button', { ...props, onClick: click as Handler }, element, {
    'data-open-type': openType || undefined,
    disabled: props.disabled,
    type: 'button',
  })
}
