import { PrivacyError } from '../core/errors'
import type { PrivacyAdapter } from '../core/types'

/** For platforms with no privacy API: status `unsupported`, nothing is gated. */
export function createUnsupportedAdapter(): PrivacyAdapter {
  const unsupported = () => Promise.reject(new PrivacyError('UNSUPPORTED'))
  return {
    platform: 'none',
    reportsExposure: false,
    agreeEvent: 'agreePrivacyAuthorization',
    getSetting: unsupported,
    openContract: unsupported,
  }
}
