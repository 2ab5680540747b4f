// Components the platform intercepts like privacy APIs: a tap on <button open-type="getPhoneNumber">
// reaches onNeedPrivacyAuthorization with the referrer "button.getPhoneNumber" (issue 17).
import { createPrivacySimulator, SIMULATED_PRIVACY_COMPONENTS } from '../../src/testing'

const settle = () => new Promise((done) => setTimeout(done, 5))

it('a getPhoneNumber button tap is intercepted while consent is missing; a refusal fails it as getPhoneNumber:fail', async () => {
  const sim = createPrivacySimulator()
  const listener = jest.fn()
  sim.api.onNeedPrivacyAuthorization!(listener)
  const fail = jest.fn()
  sim.call('button.getPhoneNumber', { fail })
  await settle()
  expect(listener).toHaveBeenCalledWith(expect.any(Function), { referrer: 'button.getPhoneNumber' })
  listener.mock.calls[0][0]({ event: 'disagree' })
  await settle()
  expect(fail).toHaveBeenCalledWith({ errMsg: 'getPhoneNumber:fail privacy permission is not authorized' })
})

it('after consent the tap goes through at once', async () => {
  const sim = createPrivacySimulator({ needAuthorization: false })
  const success = jest.fn()
  sim.call('button.getRealtimePhoneNumber', { success })
  await settle()
  expect(sim.requests).toHaveLength(0)
  expect(success).toHaveBeenCalledWith({ errMsg: 'getRealtimePhoneNumber:ok' })
})

it('undeclared, the component is disabled (errno 112)', async () => {
  const sim = createPrivacySimulator({ declared: ['getLocation'] })
  const fail = jest.fn()
  sim.call('button.getPhoneNumber', { fail })
  await settle()
  expect(fail).toHaveBeenCalledWith({ errMsg: 'getPhoneNumber:fail api scope is not declared in the privacy agreement', errno: 112 })
  expect(SIMULATED_PRIVACY_COMPONENTS).toEqual(['button.getPhoneNumber', 'button.getRealtimePhoneNumber'])
})
