// `process.env.NODE_ENV` stays literal so the app's bundler replaces it. Write the test out
// at each use (`if (process.env.NODE_ENV !== 'production') …`): Taro's mini-program terser
// runs with reduce_vars off and never folds a shared constant, so only a test written out
// drops the branch, with its message strings, from production builds.

export function warn(message: string, cause?: unknown): void {
  if (cause === undefined) console.warn('[taro-privacy] ' + message)
  else console.warn('[taro-privacy] ' + message, cause)
}

/**
 * Calls app or platform code (a callback, a subscriber, the platform's `resolve`). If it
 * throws, the privacy flow goes on and the error is thrown again in a later task, where the
 * app's `onError` handlers and error trackers see it.
 */
export function report<A>(fn: ((arg: A) => unknown) | undefined, arg?: A): void {
  try {
    if (fn) fn(arg as A)
  } catch (error) {
    setTimeout(() => {
      throw error
    }, 0)
  }
}
