import { reactive } from 'vue'

/** What the probe saw, rendered into the page (`#log`) and read by the fact-checking tests. */
export const log = reactive<{ lines: string[] }>({ lines: [] })
export const say = (line: string) => void log.lines.push(line)
