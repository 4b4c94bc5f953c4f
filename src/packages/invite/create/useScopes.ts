import { call } from '../../../api/client';
import type { Org } from '../../../api/types';
import { useRemote } from '../../../hooks/useRemote';

export interface ScopeOption {
  id: string;
  name: string;
}

/**
 * What each role can be scoped to, for the invitation form: unions (for 工会干部), legal-aid stations (值班律师)
 * counselling rooms (心理咨询师) and merchants (商户店员) — the server keeps only those the inviter manages.
 */
export function useScopes() {
  return useRemote(async () => {
    const [tree, stations, rooms, places] = await Promise.all([
      call('org.tree', {}),
      call('legalAid.stations', {}),
      call('counselling.rooms', {}).catch(() => ({ items: [] as Array<{ _id: string; name: string }> })), // area off
      call('merchants.adminList', { kind: 'merchant' }),
    ]);
    return {
      orgs: tree.orgs as Org[],
      stations: stations.items.map((s): ScopeOption => ({ id: s._id, name: s.name })),
      rooms: rooms.items.map((r): ScopeOption => ({ id: r._id, name: r.name })),
      merchants: places.items.map((p): ScopeOption => ({ id: p._id, name: p.name })),
    };
  });
}
