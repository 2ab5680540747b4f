import type { ReactNode } from 'react'
import { warn } from '../core/dev'
import { createPrivacyStore } from '../core/store'
import type { PrivacyStore, PrivacyStoreOptions } from '../core/types'
import { adapterFor, LIVE_OPTIONS, type PrivacySetupOptions } from '../ui/setup'
import { h, PrivacyContext, useEffectAlias, useRefAlias } from './context'

export interface PrivacyProviderProps extends PrivacySetupOptions {
  children?: ReactNode
  /** Bring your own store (from `createPrivacyStore`); the provider then ignores its other options and never destroys it. */
  store?: PrivacyStore
}

/** What the provider reads once, when it creates its store, as `[name, value]`. */
const readOnce = (props: PrivacyProviderProps) => [
  ['adapter', props.adapter],
  ['officialPopup', !!props.officialPopup],
  ['platforms', String(props.platforms)],
  ['contract.name/version/url', props.contract && [props.contract.name, props.contract.version, props.contract.url].join()],
]

let warned: WeakMap<PrivacyStore, string[]> | undefined

/** Development only: names the props a provider ignores (with a `store` prop) or reads once and saw change. */
function warnIgnoredProps(props: PrivacyProviderProps, store: PrivacyStore, first: PrivacyProviderProps | undefined): void {
  warned = warned || new WeakMap()
  const names = warned.get(store) || []
  warned.set(store, names)
  const warnOnce = (name: string, message: string) => {
    if (names.indexOf(name) >= 0) return
    names.push(name)
    warn('PrivacyProvider: ' + message)
  }
  if (!first) {
    const ignored = Object.keys(props).filter((key) => key !== 'children' && key !== 'store' && props[key as keyof PrivacyProviderProps] !== undefined)
    if (ignored.length) warnOnce('store', `with a \`store\` prop, ${ignored.join(', ')} are ignored; give them to createPrivacyStore.`)
    return
  }
  const was = readOnce(first)
  readOnce(props).forEach(([name, now], index) => {
    if (now !== was[index][1]) warnOnce(name as string, `${name} is read once, when the provider creates its store; the change is ignored. Give the provider a new \`key\` to start again with it.`)
  })
}

export function PrivacyProvider(props: PrivacyProviderProps): JSX.Element {
  const { children, store } = props
  const own = useRefAlias<{ store: PrivacyStore; options: PrivacyStoreOptions; first: PrivacyProviderProps }>()
  let options = own.current && own.current.options
  if (!store && !options) {
    options = { adapter: adapterFor(props), officialPopup: props.officialPopup }
  }
  if (options) {
    // The store reads its options where it uses them: updating them at each render keeps them live.
    const next = options as unknown as Record<string, unknown>
    LIVE_OPTIONS.forEach((name) => (next[name] = props[name]))
    options.openContract = props.contract && props.contract.open
    if (!own.current) own.current = { options, store: createPrivacyStore(options), first: props }
  }
  const value = store || (own.current as { store: PrivacyStore }).store
  // A warning from render: StrictMode renders twice, and each name is warned about once per store.
  if (process.env.NODE_ENV !== 'production') warnIgnoredProps(props, value, store ? undefined : (own.current as { first: PrivacyProviderProps }).first)
  useEffectAlias(() => value.mount(), [value])
  return h(PrivacyContext.Provider, { value }, children)
}
