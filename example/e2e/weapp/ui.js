/**
 * What a user sees and does on a page rendered by miniprogram-simulate. Class names
 * are the documented `taro-privacy-modal__<part>` classes of `PrivacyModal`.
 */

const CONSENT_UI = '.taro-privacy-modal__mask'

function attribute(node, name) {
  return node.toJSON().attrs.find((attr) => attr.name === name)?.value
}

/** The consent UIs in a page's rendered output. */
function consentUIs(page) {
  return page.comp.querySelectorAll(CONSENT_UI)
}

function text(page) {
  return page.comp.dom.textContent
}

function find(page, selector) {
  const node = page.comp.querySelector(selector)
  if (!node) throw new Error(`nothing matches ${selector} on ${page.route}`)
  return node
}

function tap(page, selector) {
  find(page, selector).dispatchEvent('tap')
}

/** The agree button of the page's one consent UI. */
function agreeButton(page) {
  const uis = consentUIs(page)
  if (uis.length !== 1) throw new Error(`${page.route} shows ${uis.length} consent UIs, expected 1`)
  return find(page, '.taro-privacy-modal__agree')
}

/**
 * The user taps an agree button: the platform records the tap of that button id, then
 * the button fires `tap` and `agreeprivacyauthorization` (plus `extraEvents`, e.g.
 * `getphonenumber` for a combined open-type).
 */
function tapAgreeButton(sim, button, extraEvents = {}) {
  const id = attribute(button, 'id')
  if (!id) throw new Error('the agree button has no id')
  sim.tapAgreeButton(id)
  button.dispatchEvent('tap')
  button.dispatchEvent('agreeprivacyauthorization', { detail: { errMsg: 'agreePrivacyAuthorization:ok' } })
  for (const [event, detail] of Object.entries(extraEvents)) button.dispatchEvent(event, { detail })
  return id
}

function agree(sim, page) {
  return tapAgreeButton(sim, agreeButton(page))
}

function disagree(page) {
  agreeButton(page)
  tap(page, '.taro-privacy-modal__disagree')
}

module.exports = { attribute, consentUIs, text, find, tap, agreeButton, tapAgreeButton, agree, disagree }
