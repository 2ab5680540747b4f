// Tests written against mutants that survived `npm run test:mutation` (issue 15): each one
// pins a behaviour of the platform adapters no other test asserted. docs/benchmarks.md,
// "Mutation testing", lists the survivors left as equivalent.
import { createH5Adapter } from '../../src/core'

afterEach(() => localStorage.clear())

describe('h5 adapter: consent in storage', () => {
  it('storage that throws on read counts as no consent (the check asks again, nothing throws)', async () => {
    const adapter = createH5Adapter({
      storage: {
        getStorageSync: () => {
          throw new Error('quota / private mode')
        },
        setStorageSync: () => {},
      },
    })
    await expect(adapter.getSetting()).resolves.toEqual({ needAuthorization: true, contractName: '《用户隐私保护指引》' })
  })

  it('the default storage is localStorage, as JSON, under taro-privacy:consent, per contract version', async () => {
    const adapter = createH5Adapter({ contract: { version: '3' } })
    await expect(adapter.getSetting()).resolves.toMatchObject({ needAuthorization: true })
    adapter.recordAgree!()
    expect(JSON.parse(localStorage.getItem('taro-privacy:consent') as string)).toMatchObject({ version: '3' })
    await expect(adapter.getSetting()).resolves.toMatchObject({ needAuthorization: false })
    await expect(createH5Adapter({ contract: { version: '4' } }).getSetting()).resolves.toMatchObject({ needAuthorization: true })
  })
})

describe('h5 adapter: openContract', () => {
  it('calls contract.open when given, and does not open a window', async () => {
    const open = jest.fn()
    const windowOpen = jest.spyOn(window, 'open').mockImplementation(() => null)
    try {
      await expect(createH5Adapter({ contract: { open, url: 'https://example.com/privacy' } }).openContract()).resolves.toBeUndefined()
      expect(open).toHaveBeenCalledTimes(1)
      expect(windowOpen).not.toHaveBeenCalled()
    } finally {
      windowOpen.mockRestore()
    }
  })

  it('opens contract.url in a new window', async () => {
    const windowOpen = jest.spyOn(window, 'open').mockImplementation(() => null)
    try {
      await expect(createH5Adapter({ contract: { url: 'https://example.com/privacy' } }).openContract()).resolves.toBeUndefined()
      expect(windowOpen).toHaveBeenCalledWith('https://example.com/privacy', '_blank')
    } finally {
      windowOpen.mockRestore()
    }
  })
})

import { createMiniProgramAdapter } from '../../src/core'
import { createUnsupportedAdapter } from '../../src/platform/unsupported'

describe('mini-program adapter', () => {
  it.each([null, 'wx', 42])('createMiniProgramAdapter(%p) throws a TypeError naming taro-privacy and the function', (api) => {
    expect(() => createMiniProgramAdapter(api as never)).toThrow(
      new TypeError(
        "[taro-privacy] createMiniProgramAdapter(api): api must be the platform object (wx, qq, tt, my or Taro's default export); got " + api + '.',
      ),
    )
  })

  it('in a production build the TypeError is short', () => {
    const env = process.env.NODE_ENV
    process.env.NODE_ENV = 'production'
    try {
      expect(() => createMiniProgramAdapter('wx' as never)).toThrow(new TypeError('[taro-privacy] createMiniProgramAdapter: bad api'))
    } finally {
      process.env.NODE_ENV = env
    }
  })

  it('a platform object that is a function (the privacy API as its properties) is accepted', async () => {
    const api = Object.assign(() => {}, {
      getPrivacySetting: ({ success }: { success: (result: unknown) => void }) => success({ needAuthorization: true, privacyContractName: '《指引》' }),
    })
    await expect(createMiniProgramAdapter(api).getSetting()).resolves.toEqual({ needAuthorization: true, contractName: '《指引》' })
  })

  it('a missing privacy function rejects UNSUPPORTED naming it', async () => {
    await expect(createMiniProgramAdapter({}).getSetting()).rejects.toMatchObject({ code: 'UNSUPPORTED', errMsg: 'getPrivacySetting is not available' })
    await expect(createMiniProgramAdapter({}).openContract()).rejects.toMatchObject({ code: 'UNSUPPORTED', errMsg: 'openPrivacyContract is not available' })
  })

  it('the agree comes from the agreePrivacyAuthorization event', () => {
    expect(createMiniProgramAdapter({}, 'tt').agreeEvent).toBe('agreePrivacyAuthorization')
  })
})

describe('unsupported adapter', () => {
  it('platform none: no exposure reports, the agree event of mini-programs, every call rejects UNSUPPORTED', async () => {
    const adapter = createUnsupportedAdapter()
    expect(adapter).toMatchObject({ platform: 'none', reportsExposure: false, agreeEvent: 'agreePrivacyAuthorization' })
    await expect(adapter.getSetting()).rejects.toMatchObject({ code: 'UNSUPPORTED' })
    await expect(adapter.openContract()).rejects.toMatchObject({ code: 'UNSUPPORTED' })
  })
})
