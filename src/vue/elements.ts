import { Button, Text, View } from '@tarojs/components'
import { h, type Component, type VNode, type VNodeArrayChildren } from 'vue'

// The Taro components the Vue binding renders. They are imported from @tarojs/components,
// not written as tags: Taro's build adds a component's mini-program template only when it
// sees the import or a compiled template using it (a tag in a render function is not seen),
// and on h5 the import is the Vue wrapper of Taro's web component (`taro-button-core`).
// Under jest the preset maps the import to React doubles: there plain tags stand in.
type Element = string | Component
const element = (imported: unknown, tag: string): Element => (imported && (imported as { $$typeof?: unknown }).$$typeof ? tag : (imported as Element))

export const VIEW = /*#__PURE__*/ element(View, 'view')
export const TEXT = /*#__PURE__*/ element(Text, 'text')
export const BUTTON = /*#__PURE__*/ element(Button, 'button')

/** `h()` for these: a component (h5) takes its children as a slot function, a tag as an array. */
export function el(type: Element, props: Record<string, unknown> | null, children?: unknown): VNode {
  if (typeof type === 'string') return h(type, props, children as VNodeArrayChildren)
  return h(type, props, children === undefined ? undefined : () => children)
}
