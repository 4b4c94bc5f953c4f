import type { UserConfigExport } from '@tarojs/cli';
import { WxmlMinifyPlugin } from './wxmlMinifyPlugin';

/**
 * Production builds are compressed, as WeChat's code-quality check asks ("代码包内 JS/WXSS/WXML 文件需压缩"):
 * JS by terser and WXSS by csso (Taro's defaults in production, stated here so they stay on), WXML by
 * our own plugin (Taro's `mini.minifyXML` breaks `<input>`: see wxmlMinifyPlugin.ts).
 * tests/build/packages.test.ts checks that dist/ is compressed; tests/weapp compiles it with WeChat's tools.
 *
 * `H5_UNMINIFIED=1` (set by `npm test`'s app builds, tests/support/build-apps.mjs) leaves the H5 build's JS and CSS
 * uncompressed: the e2e tests read its behaviour, not its size, and terser took most of the H5 build's minutes.
 * `npm run build:h5` and the weapp build are always compressed.
 */
const unminifiedH5 = process.env.TARO_ENV === 'h5' && process.env.H5_UNMINIFIED === '1';

export default {
  mini: {
    webpackChain(chain) {
      chain.plugin('wxml-minify').use(WxmlMinifyPlugin);
    },
  },
  terser: { enable: !unminifiedH5 },
  csso: { enable: !unminifiedH5 },
  h5: {},
} satisfies UserConfigExport<'webpack5'>;
