// Tests written against mutants that survived `npm run test:mutation` (issue 15): each one
// pins a behaviour of the core no other test asserted. docs/benchmarks.md, "Mutation
// testing", lists the survivors left as equivalent, with the reason.
import { PrivacyError, toPrivacyError, type PrivacyErrorCode } from '../../src/core'

describe('PrivacyError messages say what happened (development build)', () => {
  it.each<[PrivacyErrorCode, RegExp]>([
    ['SCOPE_UNDECLARED', /errno 112.*用户隐私保护指引/],
    ['USER_REJECTED', /rejected the official authorization popup \(errno 103\)/],
    ['PRIVACY_NOT_AGREED', /did not agree .* official popup \(errno 104\)/],
    ['DENIED', /did not agree to the privacy contract/],
    ['UNSUPPORTED', /no privacy authorization API .*2\.32\.3/],
    ['TIMEOUT', /did not answer in time/],
    ['DESTROYED', /destroyed .* before the user decided/],
    ['PLATFORM_ERROR', /platform call failed/],
  ])('%s', (code, hint) => {
    const error = new PrivacyError(code)
    expect(error.message).toMatch(new RegExp(`^\\[taro-privacy\\] ${code}: `))
    expect(error.message).toMatch(hint)
    expect(error.message).not.toMatch(/\(undefined\)|\(\)$/)
  })
})

describe('toPrivacyError reads every shape a platform fails with', () => {
  it('a bare string is the message', () => {
    expect(toPrivacyError('getLocation:fail privacy permission is not authorized')).toMatchObject({
      code: 'DENIED',
      errMsg: 'getLocation:fail privacy permission is not authorized',
      errno: undefined,
    })
  })

  it('errCode (older base libraries) is read as the errno', () => {
    expect(toPrivacyError({ errMsg: 'getLocation:fail auth deny', errCode: 103 })).toMatchObject({ code: 'USER_REJECTED', errno: 103 })
  })

  it('errno comes before errCode, errMsg before errorMessage and message', () => {
    expect(toPrivacyError({ errno: 112, errCode: 103, errMsg: 'a', errorMessage: 'b', message: 'c' })).toMatchObject({
      code: 'SCOPE_UNDECLARED',
      errno: 112,
      errMsg: 'a',
    })
    expect(toPrivacyError({ errorMessage: 'b', message: 'c' })).toMatchObject({ errMsg: 'b' })
  })

  it('an errno it does not know falls back to the message', () => {
    expect(toPrivacyError({ errno: 1026, errMsg: 'x:fail api scope is not declared in the privacy agreement' })).toMatchObject({
      code: 'SCOPE_UNDECLARED',
      errno: 1026,
    })
    expect(toPrivacyError({ errno: 1026, errMsg: 'x:fail system error' })).toMatchObject({ code: 'PLATFORM_ERROR', errno: 1026 })
  })

  it('"not supported" in any case is UNSUPPORTED', () => {
    expect(toPrivacyError({ errMsg: 'getPrivacySetting:fail API Not Supported' }).code).toBe('UNSUPPORTED')
    expect(toPrivacyError({ errMsg: 'getPrivacySetting:fail not support' }).code).toBe('UNSUPPORTED')
  })

  it('a non-string message or non-number errno is ignored, not copied', () => {
    expect(toPrivacyError({ errMsg: 42, errno: '112' })).toMatchObject({ code: 'PLATFORM_ERROR', errMsg: undefined, errno: undefined })
  })
})
