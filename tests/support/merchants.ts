/** Helpers for the merchants tests: card codes signed with the local key, uploads, a place saved by an admin. */
import { signCardToken } from '../../cloudfunctions/api/src/modules/card/cardToken';
import type { ApiContract } from '../../cloudfunctions/api/src/contract';
import { callOk } from './api';
import { connectSdk, ROOT } from './localCloud';

export const LOCAL_CARD_KEY = (require(`${ROOT}/config/local-functions.env.json`) as { api: { CARD_TOKEN_KEY: string } }).api
  .CARD_TOKEN_KEY;
export const DEMO_CARD = 'CZ2024000001';
/** The bookshop of the demo identity demo-merchant-01. */
export const BOOKSHOP = { id: 'merchant-01', lat: 31.7786, lng: 119.9512 };

/** A fresh code of the demo member's card (a distinct nonce each time), valid now. */
export function freshCode(cardNo = DEMO_CARD, at = new Date()): string {
  return signCardToken(cardNo, LOCAL_CARD_KEY, at).token;
}

/** Uploads `content` as `openid`'s own file (uploads/<openid>/…), as the app does; returns the fileID. */
export async function uploadAs(serviceUrl: string, openid: string, name: string, content: Buffer): Promise<string> {
  const { cloud } = connectSdk(serviceUrl);
  const res = (await cloud.uploadFile({ cloudPath: `uploads/${openid}/${name}`, fileContent: content })) as { fileID: string };
  return res.fileID;
}

export type SaveInput = ApiContract['merchants.save']['input'];

export function placeInput(overrides: Partial<SaveInput> = {}): SaveInput {
  return {
    kind: 'merchant',
    placeName: '测试面馆',
    category: '餐饮',
    tier: '普惠商户',
    district: '天宁区',
    address: '常州市天宁区测试路1号',
    phone: '0519-88880000',
    lat: 31.78,
    lng: 119.98,
    hours: '24小时',
    orgId: 'org-cz',
    ...overrides,
  };
}

/** Creates a merchant with one offer as the demo admin; returns the place and offer ids. */
export async function merchantWithOffer(
  baseUrl: string,
  place: Partial<SaveInput>,
  offer: Partial<ApiContract['merchants.saveOffer']['input']> = {},
): Promise<{ placeId: string; offerId: string }> {
  const saved = await callOk(baseUrl, 'demo-admin', 'merchants.save', placeInput(place));
  const withOffer = await callOk(baseUrl, 'demo-admin', 'merchants.saveOffer', {
    placeId: saved._id,
    offerTitle: '会员凭卡9折',
    terms: '每人每日限1次',
    validFrom: `${new Date().getFullYear()}-01-01`,
    validTo: `${new Date().getFullYear() + 2}-12-31`, // an offer runs three years at most
    period: 'day',
    perPeriod: 1,
    ...offer,
  });
  return { placeId: saved._id, offerId: withOffer.offers[withOffer.offers.length - 1]._id };
}
