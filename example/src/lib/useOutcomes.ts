import { useCallback, useState } from 'react'

/** What happened to one call of a privacy API, as the page shows it. */
export interface Outcome {
  readonly ok: boolean
  readonly message: string
}

function messageOf(error: unknown): string {
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
