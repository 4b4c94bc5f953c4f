import type { UserConfigExport } from '@tarojs/cli';

export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {
    // `npm run dev`: the watch build is written to dist-h5/, which the local cloud serves (same origin as
    // its /fn endpoint). Taro's own dev server stays on loopback.
    devServer: {
      host: '127.0.0.1',
      port: Number(process.env.H5_DEV_PORT ?? 10086),
      devMiddleware: { writeToDisk: true },
    },
  },
} satisfies UserConfigExport<'webpack5'>;
