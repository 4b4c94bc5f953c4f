/**
 * WeChat's server API as the deploy uses it (fetch, no SDK): an access token from /cgi-bin/token, then
 * POST <base>/tcb/<api>?access_token=… with `env` in the JSON body. The same client talks to
 * https://api.weixin.qq.com and to the local cloud, which answers these requests in their real shape.
 */
import type { IndexDecl } from './types';

export class WeChatApiError extends Error {
  constructor(
    readonly api: string,
    readonly errcode: number,
    errmsg: string,
  ) {
    super(`${api}: errcode ${errcode} ${errmsg}`);
  }
}

export interface CollectionInfo {
  name: string;
  count: number;
  index_count: number;
}

export class WeChatApi {
  private token: { value: string; expiresAt: number } | null = null;

  constructor(
    private readonly base: string,
    private readonly appId: string,
    private readonly appSecret: string,
    readonly envId: string,
  ) {}

  private async accessToken(): Promise<string> {
    if (this.token && this.token.expiresAt > Date.now() + 60_000) return this.token.value;
    const url = `${this.base}/cgi-bin/token?grant_type=client_credential&appid=${encodeURIComponent(this.appId)}&secret=${encodeURIComponent(this.appSecret)}`;
    const body = (await (await fetch(url)).json()) as {
      access_token?: string;
      expires_in?: number;
      errcode?: number;
      errmsg?: string;
    };
    if (!body.access_token) throw new WeChatApiError('cgi-bin/token', body.errcode ?? -1, body.errmsg ?? 'no access_token');
    this.token = { value: body.access_token, expiresAt: Date.now() + (body.expires_in ?? 7200) * 1000 };
    return this.token.value;
  }

  /** POSTs `{ env, ...body }`; resolves with the answer when errcode is 0, else throws WeChatApiError. */
  async post<T = Record<string, unknown>>(api: string, body: Record<string, unknown> = {}): Promise<T> {
    const url = `${this.base}/${api}?access_token=${encodeURIComponent(await this.accessToken())}`;
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ env: this.envId, ...body }),
    });
    const answer = (await res.json()) as { errcode?: number; errmsg?: string };
    if (res.status !== 200 || (answer.errcode ?? 0) !== 0) {
      throw new WeChatApiError(api, answer.errcode ?? res.status, answer.errmsg ?? JSON.stringify(answer));
    }
    return answer as T;
  }

  async listCollections(): Promise<CollectionInfo[]> {
    const all: CollectionInfo[] = [];
    for (let offset = 0; ; offset += 100) {
      const page = await this.post<{ collections: CollectionInfo[]; pager: { Total: number } }>('tcb/databasecollectionget', {
        limit: 100,
        offset,
      });
      all.push(...page.collections);
      if (page.collections.length === 0 || all.length >= page.pager.Total) return all;
    }
  }

  async createCollection(name: string): Promise<void> {
    await this.post('tcb/databasecollectionadd', { collection_name: name });
  }

  async createIndex(collection: string, index: IndexDecl): Promise<void> {
    await this.post('tcb/updateindex', {
      collection_name: collection,
      create_indexes: [
        {
          name: index.name,
          unique: Boolean(index.unique),
          keys: index.keys.map((k) => ({ name: k.field, direction: String(k.direction) })),
        },
      ],
      drop_indexes: [],
    });
  }
}

/** An index as WeChat's API writes it, back to the declaration's shape. */
export function fromWeChatIndex(raw: {
  name: string;
  unique?: boolean;
  keys: Array<{ name: string; direction: string }>;
}): IndexDecl {
  return {
    name: raw.name,
    unique: Boolean(raw.unique),
    keys: raw.keys.map((k) => ({
      field: k.name,
      direction: k.direction === '2dsphere' ? '2dsphere' : (Number(k.direction) as 1 | -1),
    })),
  };
}
