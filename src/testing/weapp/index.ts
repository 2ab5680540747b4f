export { launchWeapp } from './launch'
export type { LaunchWeappOptions, WeappApp } from './launch'
export type { AgreeOptions, ConsentSelectors, Target, WeappPage } from './page'
export type { PageInstance, SimulatedComponent, WeappNode } from './simulate'
