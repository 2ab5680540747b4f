import { guard, warn } from './dev'
import type { InterceptionHandler, PrivacyAdapter } from './types'

/**
 * The platform keeps one privacy listener per app (registering again replaces it), so
 * each adapter registers exactly once and the hub routes every interception to the
 * most recently mounted store.
 */
export interface Hub {
  /** Mounted stores' interception handlers, oldest first. */
  readonly live: InterceptionHandler[]
}

const hubs = new WeakMap<PrivacyAdapter, Hub>()

export function hubFor(adapter: PrivacyAdapter): Hub {
  let hub = hubs.get(adapter)
  if (hub) return hub
  const created: Hub = { live: [] }
  hubs.set(adapter, created)
  guard('Registering the platform privacy listener', adapter.listen, (respond, referrer) => {
    const intercept = created.live[created.live.length - 1]
    if (intercept) return intercept(respond, referrer)
    warn(`"${referrer}" needed privacy consent while no PrivacyProvider (or mounted store) was live; it was answered "disagree".`)
    guard('The platform resolve', respond, { event: 'disagree' })
  })
  return created
}

export function removeLast<T>(list: T[], item: T): void {
  const index = list.lastIndexOf(item)
  if (index >= 0) list.splice(index, 1)
}
