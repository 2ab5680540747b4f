import { AGREE } from '../../ui/agree'
import type { PrivacySimulator } from '../simulator'
import { COMBINED_OPEN_TYPE_DETAIL } from '../simulator'

let simulator: PrivacySimulator | undefined
let listening = false

/**
 * What the platform does on a tap of an agree button rendered as a plain DOM button (the Vue
 * binding, a Vue template's `<button open-type="agreePrivacyAuthorization">`): after the click,
 * the installed simulator records the tap of that button's id, then the button fires
 * `agreeprivacyauthorization` and, for a combined open-type, the other event. (The React
 * `Button` double does this itself; its DOM button has no `opentype` attribute.)
 */
export function listenForAgreeTaps(sim: PrivacySimulator): void {
  simulator = sim
  if (listening || typeof document === 'undefined') return
  listening = true
  document.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest?.('button[opentype], button[open-type]')
    const openType = button ? button.getAttribute('opentype') || button.getAttribute('open-type') || '' : ''
    if (!button || !simulator || openType.split('|').indexOf(AGREE) < 0) return
    simulator.tapAgreeButton(button.id)
    button.dispatchEvent(new CustomEvent('agreeprivacyauthorization', { detail: { errMsg: 'agreePrivacyAuthorization:ok' } }))
    const other = openType.split('|')[0]
    if (other !== AGREE) button.dispatchEvent(new CustomEvent(other.toLowerCase(), { detail: COMBINED_OPEN_TYPE_DETAIL[other] }))
  })
}
