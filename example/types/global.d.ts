/// <reference types="@tarojs/taro" />

declare module '*.css'

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production'
    TARO_ENV: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn'
  }
}

/** Build flag (config/index.ts): the provider's official-popup mode. */
declare const PRIVACY_OFFICIAL_POPUP: boolean

/** Build flag (config/index.ts): consent the user cannot dismiss, checked again on every page show. */
declare const PRIVACY_FORCED: boolean
