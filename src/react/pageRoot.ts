import Taro from '@tarojs/taro'

/**
 * Where the consent UI goes: the root element of the Taro page on top.
 *
 * Mini-program pages are separate views and the App component has none of its own, so
 * a modal rendered by the provider must be portalled into a page. Taro gives each page
 * a root element whose id is the page instance's `$taroPath` (a `<root>` node of Taro's
 * DOM on mini-programs, a `div.taro_page` on h5).
 *
 * `document` is read only inside functions: on mini-programs Taro's bundler provides
 * its own document there, and under jest/jsdom there are no Taro pages at all.
 */

/** The subset of a DOM / Taro element the portal needs. */
export interface PageRoot {
  readonly parentNode: unknown
  getElementsByClassName(className: string): ArrayLike<unknown>
}

interface PageInstance {
  $taroPath?: string
}

interface AppConfig {
  pages?: string[]
  subPackages?: { root: string; pages: string[] }[]
  subpackages?: { root: string; pages: string[] }[]
}

interface TaroLike {
  getCurrentPages?: () => PageInstance[]
  getCurrentInstance?: () => { page?: PageInstance | null; app?: { config?: AppConfig } | null; router?: { onShow?: string } | null }
  getApp?: () => { config?: AppConfig } | undefined
  eventCenter?: { on(key: string, fn: () => void): unknown; off(key: string, fn: () => void): unknown }
}

const taro = Taro as unknown as TaroLike

function attempt<T>(read: () => T): T | undefined {
  try {
    return read()
  } catch {
    return undefined
  }
}

function elementById(id: string): PageRoot | null {
  return attempt(() => document.getElementById(id) as unknown as PageRoot | null) ?? null
}

/** A page's route without leading slash or query: `pages/index/index`. */
export function normalizeRoute(path: string): string {
  return path.replace(/^\//, '').split('?')[0]
}

export interface TopPage {
  root: PageRoot
  /** e.g. `pages/index/index` */
  route: string
}

/**
 * The page on top of the stack with its root element, or `null` when there is none
 * (no Taro runtime, no page loaded yet). Pages whose root is already gone (a page being
 * unloaded by navigateBack) are skipped in favour of the page below.
 */
export function findTopPage(): TopPage | null {
  const stack = attempt(() => taro.getCurrentPages?.()) ?? []
  const candidates: (PageInstance | null | undefined)[] = Array.isArray(stack) ? [...stack].reverse() : []
  candidates.push(attempt(() => taro.getCurrentInstance?.()?.page))
  for (const page of candidates) {
    const id = page?.$taroPath
    if (typeof id !== 'string' || !id) continue
    const root = elementById(id)
    if (root) return { root, route: normalizeRoute(id) }
  }
  return null
}

/** Whether `element` is `ancestor` or inside it (Taro's DOM has no `contains`). */
export function isInside(element: unknown, ancestor: unknown): boolean {
  for (let node = element as { parentNode?: unknown } | null | undefined; node; node = node.parentNode as typeof node) {
    if (node === ancestor) return true
  }
  return false
}

function appPageRoutes(): string[] {
  const config =
    attempt(() => taro.getCurrentInstance?.()?.app?.config) ?? attempt(() => taro.getApp?.()?.config) ?? {}
  const routes = [...(config.pages ?? [])]
  for (const pkg of [...(config.subPackages ?? []), ...(config.subpackages ?? [])]) {
    for (const page of pkg.pages ?? []) routes.push(`${pkg.root.replace(/\/$/, '')}/${page}`)
  }
  return routes
}

/**
 * Calls `onChange` whenever another page may have come on top: after an h5 route change,
 * and after any page of the app is shown on mini-programs (Taro emits `<route>.onShow`
 * on its event center; navigateTo, navigateBack and switchTab all end with one).
 */
export function subscribeToPageChanges(onChange: () => void): () => void {
  const center = attempt(() => taro.eventCenter)
  if (!center || typeof center.on !== 'function') return () => {}
  const keys = new Set(['__afterTaroRouterChange'])
  for (const route of appPageRoutes()) keys.add(`${route}.onShow`)
  const current = attempt(() => taro.getCurrentInstance?.()?.router?.onShow)
  if (current) keys.add(current)
  keys.forEach((key) => center.on(key, onChange))
  return () => keys.forEach((key) => center.off(key, onChange))
}
