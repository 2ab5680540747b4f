import { usePrivacyGate } from 'taro-privacy/vue'

/**
 * Mini-programs intercept a privacy API call by themselves (onNeedPrivacyAuthorization), so
 * the page just calls the API. H5 has no such gate: there the page asks for consent first
 * with `gate.require()` (rejects with `PrivacyError` code `DENIED` if the user disagrees).
 */
export function usePrivacyApiGuard(): () => Promise<void> {
  const gate = usePrivacyGate()
  return async () => {
    if (gate.platform === 'h5') await gate.require()
  }
}
