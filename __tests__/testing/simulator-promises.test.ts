// The base library returns a promise from an async API called without success, fail or
// complete; Taro 4 calls some (chooseMedia) straight through on weapp, so apps await the
// platform's own promise. Found by the Vue example: `await Taro.chooseMedia()` got undefined.
import { createMiniProgramAdapter, createPrivacyStore } from '../../src/core'
import { createPrivacySimulator } from '../../src/testing'
import { recordCalls, type WeappCall } from '../../src/testing/weapp/wx'

it('regression: a privacy API called without callbacks returned undefined; it returns a promise settled as the callbacks would be', async () => {
  const sim = createPrivacySimulator({ latency: 0, needAuthorization: false })
  const result = sim.api.chooseMedia()
  expect(result).toBeInstanceOf(Promise)
  await expect(result).resolves.toMatchObject({ errMsg: 'chooseMedia:ok' })
})

it('an intercepted call without callbacks waits for the decision; a refusal rejects with the platform’s failure', async () => {
  const sim = createPrivacySimulator({ latency: 0 })
  const store = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api) })
  store.attachUI()
  const unmount = store.mount()
  const picked = sim.api.getLocation() as Promise<unknown>
  expect(sim.pending).toHaveLength(1)
  store.disagree()
  await expect(picked).rejects.toMatchObject({ errMsg: 'getLocation:fail privacy permission is not authorized' })
  unmount()
})

it('with a callback it returns nothing, as before', () => {
  const sim = createPrivacySimulator({ latency: 0, needAuthorization: false })
  expect(sim.api.getLocation({ success: () => {} })).toBeUndefined()
})

it('the weapp harness’s wx passes the promise on and records its outcome (launchWeapp’s `app.calls`)', async () => {
  const sim = createPrivacySimulator({ latency: 0, needAuthorization: false })
  const calls: WeappCall[] = []
  const wx = recordCalls(sim.api as never, calls)
  await expect(wx.chooseMedia({ count: 1 })).resolves.toMatchObject({ errMsg: 'chooseMedia:ok' })
  expect(calls).toEqual([expect.objectContaining({ api: 'chooseMedia', results: ['success'], errMsg: 'chooseMedia:ok' })])
})
