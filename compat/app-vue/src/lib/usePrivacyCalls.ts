import { computed, reactive } from 'vue'
import { usePrivacyGate } from 'taro-privacy/vue'

export type Outcome = '等待' | '成功' | '失败'

/**
 * Runs privacy API calls and keeps each one's outcome for the page to show
 * (`getLocation：成功`). Mini-programs intercept the call by themselves; H5 has no
 * platform gate, so there the call asks first with `gate.require()`.
 */
export function usePrivacyCalls() {
  const gate = usePrivacyGate()
  const outcomes = reactive<Record<string, Outcome>>({})
  const run = (name: string, call: () => Promise<unknown>) => {
    outcomes[name] = '等待'
    const asked = gate.platform === 'h5' ? gate.require() : Promise.resolve()
    asked.then(call).then(
      () => (outcomes[name] = '成功'),
      () => (outcomes[name] = '失败'),
    )
  }
  const lines = computed(() => Object.entries(outcomes).map(([name, outcome]) => `${name}：${outcome}`))
  return { run, lines }
}
