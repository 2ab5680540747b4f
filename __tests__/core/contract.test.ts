import { createH5Adapter, createMiniProgramAdapter, createPrivacyStore, PrivacyError } from '../../src/core'
import { createPrivacySimulator } from '../../src/testing'

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('openContract()', () => {
  it('opens the app\'s own agreement page on a mini-program instead of the platform\'s contract page', async () => {
    const sim = createPrivacySimulator({ latency: 0 })
    const opened: string[] = []
    const store = createPrivacyStore({
      adapter: createMiniProgramAdapter(sim.api),
      openContract: () => void opened.push('/pages/agreement/index'),
    })
    await store.openContract()
    expect(opened).toEqual(['/pages/agreement/index'])
    expect(sim.contractOpens).toBe(0)
  })

  it('an openContract option that is not a function: a development warning, and the platform\'s page opens', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
    const sim = createPrivacySimulator({ latency: 0 })
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api), openContract: '/pages/agreement/index' as never })
    await store.openContract()
    expect(sim.contractOpens).toBe(1)
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('openContract must be a function'))
  })

  it('opens the platform\'s contract page by default', async () => {
    const sim = createPrivacySimulator({ latency: 0 })
    const store = createPrivacyStore({ adapter: createMiniProgramAdapter(sim.api) })
    await store.openContract()
    expect(sim.contractOpens).toBe(1)
  })

  it('regression: a failure was swallowed into state.error; it now rejects with a PrivacyError and the check\'s error stays apart', async () => {
    const sim = createPrivacySimulator({ latency: 0 })
    sim.setCheck('fail')
    const store = createPrivacyStore({
      adapter: createMiniProgramAdapter(sim.api),
      openContract: () => Promise.reject({ errMsg: 'navigateTo:fail page "pages/agreement/index" is not found' }),
    })
    store.mount()
    await settle()
    const checkError = store.getState().error
    expect(checkError).toBeInstanceOf(PrivacyError)
    const failure = await store.openContract().catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(PrivacyError)
    expect(failure).toMatchObject({ code: 'PLATFORM_ERROR', errMsg: expect.stringContaining('is not found') })
    expect(store.getState().error).toBe(checkError)
  })

  it('rejects UNSUPPORTED on h5 with neither url nor open, naming what to pass', async () => {
    const store = createPrivacyStore({ adapter: createH5Adapter({ storage: { getStorageSync: () => null, setStorageSync: () => {} } }) })
    await expect(store.openContract()).rejects.toMatchObject({ code: 'UNSUPPORTED', message: expect.stringContaining('contract={{ url }}') })
  })
})
