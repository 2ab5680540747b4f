import { useCallback } from 'react'
import { usePrivacyGate } from 'taro-privacy'

/**
 * Mini-programs intercept a privacy API call by themselves (onNeedPrivacyAuthorization),
 * so the page just calls the API. H5 has no such gate: there the page asks for consent
 * first with `gate.require()` (rejects if the user disagrees).
 */
export function usePrivacyApiGuard(): () => Promise<void> {
  const gate = usePrivacyGate()
  const { platform, require } = gate
  return useCallback(async () => {
    if (platform === 'h5') await require()
  }, [platform, require])
}
