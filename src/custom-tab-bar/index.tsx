/**
 * The weapp's tab bar, drawn by the app (app.config.ts: `tabBar.custom` on weapp only; H5 keeps Taro's own): the
 * four tabs of the feature list with WeChat's colours and icons, the 消息与待办 count on 我的, and in 关怀模式 larger
 * labels and icons — WeChat's own tab bar cannot size them. WeChat gives each tab page its own instance; all read
 * the tab-bar store (src/stores/tabBar.ts), where the page on screen selects its tab.
 * Sizes are inline (real px, as WeChat's bar has them), so the weapp check reads them off the rendered bar.
 * Classes for the checks: `tab-bar` (+ `tab-bar-care`), `tab-bar-item` (+ `tab-bar-item-selected`),
 * `tab-bar-icon`, `tab-bar-label`, `tab-bar-badge`.
 */
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { TAB_BAR_COLORS, TABS } from '../features';
import { useCareMode } from '../stores/careMode';
import { badgeText, useTabBar, type TabKey } from '../stores/tabBar';
import './index.scss';

/**
 * Label and icon sizes in px: WeChat's own bar, and 关怀模式 (the labels as large as on H5, app.scss). Icon, label
 * and gap stay within the bar's 48 px (index.scss).
 */
export const TAB_BAR_SIZES = {
  standard: { label: 10, icon: 24 },
  care: { label: 15, icon: 26 },
} as const;

const KEYS = Object.keys(TABS) as TabKey[];

export default function CustomTabBar() {
  const selected = useTabBar((s) => s.selected);
  const badges = useTabBar((s) => s.badges);
  const care = useCareMode((s) => s.enabled);
  const size = care ? TAB_BAR_SIZES.care : TAB_BAR_SIZES.standard;
  const open = (key: TabKey) => {
    if (key === selected) return;
    useTabBar.getState().select(key);
    void Taro.switchTab({ url: `/${TABS[key].path}` });
  };
  return (
    <View className={`tab-bar ${care ? 'tab-bar-care' : ''}`} style={{ background: TAB_BAR_COLORS.backgroundColor }}>
      {KEYS.map((key) => {
        const tab = TABS[key];
        const on = key === selected;
        const count = badges[key] ?? 0;
        return (
          <View key={key} className={`tab-bar-item ${on ? 'tab-bar-item-selected' : ''}`} onClick={() => open(key)}>
            <View className='tab-bar-icon-box'>
              <Image
                className='tab-bar-icon'
                src={`/assets/tabbar/${tab.icon}${on ? '-active' : ''}.png`}
                style={{ width: `${size.icon}px`, height: `${size.icon}px` }}
              />
              {count > 0 && (
                <Text className='tab-bar-badge' style={{ fontSize: `${size.label}px` }}>
                  {badgeText(count)}
                </Text>
              )}
            </View>
            <Text
              className='tab-bar-label'
              style={{
                fontSize: `${size.label}px`,
                color: on ? TAB_BAR_COLORS.selectedColor : TAB_BAR_COLORS.color,
              }}
            >
              {tab.title}
            </Text>
          </View>
        );
      })}
    </View>
  );
}
