export { createPrivacySimulator, SIMULATED_PRIVACY_APIS } from './simulator'
export type {
  CallOptions,
  CheckBehaviour,
  PrivacySimulator,
  PrivacySimulatorOptions,
  SimulatedPlatformApi,
  SimulatedCall,
  SimulatedRequest,
} from './simulator'
export { installSimulator } from './installed'
