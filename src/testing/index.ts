export { createPrivacySimulator, SIMULATED_PRIVACY_APIS } from './simulator'
export type {
  CallOptions,
  CheckBehaviour,
  PrivacySimulator,
  PrivacySimulatorOptions,
  SimulatedPlatformApi,
  SimulatedRequest,
} from './simulator'
