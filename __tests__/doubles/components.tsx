// Taro components as plain DOM elements. A mini-program component event (e.g.
// `agreeprivacyauthorization`) is a DOM event of the same name on the element.
import { forwardRef, useEffect, useRef, type HTMLAttributes, type ReactNode } from 'react'

const BUTTON_EVENTS: Record<string, string> = {
  agreeprivacyauthorization: 'onAgreePrivacyAuthorization',
  getphonenumber: 'onGetPhoneNumber',
  getrealtimephonenumber: 'onGetRealTimePhoneNumber',
  getuserinfo: 'onGetUserInfo',
}

type Props = Record<string, unknown> & { children?: ReactNode }

function domProps({ id, className, style, onClick }: Props) {
  return { id, className, style, onClick } as unknown as HTMLAttributes<HTMLElement>
}

export function Button(props: Props) {
  const element = useRef<HTMLButtonElement>(null)
  const latest = useRef(props)
  latest.current = props
  useEffect(() => {
    const node = element.current!
    const removers = Object.entries(BUTTON_EVENTS).map(([type, prop]) => {
      const handler = (event: Event) => (latest.current[prop] as ((e: Event) => void) | undefined)?.(event)
      node.addEventListener(type, handler)
      return () => node.removeEventListener(type, handler)
    })
    return () => removers.forEach((remove) => remove())
  }, [])
  return (
    <button ref={element} {...domProps(props)} data-open-type={props.openType as string}>
      {props.children}
    </button>
  )
}

export const View = forwardRef<HTMLDivElement, Props>((props, ref) => (
  <div ref={ref} {...domProps(props)} data-catch-move={props.catchMove ? 'true' : undefined}>
    {props.children as ReactNode}
  </div>
))
export const Text = (props: Props) => <span {...domProps(props)}>{props.children}</span>
export const Input = (props: Props) => (
  <input {...domProps(props)} type={props.type as string} onFocus={props.onFocus as never} />
)
