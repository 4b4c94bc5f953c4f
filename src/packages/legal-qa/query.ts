/** `route?key=value&…` with the values encoded. */
export function withQuery(route: string, query: Record<string, string>): string {
  return `${route}?${Object.entries(query)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&')}`;
}
