// What both randomized suites share: their lifecycle and how a broken run is reported.
import { writeFileSync } from 'node:fs'
import { expectDevelopmentWarnings } from '../utils'
import { seedFromEnv } from './random'

/** The sequence of runs (`PRIVACY_SEED`), or the one run to replay alone (`PRIVACY_RUN_SEED`). */
export const MASTER_SEED = seedFromEnv('PRIVACY_SEED', 0x7a20)
export const ONLY_RUN_SEED = process.env.PRIVACY_RUN_SEED ? seedFromEnv('PRIVACY_RUN_SEED', 0) : undefined

/**
 * Fake timers and expected development warnings (thousands of "no live store" warnings)
 * for the suite; afterwards, when `outVar` names a file, its figures for `npm run bench`.
 */
export function randomizedSuiteLifecycle(outVar: string, figures: () => object): void {
  expectDevelopmentWarnings()
  beforeAll(() => {
    jest.useFakeTimers()
  })
  afterAll(() => {
    jest.useRealTimers()
    const out = process.env[outVar]
    if (out) writeFileSync(out, JSON.stringify(figures(), null, 2))
  })
}

interface BrokenRun {
  seed: number
  failures: readonly string[]
  trace: readonly string[]
}

/** The failure message: what broke, the command that replays the run alone, its last actions. */
export function brokenRunReport(heading: string, testFile: string, masterSeed: number, run: BrokenRun, traceLines: number): string {
  return [
    heading,
    `Replay it alone: PRIVACY_RUN_SEED=${run.seed} npx jest ${testFile}`,
    `(whole sequence: PRIVACY_SEED=${masterSeed}; run seed ${run.seed})`,
    ...run.failures.map((failure) => `  ✗ ${failure}`),
    'Actions:',
    ...run.trace.slice(-traceLines).map((line) => `  ${line}`),
  ].join('\n')
}

/** Runs `decide` as the user's own action: decisions made meanwhile may have the reason `user`. */
export function userDecides(world: { userDeciding: boolean }, decide: () => void): void {
  world.userDeciding = true
  try {
    decide()
  } finally {
    world.userDeciding = false
  }
}

/** Counts `key` in `table`. */
export const bump = (table: Record<string, number>, key: string) => void (table[key] = (table[key] ?? 0) + 1)

/** Records a broken invariant at the run's current step (the first 20 of a run). */
export function fail(world: { failures: string[]; step: number; action: { kind: string } }, message: string): void {
  if (world.failures.length < 20) world.failures.push(`step ${world.step} (${world.action.kind}): ${message}`)
}

/** Lets `count` rounds of promise callbacks run. */
export async function microtasks(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await Promise.resolve()
}
