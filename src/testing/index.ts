export { createPrivacySimulator, SIMULATED_PRIVACY_APIS } from './simulator'
export type {
  CallOptions,
  CheckBehaviour,
  OfficialPopupAnswer,
  PrivacySimulator,
  PrivacySimulatorOptions,
  SimulatedPlatformApi,
  SimulatedRequest,
} from './simulator'
