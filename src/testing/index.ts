export { createPrivacySimulator, SIMULATED_PRIVACY_APIS, SIMULATED_PRIVACY_COMPONENTS } from './simulator'
export type {
  CallOptions,
  CheckBehaviour,
  OfficialPopupAnswer,
  PrivacySimulator,
  PrivacySimulatorOptions,
  SimulatedPlatformApi,
  SimulatedCall,
  SimulatedPrivacyListener,
  SimulatedRequest,
} from './simulator'
// The core types the simulator's own types name, so this entry stands on its own.
export type { MiniProgramPlatform } from '../platform/mini-program'
export type { PlatformResolution, PrivacyPlatform } from '../core/types'
export { installSimulator } from './installed'
