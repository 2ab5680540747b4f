export { launchWeapp } from './launch'
export type { LaunchWeappOptions, WeappApp } from './launch'
export type { AgreeOptions, ConsentSelectors, Target, WeappPage } from './page'
export type { PageInstance, SimulatedComponent, WeappNode } from './simulate'
export type { WeappCall, WxFunction } from './wx'
// The simulator's types that LaunchWeappOptions and WeappApp name, so this entry stands on its own.
export type { PrivacySimulator, PrivacySimulatorOptions } from '../simulator'
