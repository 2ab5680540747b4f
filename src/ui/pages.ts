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
  /** The page instance's `$taroPath`. */
  readonly id: string
  readonly parentNode: unknown
  getElementsByClassName(className: string): ArrayLike<unknown>
}

interface PageInstance {
  $taroPath?: string
}

interface AppConfig {
  pages?: string[]
  tabBar?: { custom?: boolean; list?: { pagePath: string }[] }
  subPackages?: { root: string; pages: string[] }[]
  subpackages?: { root: string; pages: string[] }[]
}

interface TaroLike {
  getCurrentPages?: () => PageInstance[]
  getCurrentInstance?: () => { page?: PageInstance | null; app?: { config?: AppConfig } | null; router?: { onShow?: string } | null }
  getApp?: () => { config?: AppConfig } | undefined
  eventCenter?: { on(key: string, fn: () => void): unknown; off(key: string, fn: () => void): unknown }
  hideTabBar?: (options: { fail?: () => void }) => unknown
  showTabBar?: (options: { fail?: () => void }) => unknown
}

const taro = Taro as unknown as TaroLike

/** `get()`, or `undefined` where it throws (a missing function or field of the runtime). */
function read<T>(get: () => T): T | undefined {
  try {
    return get()
  } catch (error) {
    return undefined
  }
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

/** The element with that id, or `null`. */
function byId(id: string): unknown {
  return read(() => document.getElementById(id))
}

/** The page Taro is loading or showing (`getCurrentInstance().page`). */
function instancePage(): PageInstance | null | undefined {
  return read(() => taro.getCurrentInstance!().page)
}

/** The page of a page instance, when its root element is in the document. */
function pageOf(instance: PageInstance | null | undefined): TopPage | null {
  const id = read(() => instance!.$taroPath)
  const root = typeof id === 'string' && id ? byId(id) : null
  return root ? { root: root as PageRoot, route: normalizeRoute(id as string) } : null
}

/**
 * The page on top of the stack with its root element, or `null` when there is none
 * (no Taro runtime, no page loaded yet). Pages whose root is already gone (a page being
 * unloaded by navigateBack) are skipped in favour of the page below.
 */
export function findTopPage(): TopPage | null {
  const stack = read(() => taro.getCurrentPages!())
  // From the end: the stack from its top, then the page Taro is loading or showing.
  const pages = [instancePage()].concat(Array.isArray(stack) ? stack : [])
  for (let i = pages.length; i--; ) {
    const page = pageOf(pages[i])
    if (page) return page
  }
  return null
}

/**
 * The page a component mounting now is in: the page Taro is loading or showing
 * (`getCurrentInstance().page`, set before the page renders), else the page on top.
 */
export function currentPage(): TopPage | null {
  return pageOf(instancePage()) || findTopPage()
}

/** The loaded page whose root holds `node` (walking up from it), or `null`. */
export function pageHolding(node: unknown): TopPage | null {
  const stack = read(() => taro.getCurrentPages!())
  const pages = (Array.isArray(stack) ? stack : []).map(pageOf).filter(Boolean) as TopPage[]
  for (let at = node as { parentNode?: unknown } | null | undefined; at; at = at.parentNode as typeof at) {
    for (let i = 0; i < pages.length; i++) if (pages[i].root === at) return pages[i]
  }
  return null
}

/** Whether the page of `root` is still loaded (its root is still the element with its id). */
export function isLivePageRoot(root: PageRoot): boolean {
  return byId(root.id) === root
}

/** Whether `element` is `ancestor` or inside it (Taro's DOM has no `contains`). */
export function isInside(element: unknown, ancestor: unknown): boolean {
  for (let node = element as { parentNode?: unknown } | null | undefined; node; node = node.parentNode as typeof node) {
    if (node === ancestor) return true
  }
  return false
}

function appConfig(): AppConfig {
  return read(() => taro.getCurrentInstance!().app!.config!) || read(() => taro.getApp!()!.config!) || {}
}

/**
 * Calls `onChange` whenever another page may have come on top: after an h5 route change,
 * and after any page of the app is shown on mini-programs (Taro emits `<route>.onShow`
 * on its event center; navigateTo, navigateBack and switchTab all end with one).
 */
export function subscribeToPageChanges(onChange: () => void): () => void {
  const center = read(() => taro.eventCenter)
  if (!center || typeof center.on !== 'function') return () => {}
  const keys = new Set(['__afterTaroRouterChange'])
  // Every page of the app, with the subpackages' (`subPackages` or `subpackages`).
  const config = appConfig()
  const add = (route: string) => void keys.add(route + '.onShow')
  ;(config.pages || []).forEach(add)
  ;(config.subPackages || []).concat(config.subpackages || []).forEach((pkg) => (pkg.pages || []).forEach((page) => add(pkg.root.replace(/\/$/, '') + '/' + page)))
  const current = read(() => taro.getCurrentInstance!().router!.onShow)
  if (current) keys.add(current)
  keys.forEach((key) => center.on(key, onChange))
  return () => keys.forEach((key) => center.off(key, onChange))
}

/** Whether `route` is a page of the native tab bar (app.json's `tabBar.list`, not a `custom` tab bar). */
export function isNativeTabPage(route: string): boolean {
  const tabBar = appConfig().tabBar
  return !!tabBar && !tabBar.custom && (tabBar.list || []).some((item) => normalizeRoute(item.pagePath) === route)
}

// The native tab bar, hidden by a consent UI: how many hold it hidden, whether it is hidden
// by us (only then is it shown again), and the wait for a tab page to show it on.
let tabBarHolders = 0
let tabBarHidden = false
let waitForTabPage: (() => void) | undefined

/** A missing or throwing function is left at that: the tab bar then stays as it is. */
function callTabBar(name: 'hideTabBar' | 'showTabBar', fail?: () => void): void {
  read(() => taro[name]!({ fail }))
}

/** Shows the tab bar again once nothing holds it and a tab page is on top (WeChat refuses it elsewhere). */
function restoreTabBar(): void {
  if (tabBarHolders || !tabBarHidden) return
  const top = findTopPage()
  if (top && !isNativeTabPage(top.route)) {
    if (!waitForTabPage) waitForTabPage = subscribeToPageChanges(restoreTabBar)
    return
  }
  if (waitForTabPage) waitForTabPage()
  waitForTabPage = undefined
  tabBarHidden = false
  callTabBar('showTabBar')
}

/**
 * Hides the native tab bar (a mask in the page cannot cover it) while a consent UI on the
 * tab page `route` holds it; returns the release, which shows it again if it was hidden here.
 */
export function holdTabBarHidden(route: string): () => void {
  tabBarHolders++
  if (!tabBarHidden && isNativeTabPage(route)) {
    tabBarHidden = true
    callTabBar('hideTabBar', () => {
      tabBarHidden = false
    })
  }
  // The release is an effect's cleanup: called once.
  return () => {
    tabBarHolders--
    // At the end of the task: a consent UI mounted again at once (StrictMode, the portal
    // moving to the next page) keeps the tab bar hidden without a flicker.
    setTimeout(restoreTabBar, 0)
  }
}

/** The Taro version the app was built with (Taro's build defines `process.env.TARO_VERSION`, 3.x and 4.x). */
export function taroVersion(): string {
  try {
    return process.env.TARO_VERSION || 'unknown'
  } catch (error) {
    return 'unknown'
  }
}
