/**
 * URL helpers shared by the adapters: resolving card links (protocol-relative "//host/…"), setting a
 * query parameter for the next page, canonical listing URLs without tracking parameters, the site
 * base of a URL (origin plus the training marketplace's path prefix), and host matching.
 */

/** An absolute URL for `href` relative to `base`, or undefined when it cannot be parsed or is not http(s). */
export function resolveUrl(href: string | undefined, base: string): string | undefined {
  if (!href) return undefined;
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : undefined;
  } catch {
    return undefined;
  }
}

/** `url` with query parameter `name` set to `value`. */
export function withQueryParam(url: string, name: string, value: string | number): string {
  const u = new URL(url);
  u.searchParams.set(name, String(value));
  return u.toString();
}

/** `url` without hash and without query parameters other than `keep`. */
export function canonicalUrl(url: string, keep: string[] = []): string {
  const u = new URL(url);
  u.hash = '';
  for (const key of [...u.searchParams.keys()]) if (!keep.includes(key)) u.searchParams.delete(key);
  return u.toString();
}

/** A base URL without its trailing slash ("http://127.0.0.1:8080/lazada/" → "…/lazada"). */
export function trimBase(base: string): string {
  return base.replace(/\/+$/, '');
}

/** The site base of `url`: its origin plus every path segment before the one where `marker` matches ("…/lazada/products/x" → "…/lazada"). */
export function siteBase(url: string, marker: RegExp): string {
  const u = new URL(url);
  const m = marker.exec(u.pathname);
  const prefix = m ? u.pathname.slice(0, m.index) : '';
  return trimBase(u.origin + prefix);
}

/** True when `hostname` is one of `hosts` or a subdomain of one. */
export function hostMatches(hostname: string, hosts: string[]): boolean {
  const h = hostname.toLowerCase();
  return hosts.some((host) => h === host || h.endsWith(`.${host}`));
}

/** The search-page URLs for pages first..first+count-1 built by `pageUrl`. */
export function pageRange(count: number | undefined, first: number, pageUrl: (page: number) => string): string[] {
  const n = Math.max(1, Math.floor(count ?? 1));
  return Array.from({ length: n }, (_, i) => pageUrl(first + i));
}

/** The parsed URL, or undefined when `url` is not a valid absolute URL. */
export function tryUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** Path of a URL, decoded when possible (Shopee slugs keep diacritics, often %-encoded); '' for an invalid URL. */
export function decodedPath(url: string): string {
  const path = tryUrl(url)?.pathname ?? '';
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** True when `candidate` is on the same host as `pageUrl` or on one of the marketplace's `hosts` (cards never lead off-site). */
export function sameSite(candidate: string, pageUrl: string, hosts: string[] = []): boolean {
  try {
    const c = new URL(candidate);
    return c.host === new URL(pageUrl).host || hostMatches(c.hostname, hosts);
  } catch {
    return false;
  }
}
