export interface SizeScenario {
  key: string
  name: string
  /** Budget in gzipped bytes (none for the extra, printed-only scenarios). */
  budget?: number
  /** The app entry that is bundled. */
  entry: string
}

export interface SizeFigures {
  /** Bytes after rollup (tree-shaken, defines applied), before minification. */
  bundled: number
  minified: number
  gzip: number
  /** The minified code. */
  code: string
}

export const SCENARIOS: SizeScenario[]
export const EXTRA_SCENARIOS: SizeScenario[]
/** The build measured (dist/, or $SIZE_DIST). */
export const DIST: string
export function measure(entry: string): Promise<SizeFigures>
export function measureAll(scenarios?: SizeScenario[]): Promise<(SizeScenario & SizeFigures)[]>
