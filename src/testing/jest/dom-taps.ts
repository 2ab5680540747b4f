import { AGREE } from '../../ui/agree'
import { installedSimulator } from '../installed'
import { COMBINED_OPEN_TYPE_DETAIL } from '../simulator'

let listening = false

/**
 * What Taro's runtime and the platform do on a tap of a plain DOM element (the Vue binding
 * under jest, a Vue template's `<button>`): after the click, the element emits `tap` (Taro's
 * Vue components emit `tap`, and on mini-programs no `click`); on an agree button, the
 * installed simulator records the tap of that button's id, then the button fires
 * `agreeprivacyauthorization` and, for a combined open-type, the other event. (The React
 * `Button` double does the agree itself; its DOM button has no `opentype` attribute.)
 */
export function listenForTaps(): void {
  if (listening || typeof document === 'undefined') return
  listening = true
  document.addEventListener('click', (event) => {
    const target = event.target as Element | null
    if (!target || !target.dispatchEvent) return
    target.dispatchEvent(new CustomEvent('tap', { bubbles: true, detail: {} }))
    const button = target.closest ? target.closest('button[opentype], button[open-type]') : null
    const openType = button ? button.getAttribute('opentype') || button.getAttribute('open-type') || '' : ''
    const sim = installedSimulator()
    if (!button || !sim || openType.split('|').indexOf(AGREE) < 0) return
    sim.tapAgreeButton(button.id)
    button.dispatchEvent(new CustomEvent('agreeprivacyauthorization', { detail: { errMsg: 'agreePrivacyAuthorization:ok' } }))
    const other = openType.split('|')[0]
    if (other !== AGREE) button.dispatchEvent(new CustomEvent(other.toLowerCase(), { detail: COMBINED_OPEN_TYPE_DETAIL[other] }))
  })
}
