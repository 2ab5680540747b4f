// `process.env.NODE_ENV` stays literal so the app's bundler replaces it. Write the test out
// at each use (`if (process.env.NODE_ENV !== 'production') …`): Taro's mini-program terser
// runs with reduce_vars off and never folds a shared constant, so only a test written out
// drops the branch, with its message strings, from production builds.

export function warn(message: string, cause?: unknown): void {
  if (cause === undefined) console.warn('[taro-privacy] ' + message)
  else console.warn('[taro-privacy] ' + message, cause)
}

/** Calls user or platform code that must not break the flow if it throws. */
export function guard<A>(fn: ((arg: A) => unknown) | undefined, arg?: A): void {
  try {
    if (fn) fn(arg as A)
  } catch (error) {
    if (process.env.NODE_ENV !== 'production') warn('A callback (platform resolve, onRequest, onDecision, …) threw; the privacy flow went on without it.', error)
  }
}
