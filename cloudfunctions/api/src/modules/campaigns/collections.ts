export const CAMPAIGNS_COLLECTIONS = {
  /** 送温暖/送清凉 campaigns: what each person gets, the window, the stations, the collected count. */
  campaigns: 'campaigns',
  /** One document per campaign and person on its list (_id = `${campaignId}_${openid}`): flips to collected once. */
  entries: 'campaign_entries',
} as const;
