// `process.env.NODE_ENV` stays literal so the app's bundler can replace it; the
// try/catch covers runtimes where `process` does not exist (mini-program JS cores).
function isDevelopment(): boolean {
  try {
    return process.env.NODE_ENV !== 'production'
  } catch {
    return true
  }
}

export function warn(message: string, cause?: unknown): void {
  if (isDevelopment()) console.warn(`[taro-privacy] ${message}`, ...(cause === undefined ? [] : [cause]))
}

/** Calls user or platform code that must not break the flow if it throws. */
export function guard<A extends unknown[]>(what: string, fn: ((...args: A) => unknown) | undefined, ...args: A): void {
  if (!fn) return
  try {
    fn(...args)
  } catch (error) {
    warn(`${what} threw; the privacy flow went on without it.`, error)
  }
}
