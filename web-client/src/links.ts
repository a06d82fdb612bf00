// Clickable links in message text (issue #14), safely: only http: and https: addresses become
// links (never javascript:, data: or anything else), each opens in a new tab with
// rel="noopener noreferrer", and the text shown is the text written. Trailing punctuation of a
// sentence (".", ",", ")" …) stays outside the link.

const URL_LIKE = /\bhttps?:\/\/[^\s<>"'`]+/gi;
const TRAILING = /[.,;:!?)\]}'"]+$/;

export interface LinkPart {
  text: string;
  /** Set when this part is a link: the address to open (http or https only). */
  href?: string;
}

/** The text cut into plain parts and links, in order; joined they are the text. */
export function linkParts(text: string): LinkPart[] {
  const parts: LinkPart[] = [];
  let at = 0;
  for (const m of text.matchAll(URL_LIKE)) {
    const start = m.index ?? 0;
    const candidate = m[0].replace(TRAILING, '');
    const href = safeHref(candidate);
    if (href === null) continue;
    if (start > at) parts.push({ text: text.slice(at, start) });
    parts.push({ text: candidate, href });
    at = start + candidate.length;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}

/** The address as the browser would open it, or null unless it is a valid http(s) URL. */
export function safeHref(candidate: string): string | null {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}
