// The part of miniprogram-simulate (WeChat's template compiler + j-component) the harness uses.

/** An element of a rendered page (a j-component node). */
export interface WeappNode {
  readonly dom: HTMLElement | undefined
  dispatchEvent(eventName: string, options?: { detail?: unknown }): void
  querySelector(selector: string): WeappNode | null
  querySelectorAll(selector: string): WeappNode[]
  toJSON(): { tagName: string; attrs: { name: string; value: unknown }[] }
}

/** A rendered page component. */
export interface SimulatedComponent extends WeappNode {
  readonly instance: PageInstance
  attach(parent: Element): void
  detach(): void
}

/** What a Taro page is at run time: a WeChat page whose methods are the options' functions. */
export interface PageInstance {
  route?: string
  __route__?: string
  options?: Record<string, string>
  data: Record<string, unknown>
  setData(data: Record<string, unknown>, callback?: () => void): void
  onLoad(query: Record<string, string>): void
  onShow(): void
  onHide(): void
  onReady(): void
  onUnload(): void
  [method: string]: unknown
}

export interface MiniprogramSimulate {
  load(componentPath: string, options: { rootPath: string }): string
  render(id: string): SimulatedComponent
}

declare const jest: { resetModules(): void } | undefined

/**
 * A fresh miniprogram-simulate and fresh copies of the compiled app's modules: each launch
 * runs the app from the start (its webpack chunks register themselves on load). Under
 * jest that is `jest.resetModules()`; elsewhere the require cache is cleared.
 */
export function freshSimulate(dist: string): MiniprogramSimulate {
  if (typeof jest !== 'undefined') jest.resetModules()
  else {
    for (const file of Object.keys(require.cache)) {
      if (file.startsWith(dist) || /[\\/]node_modules[\\/](miniprogram-simulate|j-component)[\\/]/.test(file)) delete require.cache[file]
    }
  }
  try {
    return require('miniprogram-simulate') as MiniprogramSimulate
  } catch (error) {
    if (!String((error as Error).message).includes("'miniprogram-simulate'")) throw error
    throw new Error('[taro-privacy] taro-privacy/testing/weapp needs miniprogram-simulate: npm install --save-dev miniprogram-simulate')
  }
}
