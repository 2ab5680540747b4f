export { createPrivacySimulator, SIMULATED_PRIVACY_APIS } from './simulator'
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
