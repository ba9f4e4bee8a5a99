// What discovery yields: an article URL with whatever the feed, sitemap or listing said about it.

export interface DiscoveredLink {
  readonly url: string;
  readonly title: string | null;
  readonly publishedAt: string | null;
  /** When the entry says the article last changed (Atom updated, sitemap lastmod). */
  readonly updatedAt: string | null;
  /**
   * The outlet lists it as news: an item of its feed or news sitemap, or a dated item of a listing. Such a
   * page is stored whatever the length of its body (a two-sentence brief is news too).
   */
  readonly listed?: boolean;
  /** The feed item's description or content as plain text: the body when extraction finds less. */
  readonly summary?: string | null;
}

/** An absolute http(s) URL without its fragment, or null. */
export function absoluteUrl(href: string | undefined | null, base: string): string | null {
  if (!href) return null;
  try {
    const u = new URL(href.trim(), base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
}

/** A date string (RFC 822 or ISO) as ISO, or null. */
export function isoDate(value: string | undefined | null): string | null {
  if (!value) return null;
  const t = Date.parse(value.trim());
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}
