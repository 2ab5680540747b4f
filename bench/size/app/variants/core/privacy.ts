import { createMiniProgramAdapter, createPrivacyStore } from 'taro-privacy/core'

// Native style: the core alone, on the platform object.
export const store = createPrivacyStore({ adapter: createMiniProgramAdapter(wx) })
