import type { PropsWithChildren } from 'react';
import Taro, { useLaunch } from '@tarojs/taro';
import { mountDevSwitch } from './dev/mountDevSwitch';
import { useSettingsStore } from './stores/settings';
import './app.scss';

// WeChat Cloud is only initialised in the mini-program; H5 talks to the local cloud over HTTP.
if (process.env.TARO_ENV === 'weapp') {
  Taro.cloud.init({ env: process.env.CLOUD_ENV_ID, traceUser: true });
}

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // The union's settings (name, hotline, areas switched on): the kept copy shows at once, the answer replaces it.
    void useSettingsStore.getState().load();
    // H5 development builds only: the demo identity switch (a no-op file in weapp).
    if (process.env.TARO_ENV === 'h5') mountDevSwitch();
  });
  return children;
}

export default App;
