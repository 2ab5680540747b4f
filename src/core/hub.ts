import { guard, warn } from './dev'
import type { InterceptionHandler, PlatformResolution, PrivacyAdapter } from './types'

/**
 * The platform keeps one privacy listener per app (registering again replaces it), so
 * each adapter registers exactly once and the hub routes every interception to the
 * most recent mount of a store.
 */
export interface Hub {
  /** Adds a mount; returns the function that removes exactly this mount. */
  mount(intercept: InterceptionHandler): () => void
  /** Removes every mount of this handler (store destroyed). */
  drop(intercept: InterceptionHandler): void
}

interface Orphan {
  respond: (result: PlatformResolution) => void
  referrer: string
}

const hubs = new WeakMap<PrivacyAdapter, Hub>()

export function hubFor(adapter: PrivacyAdapter): Hub {
  const existing = hubs.get(adapter)
  if (existing) return existing

  // One object per mount, so unmounting removes that mount even when a store is mounted twice.
  let mounts: { intercept: InterceptionHandler }[] = []
  let orphans: Orphan[] = []

  const top = () => (mounts.length ? mounts[mounts.length - 1].intercept : undefined)
  // Children's effects run before their provider's, so a call made in a page's first
  // effect can arrive just before the provider mounts: hold it until the end of the task.
  const refuseOrphans = () => {
    const refused = orphans
    orphans = []
    refused.forEach(({ respond, referrer }) => {
      if (process.env.NODE_ENV !== 'production') warn(`"${referrer}" needed privacy consent while no PrivacyProvider (or mounted store) was live; it was answered "disagree".`)
      guard(respond, { event: 'disagree' })
    })
  }

  const hub: Hub = {
    mount(intercept) {
      const entry = { intercept }
      mounts.push(entry)
      const waiting = orphans
      orphans = []
      waiting.forEach(({ respond, referrer }) => intercept(respond, referrer))
      return () => {
        mounts = mounts.filter((mount) => mount !== entry)
      }
    },
    drop(intercept) {
      mounts = mounts.filter((mount) => mount.intercept !== intercept)
    },
  }
  hubs.set(adapter, hub)
  guard(adapter.listen, (respond, referrer) => {
    const intercept = top()
    if (intercept) return intercept(respond, referrer)
    if (!orphans.length) setTimeout(refuseOrphans, 0)
    orphans.push({ respond, referrer })
  })
  return hub
}
