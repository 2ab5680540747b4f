import { createMiniProgramAdapter, createPrivacyStore } from '../../src/core'
import { createPrivacySimulator } from '../../src/testing'

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

function setup() {
  const sim = createPrivacySimulator({ latency: 0 })
  const store = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api), openOnRequired: true })
  store.mount()
  return { sim, store }
}

describe('openOnRequired shows the consent UI at most once per launch', () => {
  it('regression: refresh() right after the user refused did not re-open it', async () => {
    const { store } = setup()
    await settle()
    expect(store.getState().visible).toBe(true)
    store.disagree()
    await store.refresh()
    expect(store.getState()).toMatchObject({ visible: false, status: 'required' })
  })

  it('never after a refusal, even when it has not shown yet in this launch', async () => {
    const sim = createPrivacySimulator({ latency: 0, needAuthorization: false })
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api), openOnRequired: true })
    store.mount()
    await settle()
    sim.revokeConsent()
    sim.call('getLocation') // an intercepted call opens the UI; the user refuses it
    store.disagree()
    await store.refresh()
    expect(store.getState()).toMatchObject({ status: 'required', visible: false })
  })

  it('closed by agreeing elsewhere and consent revoked later: a refresh does not pop it up again', async () => {
    const { sim, store } = setup()
    await settle()
    sim.tapAgreeButton('agree')
    store.handleAgreeEvent('agree')
    sim.revokeConsent()
    await store.refresh()
    expect(store.getState()).toMatchObject({ status: 'required', visible: false })
  })

  it('when the first check said agreed, the first required check later opens it, once', async () => {
    const sim = createPrivacySimulator({ latency: 0, needAuthorization: false })
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api), openOnRequired: true })
    store.mount()
    await settle()
    expect(store.getState()).toMatchObject({ status: 'agreed', visible: false })
    sim.revokeConsent()
    await store.refresh()
    expect(store.getState().visible).toBe(true)
    store.disagree()
    await store.refresh()
    expect(store.getState().visible).toBe(false)
  })

  it('an intercepted call still opens the UI after a refusal (it is the app asking, not a proactive popup)', async () => {
    const { sim, store } = setup()
    await settle()
    store.disagree()
    sim.call('getLocation')
    expect(store.getState().visible).toBe(true)
  })
})
