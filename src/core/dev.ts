// `process.env.NODE_ENV` stays literal so the app's bundler replaces it. Write the test out
// at each use (`if (process.env.NODE_ENV !== 'production') …`): Taro's mini-program terser
// runs with reduce_vars off and never folds a shared constant, so only a test written out
// drops the branch, with its message strings, from production builds.
// Kept for the React files until they test NODE_ENV where they use it.
export const DEV = process.env.NODE_ENV !== 'production'

export function warn(message: string, cause?: unknown): void {
  console.warn(`[taro-privacy] ${message}`, ...(cause === undefined ? [] : [cause]))
}

/** Calls user or platform code that must not break the flow if it throws. */
export function guard<A extends unknown[]>(fn: ((...args: A) => unknown) | undefined, ...args: A): void {
  try {
    fn?.(...args)
  } catch (error) {
    if (process.env.NODE_ENV !== 'production') warn('A callback (platform resolve, onRequest, onDecision, …) threw; the privacy flow went on without it.', error)
  }
}
