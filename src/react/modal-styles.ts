import type { CSSProperties } from 'react'
// The modal's look is class rules in modal.css, a stylesheet the package ships (fewer JS
// bytes, and no style strings in setData); the ESM build's modal chunk imports it
// (rollup.config.mjs).

export type PrivacyModalPart = 'mask' | 'panel' | 'title' | 'body' | 'link' | 'actions' | 'agree' | 'disagree'

/**
 * No inline defaults any more: the look is in modal.css, on the `taro-privacy-modal__<part>`
 * classes. PrivacyModal merges these with `styles` until its part() stops doing so.
 */
export const modalStyles: Partial<Record<PrivacyModalPart, CSSProperties>> = {}
