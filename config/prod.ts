import type { UserConfigExport } from '@tarojs/cli';
import { WxmlMinifyPlugin } from './wxmlMinifyPlugin';

/**
 * Production builds are compressed, as WeChat's code-quality check asks ("代码包内 JS/WXSS/WXML 文件需压缩"):
 * JS by terser and WXSS by csso (Taro's defaults in production, stated here so they stay on), WXML by
 * our own plugin (Taro's `mini.minifyXML` breaks `<input>`: see wxmlMinifyPlugin.ts).
 * tests/build/packages.test.ts checks that dist/ is compressed; tests/weapp compiles it with WeChat's tools.
 */
export default {
  mini: {
    webpackChain(chain) {
      chain.plugin('wxml-minify').use(WxmlMinifyPlugin);
    },
  },
  terser: { enable: true },
  csso: { enable: true },
  h5: {},
} satisfies UserConfigExport<'webpack5'>;
