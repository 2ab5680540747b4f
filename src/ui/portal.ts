import { PART_CLASS } from './classes'
import { findTopPage, isInside, isLivePageRoot, normalizeRoute, taroVersion, type PageRoot } from './pages'

/** Pages where the portal never shows the consent UI: routes such as `pages/webview/index`, or a test on the route. */
export type PortalExclude = readonly string[] | ((route: string) => boolean)

/** What a portal renders into: the page showing the consent UI, and every live page that has a host node. */
export interface PortalPages {
  target: PageRoot | null
  pages: PageRoot[]
}

/** Whether the page shows a consent UI of its own (an explicit `<PrivacyModal/>`), outside `host`. */
function hasOwnModal(root: PageRoot, host: unknown): boolean {
  // Every `PrivacyModal` has the class `tp-mask` on its outermost element.
  const modals = root.getElementsByClassName(PART_CLASS + 'mask')
  for (let i = 0; i < modals.length; i++) {
    if (!host || !isInside(modals[i], host)) return true
  }
  return false
}

function isExcluded(route: string, exclude: PortalExclude | undefined): boolean {
  if (!exclude) return false
  if (typeof exclude === 'function') return exclude(route)
  return exclude.some((excluded) => normalizeRoute(excluded) === route)
}

/**
 * Where the portal renders now (after the DOM may have changed: a render, another page on
 * top, a page's own modal), or `null` when that is what it renders already. The page on top
 * gets the consent UI unless it is excluded or has its own; a page keeps its host node, empty,
 * until it is gone (hiding then empties the host, one small setData, where removing a child
 * of the page root would make Taro send the root's whole child list again).
 */
export function nextPortalPages(current: PortalPages, visible: boolean, exclude: PortalExclude | undefined, hosts: Map<PageRoot, unknown>): PortalPages | null {
  const top = visible ? findTopPage() : null
  const target = top && !isExcluded(top.route, exclude) && !hasOwnModal(top.root, hosts.get(top.root)) ? top.root : null
  const pages = current.pages.filter((page) => page === target || isLivePageRoot(page))
  if (target && pages.indexOf(target) < 0) pages.push(target)
  // `pages` keeps the order of `current.pages`, and a page appended is never the current
  // target: the same target and length mean the same pages.
  return target === current.target && pages.length === current.pages.length ? null : { target, pages }
}

const portals: (() => void)[] = []

/** A portal's subscription: `look` runs when a page's own consent UI has gone (the portal may now have to show it). */
export function onOwnModalGone(look: () => void): () => void {
  portals.push(look)
  return () => void portals.splice(portals.indexOf(look), 1)
}

/**
 * A page's own `PrivacyModal` unmounted. A portal that stepped aside for it is told, so calls
 * still waiting are not left with no consent UI on screen: nothing else would make it look again.
 */
export function ownModalGone(): void {
  portals.slice().forEach((look) => look())
}

/** How long the consent UI may wait for a page on top (the first page still loading). */
export const LOST_PAGE_MS = 3000

/**
 * No page on top while the consent UI should show, for longer than a page takes to load:
 * Taro's internals (read in pages.ts) are not what this version knows. Said once, in
 * production too; the calls keep waiting (refusing them would report a refusal nobody made).
 */
export function reportLostPage(): void {
  console.error('[taro-privacy] PrivacyModalPortal found no page on top (Taro ' + taroVersion() + '); calls wait unseen')
}
