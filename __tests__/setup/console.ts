// A warning or error nobody expected fails the test that printed it, so a green run
// prints none. A test expecting one spies on it: `jest.spyOn(console, 'warn')`.
import { format } from 'node:util'
import { resetRouting } from '../../src/core/hub'

const originals = { warn: console.warn, error: console.error }
let unexpected: string[] = []

beforeEach(() => {
  // The router is app-wide (one platform listener per app): each test is a fresh app.
  resetRouting()
  unexpected = []
  for (const level of ['warn', 'error'] as const) {
    console[level] = (...args: unknown[]) => void unexpected.push(`console.${level}: ${format(...args)}`)
  }
})

afterEach(() => {
  Object.assign(console, originals)
  if (unexpected.length)
    throw new Error(`Unexpected output (spy on console to assert an expected one):\n${unexpected.join('\n')}`)
})
