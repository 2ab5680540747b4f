// The simulator answers like the base library: callbacks and the interception listener
// arrive later, on a timer (regression: it answered inside the call, so an app's launch
// order differed from the real platform's).
import { createPrivacySimulator } from '../../src/testing'

beforeEach(() => jest.useFakeTimers())
afterEach(() => jest.useRealTimers())

it('answers getPrivacySetting 1 ms later by default, never inside the call', () => {
  const sim = createPrivacySimulator()
  const success = jest.fn()
  sim.api.getPrivacySetting({ success })
  expect(success).not.toHaveBeenCalled()
  jest.advanceTimersByTime(1)
  expect(success).toHaveBeenCalledWith(expect.objectContaining({ errMsg: 'getPrivacySetting:ok', needAuthorization: true }))
})

it('takes `latency` ms for the listener to hear of an interception and for the call to end after agree', () => {
  const sim = createPrivacySimulator({ latency: 5 })
  const listener = jest.fn()
  sim.api.onNeedPrivacyAuthorization!(listener)
  const success = jest.fn()
  sim.call('getLocation', { success })

  expect(sim.pending.map((request) => request.referrer)).toEqual(['getLocation'])
  jest.advanceTimersByTime(4)
  expect(listener).not.toHaveBeenCalled()
  jest.advanceTimersByTime(1)
  expect(listener).toHaveBeenCalledWith(expect.any(Function), { referrer: 'getLocation' })

  sim.tapAgreeButton('agree')
  listener.mock.calls[0][0]({ event: 'agree', buttonId: 'agree' })
  expect(sim.requests[0].settled).toBe('agree')
  expect(success).not.toHaveBeenCalled()
  jest.advanceTimersByTime(5)
  expect(success).toHaveBeenCalledTimes(1)
  expect(sim.calls).toEqual([{ api: 'getLocation', results: ['success'], errMsg: 'getLocation:ok' }])
})

it('fails asynchronously too (undeclared API, errno 112)', () => {
  const sim = createPrivacySimulator({ declared: [] })
  const fail = jest.fn()
  sim.call('getLocation', { fail })
  expect(fail).not.toHaveBeenCalled()
  jest.runAllTimers()
  expect(fail).toHaveBeenCalledWith({ errMsg: 'getLocation:fail api scope is not declared in the privacy agreement', errno: 112 })
})

it('latency 0 answers inside the call', () => {
  const sim = createPrivacySimulator({ latency: 0 })
  const success = jest.fn()
  sim.api.getPrivacySetting({ success })
  sim.api.openPrivacyContract({ success })
  expect(success).toHaveBeenCalledTimes(2)
  expect(sim.calls.map((call) => [call.api, call.results])).toEqual([
    ['getPrivacySetting', ['success']],
    ['openPrivacyContract', ['success']],
  ])
})

it.each([-1, Number.NaN, '5'])('rejects latency %p with a clear error', (latency) => {
  expect(() => createPrivacySimulator({ latency: latency as number })).toThrow(
    `createPrivacySimulator: latency must be a number of milliseconds >= 0 (0 answers synchronously); got ${latency}.`,
  )
})
