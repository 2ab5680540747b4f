import { PrivacyError, toPrivacyError } from '../../src/core'

describe('toPrivacyError', () => {
  it.each([
    [{ errMsg: 'getLocation:fail api scope is not declared in the privacy agreement', errno: 112 }, 'SCOPE_UNDECLARED', 112],
    [{ errMsg: 'getLocation:fail auth deny', errno: 103 }, 'USER_REJECTED', 103],
    [{ errMsg: 'getLocation:fail privacy permission is not authorized', errno: 104 }, 'PRIVACY_NOT_AGREED', 104],
    [{ errMsg: 'chooseMedia:fail privacy permission is not authorized' }, 'DENIED', undefined],
    [{ errMsg: 'getClipboardData:fail api scope is not declared in the privacy agreement' }, 'SCOPE_UNDECLARED', undefined],
    [{ errMsg: '暂时不支持 API getPrivacySetting' }, 'UNSUPPORTED', undefined],
    [{ errMsg: 'getPrivacySetting:fail system error' }, 'PLATFORM_ERROR', undefined],
  ])('maps %j to %s', (fail, code, errno) => {
    const error = toPrivacyError(fail)
    expect(error).toBeInstanceOf(PrivacyError)
    expect(error).toMatchObject({ code, errno, errMsg: fail.errMsg })
  })

  it('reads a thrown Error and keeps an existing PrivacyError as is', () => {
    expect(toPrivacyError(new TypeError('x is not a function'))).toMatchObject({ code: 'PLATFORM_ERROR', errMsg: 'x is not a function' })
    const error = new PrivacyError('DENIED')
    expect(toPrivacyError(error)).toBe(error)
  })

  it('copes with nothing at all', () => {
    expect(toPrivacyError(undefined)).toMatchObject({ code: 'PLATFORM_ERROR', errMsg: undefined })
  })

  it('gives a readable message that says what to do', () => {
    const error = toPrivacyError({ errMsg: 'getLocation:fail api scope is not declared in the privacy agreement', errno: 112 })
    expect(error.message).toMatch(/SCOPE_UNDECLARED.*declare its data type.*getLocation:fail/)
    expect(error.name).toBe('PrivacyError')
    expect(error).toBeInstanceOf(Error)
  })
})

describe('PrivacyError (a function constructor, so Taro builds need no class helpers)', () => {
  it('behaves like an Error subclass: instanceof, constructor, name, stack, toString', () => {
    const error = new PrivacyError('TIMEOUT', 'no answer after 5 ms', 7)
    expect(error).toBeInstanceOf(PrivacyError)
    expect(error).toBeInstanceOf(Error)
    expect(error.constructor).toBe(PrivacyError)
    expect(Object.getPrototypeOf(PrivacyError.prototype)).toBe(Error.prototype)
    expect(Object.keys(PrivacyError.prototype)).toEqual([])
    expect(Object.prototype.toString.call(error)).toBe('[object Error]')
    expect(error).toMatchObject({ name: 'PrivacyError', code: 'TIMEOUT', errMsg: 'no answer after 5 ms', errno: 7 })
    expect(String(error)).toMatch(/^PrivacyError: \[taro-privacy\] TIMEOUT: .*\(no answer after 5 ms\)$/)
    expect(error.stack).toContain('errors.test.ts')
    expect(new Error('x')).not.toBeInstanceOf(PrivacyError)
  })
})

describe('PrivacyError in a production build (regression: the message was only the code)', () => {
  const env = process.env.NODE_ENV
  afterEach(() => {
    process.env.NODE_ENV = env
  })

  it('keeps the code and what the platform (or the package, on h5) said', async () => {
    process.env.NODE_ENV = 'production'
    const { createH5Adapter, createPrivacyStore } = await import('../../src/core')
    const store = createPrivacyStore({ adapter: createH5Adapter({ storage: { getStorageSync: () => null, setStorageSync: () => {} } }) })
    store.mount()
    const refused = store.require().catch((error: PrivacyError) => error)
    await new Promise((resolve) => setTimeout(resolve, 0))
    store.disagree()
    const error = await refused
    expect(error).toMatchObject({ code: 'DENIED', message: '[taro-privacy] DENIED (require:fail privacy permission is not authorized)' })
    expect(toPrivacyError({ errMsg: 'getLocation:fail privacy permission is not authorized', errno: 104 }).message).toBe(
      '[taro-privacy] PRIVACY_NOT_AGREED (getLocation:fail privacy permission is not authorized)',
    )
  })
})
