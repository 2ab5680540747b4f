// Issue 5, part 2: with 200 components reading different slices through
// `usePrivacySelector`, a state change re-renders exactly the components whose slice
// changed (counted with React's Profiler, in StrictMode), for a sequence of real changes.
// With BENCH_RENDERS_OUT set, the counts are also written there for `npm run bench`.
import { act, render } from '@testing-library/react'
import { writeFileSync } from 'node:fs'
import { Profiler, StrictMode } from 'react'
import { createMiniProgramAdapter, createPrivacyStore, PrivacyProvider, usePrivacySelector, type PrivacyState } from '../../src'
import { createPrivacySimulator } from '../../src/testing'
import { ConsentUIOnScreen } from '../utils'

const COMPONENTS = 200
const APIS = ['getLocation', 'chooseMedia', 'getClipboardData', 'chooseAddress', 'getWeRunData'] as const

type Selector = (state: PrivacyState) => unknown

/** The slice kinds; component i reads kind i % KINDS.length with parameter i % APIS.length. */
const KINDS: ((api: string) => Selector)[] = [
  () => (s) => s.visible,
  () => (s) => s.status,
  () => (s) => s.needAuthorization,
  () => (s) => s.contractName,
  () => (s) => s.pending.length,
  () => (s) => s.lastDecision,
  () => (s) => s.error,
  () => (s) => s.platform,
  () => (s) => s.pending[0]?.referrer,
  (api) => (s) => s.pending.some((request) => request.referrer === api),
  (api) => (s) => s.pending.filter((request) => request.referrer === api).length,
  () => (s) => s.lastDecision?.event,
  () => (s) => `${s.status}:${s.visible}`,
  () => (s) => s.error?.code,
]

const selectors: Selector[] = Array.from({ length: COMPONENTS }, (_, i) => KINDS[i % KINDS.length](APIS[i % APIS.length]))

function setup() {
  const sim = createPrivacySimulator({ latency: 0 })
  const store = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api) })
  const commits = selectors.map(() => 0)
  const values: unknown[] = selectors.map(() => undefined)
  function Reader({ index }: { index: number }) {
    values[index] = usePrivacySelector(selectors[index])
    return null
  }
  render(
    <StrictMode>
      <PrivacyProvider store={store}>
        <ConsentUIOnScreen />
        {selectors.map((_, index) => (
          <Profiler key={index} id={String(index)} onRender={() => commits[index]++}>
            <Reader index={index} />
          </Profiler>
        ))}
      </PrivacyProvider>
    </StrictMode>,
  )
  return { sim, store, commits, values }
}

async function settle(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 10; i++) await Promise.resolve()
  })
}

interface StepFigure {
  step: string
  changedFields: string[]
  expected: number
  rerendered: number
}

describe(`usePrivacySelector with ${COMPONENTS} components on different slices`, () => {
  it('re-renders exactly the components whose slice changed, for every state change', async () => {
    const { sim, store, commits, values } = setup()
    const figures: StepFigure[] = []

    async function step(name: string, change: () => unknown | Promise<unknown>) {
      const before = store.getState()
      const commitsBefore = [...commits]
      await act(async () => {
        await change()
      })
      await settle()
      const after = store.getState()
      const expected = selectors.map((select) => !Object.is(select(before), select(after)))
      const rerendered = commits.map((count, index) => count - commitsBefore[index])
      // Every component renders at most once per change, exactly when its slice changed…
      expect(rerendered).toEqual(expected.map((changed) => (changed ? 1 : 0)))
      // …and then holds the new slice.
      expect(values).toEqual(selectors.map((select) => select(after)))
      figures.push({
        step: name,
        changedFields: (Object.keys(after) as (keyof PrivacyState)[]).filter((key) => !Object.is(before[key], after[key])),
        expected: expected.filter(Boolean).length,
        rerendered: rerendered.reduce((sum, count) => sum + count, 0),
      })
    }

    await step('initial check lands (checking → required)', () => settle())
    await step('getLocation intercepted', () => sim.call('getLocation'))
    await step('chooseMedia intercepted', () => sim.call('chooseMedia'))
    await step('getLocation intercepted again', () => sim.call('getLocation'))
    await step('refresh() with the same answer', () => store.refresh())
    await step('agree tap', () => {
      sim.tapAgreeButton('agree')
      store.handleAgreeEvent('agree')
    })
    await step('refresh() fails (getPrivacySetting error)', () => {
      sim.setCheck('fail')
      return store.refresh()
    })
    await step('refresh() answers again (agreed)', () => {
      sim.setCheck('answer')
      return store.refresh()
    })
    await step('consent invalidated, getClipboardData intercepted', () => {
      sim.revokeConsent()
      sim.call('getClipboardData')
    })
    await step('disagree()', () => store.disagree())
    await step('disagree() again (nothing to settle)', () => store.disagree())
    await step('open()', () => store.open())

    // The sequence exercises both sides: changes seen by some but not all components…
    const partial = figures.filter((figure) => figure.rerendered > 0 && figure.rerendered < COMPONENTS)
    expect(partial.length).toBeGreaterThanOrEqual(8)
    // …and changes that re-render nobody.
    expect(figures.filter((figure) => figure.rerendered === 0).map((figure) => figure.step)).toEqual([
      'refresh() with the same answer',
      'disagree() again (nothing to settle)',
    ])
    // No component ever re-rendered for a slice that did not change.
    expect(figures.every((figure) => figure.rerendered === figure.expected)).toBe(true)

    if (process.env.BENCH_RENDERS_OUT) {
      writeFileSync(process.env.BENCH_RENDERS_OUT, JSON.stringify({ components: COMPONENTS, kinds: KINDS.length, figures }, null, 2))
    }
  })
})
