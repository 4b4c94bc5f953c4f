/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.gif';
declare module '*.jpg';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'rn' | undefined;
    /** WeChat Cloud env id (weapp), injected at build time. */
    CLOUD_ENV_ID?: string;
    /** Local cloud base URL for the H5 build ('' = same origin), injected at build time. */
    LOCAL_CLOUD_URL?: string;
  }
}
