import { join, resolve, sep } from 'node:path'
import { runInThisContext } from 'node:vm'
import { createPrivacySimulator, type PrivacySimulator, type PrivacySimulatorOptions, type SimulatedRequest } from '../simulator'
import { readCompiledApp } from './dist'
import { createPage, DEFAULT_SELECTORS, type AgreeOptions, type ConsentSelectors, type Target, type WeappPage } from './page'
import { freshSimulate, type MiniprogramSimulate, type SimulatedComponent } from './simulate'
import { recordCalls, wxDefaults, type WeappCall, type WxFunction } from './wx'

type Callbacks = { success?: (result: { errMsg: string }) => void; fail?: (result: { errMsg: string }) => void; complete?: (result: { errMsg: string }) => void }

export interface LaunchWeappOptions {
  /** The folder of the compiled weapp app (holding `app.js` and `app.json`), e.g. `'dist'`; relative to the working directory. */
  dist: string
  /**
   * The first page, with an optional query: `'pages/login/index?from=ad'`; a subpackage page
   * is its `root` and page: `'subpackages/stores/index'`. Default: app.json's `entryPagePath`, else its first page.
   */
  page?: string
  /** The platform: a simulator, or options for a new one (`createPrivacySimulator`). Default: a new simulator, consent missing. */
  simulator?: PrivacySimulator | PrivacySimulatorOptions
  /**
   * `wx` functions for the app, merged over the harness's own (the simulator's privacy APIs,
   * routing, and harmless defaults for everyday APIs: system info, toast, modal, storage, …).
   * Add one the app needs, or replace a default, e.g. `{ request: ({ success }) => success({ statusCode: 200, data: [] }) }`.
   * Every call is recorded in `calls`, these too.
   */
  wx?: Record<string, WxFunction>
  /** What storage (`getStorageSync`, `getStorage`, …) holds at launch: e.g. a user who visited before. Default: empty. */
  storage?: Record<string, unknown>
  /** How the consent UI and its buttons are found. */
  selectors?: Partial<ConsentSelectors>
  /** Called as each page opens, before its `onLoad`: e.g. to watch its `setData` from the first render on. */
  onPageOpen?: (page: WeappPage) => void
}

/** The running app. Actions wait for the app to settle (the base library, Taro's render queue, React). */
export interface WeappApp {
  /** The simulated platform the app runs on. */
  readonly sim: PrivacySimulator
  /** The `wx` the app sees: the simulator's API, routing, harmless defaults for everyday APIs, and `options.wx`; each function recorded in `calls`. */
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
  /**
   * Every call the app made to `wx` (privacy APIs, routing, toasts, storage, …), in order,
   * with its arguments and the callbacks it received: e.g.
   * `app.calls.filter((call) => call.api === 'showToast')`. Calls made by the harness's own
   * `navigateTo`, … are not in it. The privacy calls are also in `sim.calls`.
   */
  readonly calls: readonly WeappCall[]
  /**
   * What went wrong in the app while it ran: routing calls that failed (e.g. `navigateTo` a
   * tabBar page), and unhandled promise rejections (an `Error` whose `cause` is the reason),
   * recorded here instead of failing the test from nowhere. Check it after each test:
   * `expect(app.errors).toEqual([])`.
   */
  readonly errors: readonly Error[]
  navigateTo(url: string): Promise<WeappPage>
  redirectTo(url: string): Promise<WeappPage>
  navigateBack(delta?: number): Promise<WeappPage>
  switchTab(url: string): Promise<WeappPage>
  reLaunch(url: string): Promise<WeappPage>
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

const GLOBALS = ['wx', 'App', 'Page', 'getApp', 'getCurrentPages', '__wxConfig'] as const
const globals = globalThis as unknown as Record<string, unknown>
let running: WeappApp | undefined

/** Node's own `process` (under jest, tests see a copy whose events never fire). */
const nodeProcess = (): NodeJS.Process => runInThisContext('process')

/**
 * While the app runs, an unhandled rejection is recorded in `errors` instead of reaching the
 * process's other listeners (jest's, which fail whatever test runs). Returns the undo.
 */
function recordRejections(errors: Error[]): () => void {
  const target = nodeProcess()
  const others = target.listeners('unhandledRejection')
  const listener = (reason: unknown) => {
    const text = reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason)
    errors.push(Object.assign(new Error(`[taro-privacy] unhandled rejection in the app: ${text}`), { cause: reason }))
  }
  target.removeAllListeners('unhandledRejection')
  target.on('unhandledRejection', listener)
  let released = false
  return () => {
    if (released) return
    released = true
    target.removeListener('unhandledRejection', listener)
    for (const other of others) if (!target.listeners('unhandledRejection').includes(other)) target.on('unhandledRejection', other)
  }
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
  const { appJson, routes, independent, appId } = readCompiledApp(dist)
  const simulate: MiniprogramSimulate = freshSimulate(dist + sep)
  const sim = isSimulator(options.simulator) ? options.simulator : createPrivacySimulator(options.simulator)
  const selectors = { ...DEFAULT_SELECTORS, ...options.selectors }
  const tabRoutes = new Set((appJson.tabBar?.list ?? []).map((item) => item.pagePath))
  const definitions = new Map<string, string>()
  const aliveTabs = new Map<string, LivePage>()
  const errors: Error[] = []
  const calls: WeappCall[] = []
  let stack: LivePage[] = []
  let app: Record<string, (...args: unknown[]) => void> | undefined

  const settle = async () => {
    for (let i = 0; i < 5; i++) await new Promise((done) => setTimeout(done, 20))
    await new Promise((done) => setTimeout(done, 0))
  }

  let appLoaded = false
  /**
   * Runs app.js (`App()`, then `onLaunch` and `onShow`) before the first page of the main
   * package or of a normal subpackage. An app opened on a page of an independent subpackage
   * runs without it, as in WeChat, until the user reaches such a page.
   */
  function loadApp(): void {
    if (appLoaded) return
    appLoaded = true
    require(join(dist, 'app.js'))
    if (!app) throw new Error(`[taro-privacy] ${join(dist, 'app.js')} did not call App(): is it a Taro weapp build?`)
    const launch = { path: entry.route, query: entry.query, scene: 1001 }
    app.onLaunch?.(launch)
    app.onShow?.(launch)
  }

  function openPage(route: string, query: Record<string, string>): LivePage {
    if (!routes.includes(route)) throw new Error(`[taro-privacy] no page "${route}" in app.json (pages: ${routes.join(', ')})`)
    if (!independent.has(route)) loadApp()
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
        if (!routes.includes(target)) throw new Error(`page "${target}" is not found`)
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
        if (!routes.includes(target)) throw new Error(`page "${target}" is not found`)
        if (tabRoutes.has(target)) throw new Error('can not redirectTo a tabbar page')
        unloadPage(stack.pop()!)
        stack.push(openPage(target, query))
      }),
    switchTab: (callbacks: Callbacks & { url: string }) =>
      route('switchTab', callbacks, () => {
        const { route: target } = parseUrl(callbacks.url)
        if (!routes.includes(target)) throw new Error(`page "${target}" is not found`)
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
    reLaunch: (callbacks: Callbacks & { url: string }) =>
      route('reLaunch', callbacks, () => {
        const { route: target, query } = parseUrl(callbacks.url)
        if (!routes.includes(target)) throw new Error(`page "${target}" is not found`)
        for (const page of [...stack].reverse()) unloadPage(page)
        for (const page of [...aliveTabs.values()]) if (!page.unloaded) unloadPage(page)
        const page = openPage(target, query)
        if (tabRoutes.has(target)) aliveTabs.set(target, page)
        stack = [page]
      }),
  }

  const entry = parseUrl(options.page ?? appJson.entryPagePath ?? appJson.pages[0])
  const baseLibrary = (!isSimulator(options.simulator) && options.simulator?.baseLibrary) || '3.19.0'
  const storage = new Map(Object.entries(options.storage ?? {}))
  const wx = recordCalls(
    {
      ...wxDefaults({ appJson, entry: { path: entry.route, query: entry.query }, appId, baseLibrary, storage }),
      ...(sim.api as Record<string, WxFunction>),
      ...routing,
      ...options.wx,
    },
    calls,
  )

  globals.wx = wx
  // What the base library tells the app about itself (Taro and libraries read it).
  globals.__wxConfig = {
    ...appJson,
    pages: routes,
    entryPagePath: `${entry.route}.html`,
    global: { window: appJson.window ?? {} },
    envVersion: 'develop',
    platform: 'devtools',
    appLaunchInfo: { path: entry.route, query: entry.query, scene: 1001 },
    accountInfo: { appId },
  }
  let defaultApp: Record<string, (...args: unknown[]) => void> | undefined
  globals.App = (appOptions: NonNullable<typeof app>) => void (app = defaultApp ? Object.assign(defaultApp, appOptions) : appOptions)
  // Before App() (a page of an independent subpackage), getApp() is undefined, or with allowDefault an object App() merges into.
  globals.getApp = (getOptions?: { allowDefault?: boolean }) => app ?? (getOptions?.allowDefault ? (defaultApp ??= {}) : undefined)
  globals.getCurrentPages = () => stack.map((page) => page.component.instance)
  globals.Page = (pageOptions: Record<string, unknown>) => (globals.Component as (definition: unknown) => void)(pageToComponent(pageOptions))

  const releaseRejections = recordRejections(errors)
  let first: LivePage
  try {
    first = openPage(entry.route, entry.query)
  } catch (error) {
    releaseRejections()
    for (const name of GLOBALS) delete globals[name]
    throw error
  }
  if (tabRoutes.has(entry.route)) aliveTabs.set(entry.route, first)
  stack = [first]

  /** Runs a routing call as the app would (not recorded in `calls`), then settles; rejects when the base library would fail it. */
  const navigate = (name: string, extra: Record<string, unknown>) =>
    new Promise<WeappPage>((done, failed) =>
      routing[name]({
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
    calls,
    errors,
    navigateTo: (url) => navigate('navigateTo', { url }),
    redirectTo: (url) => navigate('redirectTo', { url }),
    navigateBack: (delta = 1) => navigate('navigateBack', { delta }),
    switchTab: (url) => navigate('switchTab', { url }),
    reLaunch: (url) => navigate('reLaunch', { url }),
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
      releaseRejections()
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
