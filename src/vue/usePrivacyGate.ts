import { onScopeDispose, shallowReactive, shallowReadonly } from 'vue'
import type { PrivacyGate } from '../core/types'
import { injectStore } from './context'

/**
 * State and actions of the privacy flow, as a reactive object: read its fields in templates,
 * `computed` or `watch` (or `toRefs(gate)`); each field triggers only when it changes.
 * The subscription ends with the component (or effect scope) that called it.
 */
export function usePrivacyGate(): PrivacyGate {
  const store = injectStore('usePrivacyGate')
  const gate = shallowReactive(
    Object.assign({}, store.getState(), {
      open: store.open,
      disagree: store.disagree,
      openContract: store.openContract,
      refresh: store.refresh,
      require: store.require,
    }),
  )
  onScopeDispose(store.subscribe(() => Object.assign(gate, store.getState())))
  return shallowReadonly(gate) as PrivacyGate
}
