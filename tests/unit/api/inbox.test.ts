/**
 * 消息与待办's pure parts: the house gathers every area's item sources and activity pages from the module
 * definitions (whatever their order), and items are ordered most urgent first, then newest.
 */
import type { InboxItem, ModuleDef } from '../../../cloudfunctions/api/src/action';
import { buildHouse } from '../../../cloudfunctions/api/src/house';
import { byUrgency } from '../../../cloudfunctions/api/src/modules/inbox/gatherItems';

const item = (key: string, kind: 'todo' | 'info', at: string, dueAt?: string): InboxItem => ({
  key,
  kind,
  label: '测试',
  title: key,
  at: new Date(at),
  ...(dueAt ? { dueAt: new Date(dueAt) } : {}),
  route: 'inbox',
});

describe('the house of 消息与待办', () => {
  const a: ModuleDef = { area: 'a', actions: {}, inbox: { sources: { one: async () => [] } } };
  const b: ModuleDef = {
    area: 'b',
    actions: {},
    inbox: {
      sources: { two: async () => [] },
      activityPages: { area: 'recuperation', pages: { activity: (id) => ({ route: 'x', params: { id } }) } },
    },
  };

  it('gathers every area’s sources and pages, in either order, and nothing from areas that declare none', () => {
    for (const modules of [
      [a, b],
      [b, a],
      [a, b, { area: 'c', actions: {} }],
    ]) {
      const house = buildHouse(modules);
      expect(Object.keys(house.inboxSources).sort()).toEqual(['one', 'two']);
      expect([...house.activityPages.keys()]).toEqual(['recuperation']);
      expect(house.activityPages.get('recuperation')!.activity('t1')).toEqual({ route: 'x', params: { id: 't1' } });
    }
    expect(Object.keys(buildHouse([]).inboxSources)).toEqual([]);
  });
});

describe('order', () => {
  it('puts to-do items with a deadline first (soonest first), then everything else newest first', () => {
    const items = [
      item('old-info', 'info', '2026-12-01T08:00:00Z'),
      item('offer-late', 'todo', '2026-12-01T09:00:00Z', '2026-12-08T09:00:00Z'),
      item('new-info', 'info', '2026-12-05T08:00:00Z'),
      item('booking-soon', 'todo', '2026-11-20T09:00:00Z', '2026-12-06T09:00:00Z'),
      item('invite', 'todo', '2026-12-03T08:00:00Z'),
    ];
    expect([...items].sort(byUrgency).map((i) => i.key)).toEqual([
      'booking-soon',
      'offer-late',
      'new-info',
      'invite',
      'old-info',
    ]);
  });

  it('breaks ties by key, so that pages are stable', () => {
    const at = '2026-12-01T08:00:00Z';
    expect([item('b', 'info', at), item('a', 'info', at)].sort(byUrgency).map((i) => i.key)).toEqual(['a', 'b']);
  });
});
