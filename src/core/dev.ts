// `process.env.NODE_ENV` stays literal so the app's bundler replaces it and drops every
// `DEV && …` branch, with its message strings, from production builds.
export const DEV = process.env.NODE_ENV !== 'production'

export function warn(message: string, cause?: unknown): void {
  console.warn(`[taro-privacy] ${message}`, ...(cause === undefined ? [] : [cause]))
}

/** Calls user or platform code that must not break the flow if it throws. */
export function guard<A extends unknown[]>(fn: ((...args: A) => unknown) | undefined, ...args: A): void {
  try {
    fn?.(...args)
  } catch (error) {
    if (DEV) warn('A callback (platform resolve, onRequest, onDecision, …) threw; the privacy flow went on without it.', error)
  }
}
