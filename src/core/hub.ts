import { report, warn } from './dev'
import type { InterceptionHandler, PlatformResolution, PrivacyAdapter } from './types'

/**
 * The app's one router of interceptions. The platform keeps one privacy listener (registering
 * again replaces it), so every interception, whichever adapter or platform object it came
 * through, goes through `route` to the store mounted last.
 */
let mounts: { intercept: InterceptionHandler; order: number }[] = []
let mountsEver = 0
let orphans: { respond: (result: PlatformResolution) => void; referrer: string }[] = []
const listening = new WeakSet<PrivacyAdapter>()

// Children's effects run before their provider's, so a call made in a page's first effect can
// arrive just before the provider mounts: it is held until the end of the task.
function refuseOrphans(): void {
  const refused = orphans
  orphans = []
  refused.forEach((orphan) => {
    if (process.env.NODE_ENV !== 'production') warn(`"${orphan.referrer}" needed privacy consent while no PrivacyProvider, Vue app with createPrivacy() or mounted store was live; it was answered "disagree".`)
    report(orphan.respond, { event: 'disagree' })
  })
}

/** Sends an interception to the store mounted last, or holds it until the end of the task. */
function route(respond: (result: PlatformResolution) => void, referrer: string): void {
  if (mounts.length) return mounts[mounts.length - 1].intercept(respond, referrer)
  if (!orphans.length) setTimeout(refuseOrphans, 0)
  orphans.push({ respond, referrer })
}

let live: InterceptionHandler | undefined

/**
 * Registers the platform listener through `adapter`, once per adapter. As on the platform,
 * the latest registration replaces the earlier ones: only interceptions coming through it are
 * routed (a replaced one cannot receive any on a real platform; a test's earlier simulator can).
 */
export function listenThrough(adapter: PrivacyAdapter): void {
  if (listening.has(adapter) || !adapter.listen) return
  listening.add(adapter)
  if (process.env.NODE_ENV !== 'production' && live && mounts.length)
    warn('a second adapter registered the platform privacy listener while a store was mounted. The platform keeps one listener, so every interception now comes through this adapter (and still goes to the store mounted last). Create one adapter per app and give it to every store.')
  const through: InterceptionHandler = (respond, referrer) => (live === through ? route(respond, referrer) : report(respond, { event: 'disagree' }))
  live = through
  report(adapter.listen, through)
}

/** Adds a mount on top; returns its order, which removes exactly this mount (`unmountRoute`). */
export function mountRoute(intercept: InterceptionHandler): number {
  const entry = { intercept, order: ++mountsEver }
  mounts.push(entry)
  const waiting = orphans
  orphans = []
  waiting.forEach(({ respond, referrer }) => intercept(respond, referrer))
  return entry.order
}

export function unmountRoute(order: number): void {
  mounts = mounts.filter((mount) => mount.order !== order)
}

/** The handler of the store mounted last among those mounted before `order`. */
export function mountedBefore(order: number): InterceptionHandler | undefined {
  const below = mounts.filter((mount) => mount.order < order)
  return below.length ? below[below.length - 1].intercept : undefined
}

/** Removes every mount of a store (destroyed). */
export function dropRoutes(intercept: InterceptionHandler): void {
  mounts = mounts.filter((mount) => mount.intercept !== intercept)
}

/** For the package's own tests: each test starts with no mounts and nothing held, as a fresh app does. */
export function resetRouting(): void {
  mounts = []
  orphans = []
}
