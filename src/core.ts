// The entry of `taro-privacy/core`: the store and the built-in platform adapters, without React.
export * from './core/index'
export { createMiniProgramAdapter } from './platform/mini-program'
export type { MiniProgramCallbacks, MiniProgramPlatform, MiniProgramPrivacyApi } from './platform/mini-program'
export { createH5Adapter } from './platform/h5'
export type { ConsentStorage, H5AdapterOptions, PrivacyContract } from './platform/h5'
export { createDefaultAdapter } from './platform/default'
