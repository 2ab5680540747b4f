import { reactive } from 'vue'
import { PrivacyError } from 'taro-privacy/vue'

/** What happened to one call of a privacy API, as the page shows it. */
export interface Outcome {
  readonly ok: boolean
  readonly message: string
}

/**
 * What the page shows for a failure: the platform's `errMsg` (a mini-program intercepted the
 * call and the user disagreed), or a `PrivacyError`'s code (`gate.require()` rejected),
 * e.g. `PrivacyError(DENIED)`.
 */
function messageOf(error: unknown): string {
  if (error instanceof PrivacyError) return `PrivacyError(${error.code})${error.errMsg ? `：${error.errMsg}` : ''}`
  if (error && typeof error === 'object' && 'errMsg' in error) return String((error as { errMsg: unknown }).errMsg)
  return error instanceof Error ? error.message : String(error)
}

/** The outcome of each API call by name, for display. `run` never rejects: a failed call is an outcome too. */
export function useOutcomes() {
  const outcomes = reactive<Record<string, Outcome>>({})
  async function run(name: string, call: () => Promise<unknown>): Promise<void> {
    try {
      await call()
      outcomes[name] = { ok: true, message: '成功' }
    } catch (error) {
      outcomes[name] = { ok: false, message: `失败：${messageOf(error)}` }
    }
  }
  return { outcomes, run }
}
