import { act } from '@testing-library/react'
import Taro from '@tarojs/taro'

type Callbacks = { success?: (result: { errMsg: string }) => void; fail?: (result: { errMsg: string }) => void }

export interface AppConfigDouble {
  pages: readonly string[]
  tabBar?: { custom?: boolean; list: readonly { pagePath: string }[] }
}

/**
 * Taro's page stack on a mini-program, as `src/ui/pages.ts` reads it: each loaded page has a
 * root in the document, `getCurrentPages()` lists the stack (tab pages stay loaded, hidden,
 * after a switchTab), `getCurrentInstance()` names the page being loaded or shown and the
 * app's config, and Taro emits `<route>.onShow` / `<route>.onHide` on its event center.
 * `Taro.hideTabBar` / `showTabBar` are recorded and, like WeChat's, fail off a tab page.
 * Call in a test (spies are restored by `jest.restoreAllMocks()`; call `cleanup()` after).
 */
export function pageStack(config: AppConfigDouble) {
  type Page = { route: string; root: HTMLElement }
  let stack: Page[] = []
  const alive = new Map<string, Page>()
  let current: Page | null = null
  let count = 0
  const tabs = (config.tabBar?.list ?? []).map((item) => item.pagePath)
  const tabBarCalls: string[] = []
  const taro = Taro as unknown as Record<string, unknown>
  jest.spyOn(Taro, 'getCurrentPages').mockImplementation(() => stack.map(({ root }) => ({ $taroPath: root.id })) as never)
  jest
    .spyOn(Taro, 'getCurrentInstance')
    .mockImplementation(() => ({ page: current && { $taroPath: current.root.id }, router: null, app: { config } }) as never)
  const tabBarFunction = (name: string) => (callbacks: Callbacks = {}) => {
    const top = stack[stack.length - 1]
    if (!top || !tabs.includes(top.route)) {
      tabBarCalls.push(`${name}:fail`)
      callbacks.fail?.({ errMsg: `${name}:fail not TabBar page` })
    } else {
      tabBarCalls.push(name)
      callbacks.success?.({ errMsg: `${name}:ok` })
    }
    return Promise.resolve()
  }
  taro.hideTabBar = tabBarFunction('hideTabBar')
  taro.showTabBar = tabBarFunction('showTabBar')
  const trigger = (key: string) => (Taro.eventCenter as unknown as { trigger(key: string): unknown }).trigger(key)
  const load = (route: string): Page => {
    const root = document.createElement('div')
    root.id = `${route}?$taroTimestamp=${++count}`
    document.body.appendChild(root)
    const page = { route, root }
    current = page
    return page
  }
  const unload = (page: Page) => {
    page.root.remove()
    if (alive.get(page.route) === page) alive.delete(page.route)
  }
  const hide = (page: Page | undefined) => page && act(() => void trigger(`${page.route}.onHide`))
  const show = (page: Page) => {
    current = page
    act(() => void trigger(`${page.route}.onShow`))
    return page.root
  }
  const top = () => stack[stack.length - 1]
  return {
    /** `Taro.hideTabBar` / `showTabBar` calls, `:fail` when made off a tab page. */
    tabBarCalls,
    /** The first page, loaded (not yet shown: render the app, then call `launched()`). */
    launch(route: string) {
      const page = load(route)
      stack = [page]
      if (tabs.includes(route)) alive.set(route, page)
      return page.root
    },
    launched: () => show(top()),
    root: (route: string) => (alive.get(route) ?? stack.find((page) => page.route === route))?.root,
    navigateTo(route: string) {
      hide(top())
      const page = load(route)
      stack.push(page)
      return show(page)
    },
    navigateBack() {
      unload(stack.pop()!)
      return show(top())
    },
    /** The top page is unloaded and `route` loaded in its place. */
    redirectTo(route: string) {
      unload(stack.pop()!)
      const page = load(route)
      stack.push(page)
      return show(page)
    },
    switchTab(route: string) {
      while (stack.length > 1) unload(stack.pop()!)
      const last = stack.pop()!
      if (last.route !== route) {
        if (tabs.includes(last.route)) hide(last)
        else unload(last)
      }
      let page = alive.get(route)
      if (!page) {
        page = load(route)
        alive.set(route, page)
      }
      stack = [page]
      return show(page)
    },
    cleanup() {
      delete taro.hideTabBar
      delete taro.showTabBar
    },
  }
}
