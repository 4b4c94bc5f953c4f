/** Collections 消息与待办 owns (indexes in config/collections.json). Its items live in the areas' own state. */
export const INBOX_COLLECTIONS = {
  /** A member opened an informational item: `_id = ${openid}_${key}` (one mark per member and item). */
  seen: 'inbox_seen',
} as const;
