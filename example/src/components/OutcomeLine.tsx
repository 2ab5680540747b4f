import { View } from '@tarojs/components'
import type { Outcome } from '../lib/useOutcomes'

/** One line per API: `getLocation：成功` or `getLocation：失败：…`. */
export function OutcomeLine({ name, outcome }: { name: string; outcome?: Outcome }) {
  if (!outcome) return null
  return (
    <View className={outcome.ok ? 'result' : 'result result--fail'} id={`outcome-${name}`}>
      {`${name}：${outcome.message}`}
    </View>
  )
}
