// `@tarojs/components` under jest: each component is a plain DOM element. A mini-program
// component event (e.g. `agreeprivacyauthorization`, `getphonenumber`) is a DOM event of
// the same name on the element, and a click on a Button whose open-type includes
// `agreePrivacyAuthorization` does what the platform does: the installed simulator
// records the tap of that button id, then the button's agree event (and, for a combined
// open-type, the phone-number or user-info event) fires.
import { createElement, forwardRef, useEffect, useImperativeHandle, useRef, type ForwardedRef, type ReactNode, type RefObject } from 'react'
import { installedSimulator } from '../installed'
import { COMBINED_OPEN_TYPE_DETAIL } from '../simulator'

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

/** Taro takes `style` as a string too; React DOM only as an object. */
function styleObject(style: unknown): unknown {
  if (typeof style !== 'string') return style
  const entries = style.split(';').map((rule) => rule.split(':')).filter(([property, value]) => property?.trim() && value !== undefined)
  return Object.fromEntries(entries.map(([property, ...value]) => [property.trim().replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase()), value.join(':').trim()]))
}

function dataAttributes(props: Props): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([key]) => key.startsWith('data-') || key.startsWith('aria-')))
}

/** The element, with its mini-program events wired to the props; a `ref` of the component gets the element too (Taro's components forward refs; PrivacyModalPortal relies on it). */
function useTaroEvents(props: Props, ref: ForwardedRef<unknown>) {
  const element = useRef<HTMLElement>(null)
  useImperativeHandle(ref, () => element.current)
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
      style: styleObject(style),
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
  const TaroComponent = forwardRef((props: Props, ref) => host(tag, props, useTaroEvents(props, ref)))
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

export const Image = forwardRef((props: Props, ref) => host('img', props, useTaroEvents(props, ref), { src: props.src }))
Image.displayName = 'Image'

function field(tag: 'input' | 'textarea', name: string) {
  const TaroField = forwardRef((props: Props, ref) => {
    const element = useTaroEvents(props, ref)
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
  })
  TaroField.displayName = name
  return TaroField
}

export const Input = field('input', 'Input')
export const Textarea = field('textarea', 'Textarea')

export const Button = forwardRef((props: Props, ref) => {
  const element = useTaroEvents(props, ref)
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
    if (other !== 'agreePrivacyAuthorization') node.dispatchEvent(new CustomEvent(other.toLowerCase(), { detail: COMBINED_OPEN_TYPE_DETAIL[other] }))
  }
  return host('button', { ...props, onClick: click as Handler }, element, {
    'data-open-type': openType || undefined,
    disabled: props.disabled,
    type: 'button',
  })
})
Button.displayName = 'Button'
