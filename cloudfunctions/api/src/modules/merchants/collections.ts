export const MERCHANTS_COLLECTIONS = {
  /** Both kinds of place on the map: partner merchants and 工会驿站 / 户外劳动者服务站 (GeoJSON `location`, 2dsphere). */
  places: 'places',
  /** One document per redemption; its _id is the limit slot it takes, its codeKey (unique) the code it consumed. */
  redemptions: 'redemptions',
  /** Wrong 核验码 typed per clerk / per place and day (`${scope}_${id}_${day}`): tries.ts. */
  codeTries: 'short_code_tries',
  /** Capacity documents (shared/capacity.ts) of offers with a total limit, _id = offer id. */
  offerQuotas: 'offer_quotas',
  /** `${openid}_${placeId}`: a member's favourites and recently viewed places. */
  favourites: 'place_favourites',
  recentViews: 'place_views',
} as const;
