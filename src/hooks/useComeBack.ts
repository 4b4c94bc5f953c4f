import { useRef } from 'react';
import { useDidHide, useDidShow } from '@tarojs/taro';

/**
 * Runs `onBack` when the page is shown again after being hidden (back from another page, tab switched back,
 * app brought to the foreground) — never for the first show, which coincides with mounting: the mount
 * already loads, and on the mini-program runtime the mount effect runs before the first `useDidShow`, so
 * reacting to every show would send the same request twice.
 */
export function useComeBack(onBack: () => void): void {
  const hidden = useRef(false);
  useDidHide(() => {
    hidden.current = true;
  });
  useDidShow(() => {
    if (!hidden.current) return;
    hidden.current = false;
    onBack();
  });
}
