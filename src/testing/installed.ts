import type { PrivacySimulator } from './simulator'

let installed: PrivacySimulator | undefined
const listeners = new Set<(sim: PrivacySimulator) => void>()

/**
 * Makes `sim` the platform behind the `@tarojs/taro` double of the jest preset
 * (`preset: 'taro-privacy/testing'`): `Taro.getPrivacySetting`, `Taro.chooseMedia`, … go
 * to `sim.api`, and a tap on an agree button is recorded by `sim`. Returns `sim`.
 */
export function installSimulator(sim: PrivacySimulator): PrivacySimulator {
  if (!sim || typeof sim.tapAgreeButton !== 'function' || !sim.api)
    throw new TypeError(`[taro-privacy] installSimulator(sim): sim must come from createPrivacySimulator(); got ${sim}.`)
  installed = sim
  listeners.forEach((listener) => listener(sim))
  return sim
}

/** The simulator `installSimulator` installed last, if any. */
export function installedSimulator(): PrivacySimulator | undefined {
  return installed
}

/** Calls `listener` with every simulator installed from now on. */
export function onSimulatorInstalled(listener: (sim: PrivacySimulator) => void): void {
  listeners.add(listener)
}
