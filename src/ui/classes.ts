// The class hooks of the consent UI, for styles and tests. The modal's look is class rules
// in modal.css, a stylesheet the package ships (fewer JS bytes, and no style strings in
// setData); the ESM build of the React entry imports it (rollup.config.mjs).

export type PrivacyModalPart = 'mask' | 'panel' | 'title' | 'body' | 'link' | 'actions' | 'agree' | 'disagree'

/** Every part has the class `tp-<part>`. */
export const PART_CLASS = 'tp-'

/** On the mask unless `unstyled`: the stylesheet's rules apply only inside it. */
export const STYLED_ROOT_CLASS = 'tp-modal'

/** Every `PrivacyAgreeButton` has this class (besides the caller's), in jsdom and in compiled WXML: the documented hook for tests. */
export const AGREE_BUTTON_CLASS = 'tp-agree-button'
