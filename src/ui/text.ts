// The consent UI's default text, for every binding; each is overridable by a prop.
export const TITLE = '用户隐私保护提示'
// One sentence for every platform (no "小程序" on H5), short: it is sent in the setData that shows the UI.
export const CONTENT_BEFORE = '使用前请仔细阅读'
export const CONTENT_AFTER = '。点击“同意”即表示你已阅读并同意；拒绝将无法使用相关功能。'
export const AGREE_TEXT = '同意'
export const DISAGREE_TEXT = '拒绝'
/** The contract name when neither the app nor the platform gives one. */
export const CONTRACT_NAME = '《用户隐私保护指引》'
