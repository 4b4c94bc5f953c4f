import { View, Text } from '@tarojs/components';
import type { RouteName, Tile } from '../features';
import { ROUTES, comingSoon, go } from '../utils/nav';
import './TileGrid.scss';

export interface GridTile extends Pick<Tile, 'key' | 'label' | 'route'> {
  icon?: string;
  /** Opens the route with this query (a page's tab). */
  query?: string;
  /** A number shown as a badge (e.g. applications waiting); hidden when 0 or absent. */
  count?: number;
  /** How many of `count` wait past the review deadline: a red 「超期 N」 line under the label; hidden when 0. */
  overdue?: number;
}

interface TileGridProps {
  tiles: readonly GridTile[];
  /** 2: big tiles (关怀模式's home). */
  columns?: 2 | 3 | 4;
  className?: string;
  /** `data-testid` of the grid; each tile is `tile-<key>`, its badge `tile-count`. */
  testId?: string;
}

/** Labels longer than this are set a size smaller, so that every label stays on one line in a 4-a-row grid. */
const LONG_LABEL = 5;

/**
 * Square tiles opening an area (or saying 即将开放). Labels never wrap (技能竞赛管理 once broke as 技能竞赛管/理): a long one is set smaller, and
 * 关怀模式 pages use fewer columns. Test ids: `tile-<key>`, `tile-icon`, `tile-label`, `tile-count`, `tile-overdue`.
 */
export function TileGrid({ tiles, columns = 4, className, testId }: TileGridProps) {
  return (
    <View className={`tile-grid tile-grid-${columns} ${className ?? ''}`} data-testid={testId}>
      {tiles.map((t) => (
        <View
          key={t.key}
          className={`tile tile-${t.key}`}
          data-testid={`tile-${t.key}`}
          onClick={() => (t.route ? go(`${ROUTES[t.route as RouteName]}${t.query ? `?${t.query}` : ''}`) : comingSoon(t.label))}
        >
          <View className={`tile-icon ${t.route ? '' : 'tile-icon-soon'}`} data-testid='tile-icon'>
            {t.icon ?? t.label.slice(0, 1)}
            {!!t.count && (
              <Text className='tile-count' data-testid='tile-count'>
                {t.count > 99 ? '99+' : t.count}
              </Text>
            )}
          </View>
          <Text className={`tile-label ${t.label.length > LONG_LABEL ? 'tile-label-long' : ''}`} data-testid='tile-label'>
            {t.label}
          </Text>
          {!!t.overdue && (
            <Text className='tile-overdue' data-testid='tile-overdue'>
              超期 {t.overdue > 99 ? '99+' : t.overdue}
            </Text>
          )}
          {!t.route && <Text className='tile-soon'>即将开放</Text>}
        </View>
      ))}
    </View>
  );
}
