/**
 * The actions other than the directory, once each on the demo data (member 陈晓燕, the bookshop merchant-01 and
 * its staff), with the database requests each made as `run` reports them. Shared by `bench:merchants` (the local
 * cloud's own count) and countRequests.ts (a counting proxy).
 */
import { signCardToken } from '../../cloudfunctions/api/src/modules/card/cardToken';

export type Run = (openid: string, action: string, input: unknown) => Promise<[Record<string, unknown>, number]>;

export async function otherActions(run: Run, cardKey: string): Promise<Record<string, number>> {
  const code = () => signCardToken('CZ2024000001', cardKey).token;
  const member = 'demo-member-01';
  const staff = 'demo-merchant-01';
  const counts: Record<string, number> = {};
  counts['merchants.get'] = (await run(member, 'merchants.get', { placeId: 'merchant-01', lat: 31.78, lng: 119.95 }))[1];
  counts['merchants.favourite'] = (await run(member, 'merchants.favourite', { placeId: 'merchant-01', on: true }))[1];
  counts['card.tokens'] = (await run(member, 'card.tokens', {}))[1];
  const [checked, checkN] = await run(staff, 'merchants.check', { code: code() });
  counts['merchants.check'] = checkN;
  counts['merchants.redeem (per-member limit)'] = (
    await run(staff, 'merchants.redeem', { ticket: checked.ticket, offerId: 'merchant-01-o1' })
  )[1];
  const [again] = await run(staff, 'merchants.check', { code: code() });
  counts['merchants.redeem (limit + total)'] = (
    await run(staff, 'merchants.redeem', { ticket: again.ticket, offerId: 'merchant-01-o2' })
  )[1];
  counts['merchants.today'] = (await run(staff, 'merchants.today', {}))[1];
  counts['merchants.myRedemptions'] = (await run(member, 'merchants.myRedemptions', {}))[1];
  return counts;
}
