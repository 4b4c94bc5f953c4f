/** Pages of the legal-aid subpackage (registered in app.config.ts). */
const ROOT = '/packages/legal-aid';
export const LA_ROUTES = {
  home: `${ROOT}/index/index`,
  book: `${ROOT}/book/index`,
  mine: `${ROOT}/mine/index`,
  detail: `${ROOT}/detail/index`,
  desk: `${ROOT}/desk/index`,
  case: `${ROOT}/case/index`,
  roster: `${ROOT}/roster/index`,
  slots: `${ROOT}/slots/index`,
} as const;

export function withQuery(route: string, query: Record<string, string>): string {
  return `${route}?${Object.entries(query)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&')}`;
}
