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
