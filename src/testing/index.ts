export { createPrivacySimulator, SIMULATED_PRIVACY_APIS, SIMULATED_PRIVACY_COMPONENTS } from './simulator'
export type {
  CallOptions,
  CheckBehaviour,
  OfficialPopupAnswer,
  PrivacySimulator,
  PrivacySimulatorOptions,
  SimulatedPlatformApi,
  SimulatedCall,
  SimulatedRequest,
} from './simulator'
export { installSimulator } from './installed'
