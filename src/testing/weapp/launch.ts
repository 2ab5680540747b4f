import { existsSync, readFileSync } from 'node:fs'
import { join, resolve, sep } from 'node:path'
import { createPrivacySimulator, type PrivacySimulator, type PrivacySimulatorOptions, type SimulatedCall, type SimulatedRequest } from '../simulator'
import { createPage, DEFAULT_SELECTORS, type AgreeOptions, type ConsentSelectors, type Target, type WeappPage } from './page'
import { freshSimulate, type MiniprogramSimulate, type SimulatedComponent } from './simulate'

type Callbacks = { success?: (result: { errMsg: string }) => void; fail?: (result: { errMsg: string }) => void; complete?: (result: { errMsg: string }) => void }
type WxFunction = (options?: any) => unknown

export interface LaunchWeappOptions {
  /** The folder of the compiled weapp app (holding `app.js` and `app.json`), e.g. `'dist'`; relative to the working directory. */
  dist: string
  /** The first page, with an optional query: `'pages/login/index?from=ad'`. Default: the first page in app.json. */
  page?: string
  /** The platform: a simulator, or options for a new one (`createPrivacySimulator`). Default: a new simulator, consent missing. */
  simulator?: PrivacySimulator | PrivacySimulatorOptions
  /** More `wx` functions for the app (merged over the harness's own). */
  wx?: Record<string, WxFunction>
  /** How the consent UI and its buttons are found. */
  selectors?: Partial<ConsentSelectors>
  /** Called as each page opens, before its `onLoad`: e.g. to watch its `setData` from the first render on. */
  onPageOpen?: (page: WeappPage) => void
}

/** The running app. Actions wait for the app to settle (the base library, Taro's render queue, React). */
export interface WeappApp {
  /** The simulated platform the app runs on. */
  readonly sim: PrivacySimulator
  /** The `wx` the app sees: the simulator's API, routing, and `options.wx`. */
  readonly wx: Record<string, WxFunction>
  /** The page on top. */
  readonly page: WeappPage
  /** The page stack, bottom first. */
  readonly stack: readonly WeappPage[]
  /** Every live page: the stack plus tabBar pages kept in the background. */
  readonly pages: readonly WeappPage[]
  /** `sim.requests`: every intercepted call, with the events its `resolve` received. */
  readonly requests: readonly SimulatedRequest[]
  /** `sim.violations`: broken platform rules (double resolve, agree without a tap, …). Empty when the app behaved. */
  readonly violations: readonly string[]
  /** `sim.calls`: every privacy call the app made, with the callbacks it received. */
  readonly calls: readonly SimulatedCall[]
  /** Routing calls that failed (e.g. `navigateTo` a tabBar page). */
  readonly errors: readonly Error[]
  navigateTo(url: string): Promise<WeappPage>
  redirectTo(url: string): Promise<WeappPage>
  navigateBack(delta?: number): Promise<WeappPage>
  switchTab(url: string): Promise<WeappPage>
  /** On the page on top: see `WeappPage`. */
  tap(target: Target): Promise<void>
  input(target: Target, value: string): Promise<void>
  text(): string
  agree(options?: AgreeOptions): Promise<string>
  disagree(): Promise<void>
  /** Waits until timers and the render queue have run (about 100 ms). */
  settle(): Promise<void>
  /** Unloads every page and removes the globals (`wx`, `App`, `Page`, …). */
  close(): void
}

interface LivePage {
  view: WeappPage
  component: SimulatedComponent
  container: Element
  unloaded: boolean
}

function parseUrl(url: string): { route: string; query: Record<string, string> } {
  const [pathname, search = ''] = url.split('?')
  const query: Record<string, string> = {}
  for (const pair of search.split('&').filter(Boolean)) {
    const [key, value = ''] = pair.split('=')
    query[decodeURIComponent(key)] = decodeURIComponent(value)
  }
  return { route: pathname.replace(/^\//, ''), query }
}

/** `Page(options)`: a WeChat page is a component whose methods are the options' functions. */
function pageToComponent(options: Record<string, unknown>) {
  const methods: Record<string, unknown> = {}
  for (const key of Object.keys(options)) if (typeof options[key] === 'function') methods[key] = options[key]
  return { data: options.data ?? {}, methods }
}

const GLOBALS = ['wx', 'App', 'Page', 'getApp', 'getCurrentPages'] as const
const globals = globalThis as unknown as Record<string, unknown>
let running: WeappApp | undefined

function readApp(dist: string): { pages: string[]; tabBar?: { list?: { pagePath: string }[] } } {
  if (!existsSync(join(dist, 'app.js')) || !existsSync(join(dist, 'app.json')))
    throw new Error(
      `[taro-privacy] launchWeapp: no compiled weapp app in ${dist} (app.js and app.json expected). Build it first (\`taro build --type weapp\`) and pass the output folder as \`dist\` (Taro's default is 'dist').`,
    )
  return JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8'))
}

/**
 * Runs a compiled Taro weapp app in miniprogram-simulate (WeChat's template compiler +
 * j-component) under jest's jsdom environment, with the privacy simulator as `wx`:
 * `App`, `Page`, `getApp`, `getCurrentPages`, the page stack with WeChat's lifecycle
 * order, tabBar pages that stay alive while hidden. Each launch starts the app afresh
 * (and closes the one before).
 */
export async function launchWeapp(options: LaunchWeappOptions): Promise<WeappApp> {
  if (!options || typeof options.dist !== 'string')
    throw new TypeError("[taro-privacy] launchWeapp({ dist }): dist must be the folder of the compiled weapp app, e.g. 'dist'.")
  if (typeof document === 'undefined')
    throw new Error("[taro-privacy] launchWeapp needs a DOM: run the test in jest's jsdom environment (testEnvironment: 'jsdom').")
  running?.close()
  const dist = resolve(options.dist)
  const appJson = readApp(dist)
  const simulate: MiniprogramSimulate = freshSimulate(dist + sep)
  const sim = isSimulator(options.simulator) ? options.simulator : createPrivacySimulator(options.simulator)
  const selectors = { ...DEFAULT_SELECTORS, ...options.selectors }
  const tabRoutes = new Set((appJson.tabBar?.list ?? []).map((item) => item.pagePath))
  const definitions = new Map<string, string>()
  const aliveTabs = new Map<string, LivePage>()
  const errors: Error[] = []
  let stack: LivePage[] = []
  let app: Record<string, (...args: unknown[]) => void> | undefined

  const settle = async () => {
    for (let i = 0; i < 5; i++) await new Promise((done) => setTimeout(done, 20))
    await new Promise((done) => setTimeout(done, 0))
  }

  function openPage(route: string, query: Record<string, string>): LivePage {
    if (!appJson.pages.includes(route)) throw new Error(`[taro-privacy] no page "${route}" in app.json (pages: ${appJson.pages.join(', ')})`)
    if (!definitions.has(route)) definitions.set(route, simulate.load(join(dist, route), { rootPath: dist }))
    const component = simulate.render(definitions.get(route)!)
    const container = document.createElement('page-container')
    container.setAttribute('route', route)
    document.body.appendChild(container)
    component.attach(container)
    const instance = component.instance
    instance.route = route
    instance.__route__ = route
    instance.options = query
    const page: LivePage = { view: createPage(route, query, component, { sim, selectors, settle }), component, container, unloaded: false }
    options.onPageOpen?.(page.view)
    instance.onLoad(query)
    instance.onShow()
    instance.onReady()
    return page
  }

  function unloadPage(page: LivePage): void {
    page.component.instance.onUnload()
    page.unloaded = true
    page.component.detach()
    page.container.remove()
    if (aliveTabs.get(page.view.route) === page) aliveTabs.delete(page.view.route)
  }

  const top = () => stack[stack.length - 1]

  /** A routing call as the base library runs it: the page work, then the callbacks, on a later task. */
  const route = (name: string, callbacks: Callbacks = {}, work: () => void) =>
    setTimeout(() => {
      try {
        work()
      } catch (error) {
        errors.push(error as Error)
        const result = { errMsg: `${name}:fail ${(error as Error).message}` }
        callbacks.fail?.(result)
        callbacks.complete?.(result)
        return
      }
      const result = { errMsg: `${name}:ok` }
      callbacks.success?.(result)
      callbacks.complete?.(result)
    }, 0)

  const routing: Record<string, WxFunction> = {
    navigateTo: (callbacks: Callbacks & { url: string }) =>
      route('navigateTo', callbacks, () => {
        const { route: target, query } = parseUrl(callbacks.url)
        if (tabRoutes.has(target)) throw new Error('can not navigateTo a tabbar page')
        top()?.component.instance.onHide()
        stack.push(openPage(target, query))
      }),
    navigateBack: (callbacks: Callbacks & { delta?: number } = {}) =>
      route('navigateBack', callbacks, () => {
        if (stack.length === 1) throw new Error('cannot navigate back at first page.')
        const delta = Math.min(callbacks.delta ?? 1, stack.length - 1)
        for (let i = 0; i < delta; i++) unloadPage(stack.pop()!)
        top().component.instance.onShow()
      }),
    redirectTo: (callbacks: Callbacks & { url: string }) =>
      route('redirectTo', callbacks, () => {
        const { route: target, query } = parseUrl(callbacks.url)
        if (tabRoutes.has(target)) throw new Error('can not redirectTo a tabbar page')
        unloadPage(stack.pop()!)
        stack.push(openPage(target, query))
      }),
    switchTab: (callbacks: Callbacks & { url: string }) =>
      route('switchTab', callbacks, () => {
        const { route: target } = parseUrl(callbacks.url)
        if (!tabRoutes.has(target)) throw new Error('can not switchTab to a non-tabbar page')
        const covered = stack.length > 1
        while (stack.length > 1) unloadPage(stack.pop()!)
        const current = stack.pop()
        if (current && current.view.route === target) {
          stack.push(current)
          // back to the tab page under the pages just closed: it shows again
          if (covered) current.component.instance.onShow()
          return
        }
        if (current && tabRoutes.has(current.view.route)) current.component.instance.onHide()
        else if (current) unloadPage(current)
        const alive = aliveTabs.get(target)
        if (alive) {
          stack = [alive]
          alive.component.instance.onShow()
        } else {
          const page = openPage(target, {})
          aliveTabs.set(target, page)
          stack = [page]
        }
      }),
  }

  const wx: Record<string, WxFunction> = {
    ...(sim.api as Record<string, WxFunction>),
    ...routing,
    getSystemInfoSync: () => ({ platform: 'devtools', SDKVersion: '3.0.0', windowWidth: 375, windowHeight: 667, pixelRatio: 2 }),
    showToast: (callbacks?: Callbacks) => callbacks?.success?.({ errMsg: 'showToast:ok' }),
    ...options.wx,
  }

  globals.wx = wx
  globals.App = (appOptions: typeof app) => void (app = appOptions)
  globals.getApp = () => app
  globals.getCurrentPages = () => stack.map((page) => page.component.instance)
  globals.Page = (pageOptions: Record<string, unknown>) => (globals.Component as (definition: unknown) => void)(pageToComponent(pageOptions))

  require(join(dist, 'app.js'))
  if (!app) throw new Error(`[taro-privacy] ${join(dist, 'app.js')} did not call App(): is it a Taro weapp build?`)
  const entry = parseUrl(options.page ?? appJson.pages[0])
  app.onLaunch?.({ path: entry.route, query: entry.query, scene: 1001 })
  app.onShow?.({ path: entry.route, query: entry.query, scene: 1001 })
  const first = openPage(entry.route, entry.query)
  if (tabRoutes.has(entry.route)) aliveTabs.set(entry.route, first)
  stack = [first]

  /** Runs a routing call through `wx`, then settles; rejects when the base library would fail it. */
  const navigate = (name: string, extra: Record<string, unknown>) =>
    new Promise<WeappPage>((done, failed) =>
      wx[name]({
        ...extra,
        success: () => void settle().then(() => done(top().view)),
        fail: (result: { errMsg: string }) => failed(new Error(result.errMsg)),
      }),
    )

  const instance: WeappApp = {
    sim,
    wx,
    get page() {
      return top().view
    },
    get stack() {
      return stack.map((page) => page.view)
    },
    get pages() {
      return [...new Set([...aliveTabs.values(), ...stack])].map((page) => page.view)
    },
    get requests() {
      return sim.requests
    },
    get violations() {
      return sim.violations
    },
    get calls() {
      return sim.calls
    },
    errors,
    navigateTo: (url) => navigate('navigateTo', { url }),
    redirectTo: (url) => navigate('redirectTo', { url }),
    navigateBack: (delta = 1) => navigate('navigateBack', { delta }),
    switchTab: (url) => navigate('switchTab', { url }),
    tap: (selector) => top().view.tap(selector),
    input: (selector, value) => top().view.input(selector, value),
    text: () => top().view.text(),
    agree: (agreeOptions) => top().view.agree(agreeOptions),
    disagree: () => top().view.disagree(),
    settle,
    close() {
      for (const page of [...stack].reverse()) if (!page.unloaded) unloadPage(page)
      for (const page of aliveTabs.values()) if (!page.unloaded) unloadPage(page)
      stack = []
      for (const name of GLOBALS) delete globals[name]
      if (running === instance) running = undefined
    },
  }
  running = instance
  await settle()
  return instance
}

function isSimulator(value: unknown): value is PrivacySimulator {
  return !!value && typeof (value as PrivacySimulator).tapAgreeButton === 'function'
}
