import { useCallback, useState } from 'react'
import { PrivacyError } from 'taro-privacy'

/** What happened to one call of a privacy API, as the page shows it. */
export interface Outcome {
  readonly ok: boolean
  readonly message: string
}

/**
 * What the page shows for a failure: the platform's `errMsg` (a mini-program intercepted the
 * call and the user disagreed), or a `PrivacyError`'s code (H5: `gate.require()` rejected),
 * e.g. `PrivacyError(DENIED)`.
 */
function messageOf(error: unknown): string {
  if (error instanceof PrivacyError) return `PrivacyError(${error.code})${error.errMsg ? `：${error.errMsg}` : ''}`
  if (error && typeof error === 'object' && 'errMsg' in error) return String((error as { errMsg: unknown }).errMsg)
  return error instanceof Error ? error.message : String(error)
}

/**
 * Records the outcome of each API call by name, for display. `run` never rejects:
 * a failed call (e.g. the user disagreed) is an outcome too.
 */
export function useOutcomes() {
  const [outcomes, setOutcomes] = useState<Record<string, Outcome>>({})
  const record = useCallback((name: string, outcome: Outcome) => {
    setOutcomes((previous) => ({ ...previous, [name]: outcome }))
  }, [])
  const run = useCallback(
    async (name: string, call: () => Promise<unknown>) => {
      try {
        await call()
        record(name, { ok: true, message: '成功' })
      } catch (error) {
        record(name, { ok: false, message: `失败：${messageOf(error)}` })
      }
    },
    [record],
  )
  return { outcomes, run, record }
}
