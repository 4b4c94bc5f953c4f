import path from 'path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';
import { SizeManifestPlugin } from './sizeManifestPlugin';

/**
 * Taro build config (weapp → dist/, h5 → dist-h5/).
 * Build-time defines:
 *  - CLOUD_ENV_ID: WeChat Cloud env id for weapp (placeholder 'union-dev-placeholder'; set the real
 *    one with `CLOUD_ENV_ID=xxx npm run build:weapp`).
 *  - LOCAL_CLOUD_URL: base URL of the local cloud for the H5 build ('' = same origin).
 */
/** Pure rules shared with the function: compiled into the app like its own sources. */
const RULES_DIR = path.resolve(__dirname, '..', 'cloudfunctions', 'api', 'src', 'rules');

export default defineConfig<'webpack5'>(async (merge) => {
  const isH5 = process.env.TARO_ENV === 'h5';
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'union-members-miniprogram',
    date: '2025-01-01',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: isH5 ? 'dist-h5' : 'dist',
    plugins: [],
    defineConstants: {},
    env: {
      CLOUD_ENV_ID: JSON.stringify(process.env.CLOUD_ENV_ID ?? 'union-dev-placeholder'),
      LOCAL_CLOUD_URL: JSON.stringify(process.env.LOCAL_CLOUD_URL ?? ''),
    },
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
      // Pure rules and enums written once for the app and the function (no SDK, no Node APIs).
      '@rules': RULES_DIR,
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    sass: {},
    mini: {
      compile: { include: [RULES_DIR] },
      postcss: {
        pxtransform: { enable: true, config: { selectorBlackList: ['nut-'] } },
        cssModules: { enable: false },
      },
      optimizeMainPackage: { enable: true },
    },
    h5: {
      compile: { include: [RULES_DIR] },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      webpackChain(chain) {
        chain.plugin('size-manifest').use(SizeManifestPlugin);
        // Taro splits only the initial chunks ('initial'), so each of the 116 lazily loaded pages carried its own
        // copy of every shared module (about 350 KB each, 38 MB in all, minified one by one). Shared modules of
        // the pages now go to chunks of their own (8 KB or more; smaller ones stay copied), loaded with the page that
        // needs them: dist-h5 went from 38.6 MB to 3.5 MB and the H5 build from 240 s to about 40 s.
        const splitChunks = chain.optimization.get('splitChunks');
        chain.optimization.splitChunks({ ...splitChunks, chunks: 'all', minSize: 8000 });
      },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  };
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
