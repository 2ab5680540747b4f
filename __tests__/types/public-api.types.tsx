// Compiled by `npm run typecheck` (tsc), never run: each @ts-expect-error must be an error.
import {
  PrivacyAgreeButton,
  PrivacyError,
  PrivacyModal,
  PrivacyModalPortal,
  PrivacyProvider,
  usePrivacyGate,
  usePrivacySelector,
  type PrivacyAgreeOpenType,
  type PrivacyGate,
  type PrivacyStatus,
} from '../../src'

export const validOpenTypes = (
  <>
    <PrivacyAgreeButton />
    <PrivacyAgreeButton openType="agreePrivacyAuthorization" />
    <PrivacyAgreeButton openType="getPhoneNumber|agreePrivacyAuthorization" onGetPhoneNumber={(event) => event.detail.code} />
    <PrivacyAgreeButton openType="getRealtimePhoneNumber|agreePrivacyAuthorization" />
    <PrivacyAgreeButton openType="getUserInfo|agreePrivacyAuthorization" onGetUserInfo={(event) => event.detail.userInfo} />
    <PrivacyModal agreeOpenType="getPhoneNumber|agreePrivacyAuthorization" />
  </>
)

export const invalidOpenTypes = (
  <>
    {/* @ts-expect-error a plain open-type without agree is not an agree button */}
    <PrivacyAgreeButton openType="getPhoneNumber" />
    {/* @ts-expect-error combining is only with agreePrivacyAuthorization */}
    <PrivacyAgreeButton openType="share|agreePrivacyAuthorization" />
    {/* @ts-expect-error the modal takes the same union */}
    <PrivacyModal agreeOpenType="contact" />
  </>
)

export const modalButtons = (
  <>
    <PrivacyModal disagreeButtonProps={{ id: 'no', className: 'muted', style: { color: 'grey' }, onClick: (event) => event.stopPropagation() }} hideTabBar />
    <PrivacyModalPortal hideTabBar={false} recheckOnShow disagreeButtonProps={{ plain: true }} />
    {/* @ts-expect-error the disagree button's text is disagreeText */}
    <PrivacyModal disagreeButtonProps={{ children: '不同意' }} />
  </>
)

export function GateHasNoAgree() {
  const gate: PrivacyGate = usePrivacyGate()
  // @ts-expect-error consent is recorded only by a real tap on PrivacyAgreeButton
  gate.agree()
  const status: PrivacyStatus = gate.status
  const required: Promise<void> = gate.require()
  // @ts-expect-error the state is read-only
  gate.visible = true
  const count: number = usePrivacySelector((state) => state.pending.length)
  return [status, required, count]
}

export const providerProps = (
  <>
    <PrivacyProvider cooldownMs={10_000} onRequest={(request) => request.referrer} onDecision={(decision) => decision.event}>
      {null}
    </PrivacyProvider>
    {/* @ts-expect-error cooldownMs is a number of milliseconds */}
    <PrivacyProvider cooldownMs="10s" />
  </>
)

export function errorCodes(error: PrivacyError) {
  const open: PrivacyAgreeOpenType = 'agreePrivacyAuthorization'
  // @ts-expect-error codes are a closed union
  const wrong: PrivacyError['code'] = 'SOMETHING_ELSE'
  return [error.code === 'SCOPE_UNDECLARED', error.errno, open, wrong]
}
