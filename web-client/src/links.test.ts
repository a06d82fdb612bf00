import { describe, expect, it } from 'vitest';
import { linkParts, safeHref } from './links';

describe('links in message text', () => {
  it('makes http and https addresses links and keeps the rest text', () => {
    expect(linkParts('see https://example.com/a?b=1 and http://x.org.')).toEqual([
      { text: 'see ' },
      { text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
      { text: ' and ' },
      { text: 'http://x.org', href: 'http://x.org/' },
      { text: '.' },
    ]);
    expect(linkParts('(https://example.com/x)')).toEqual([
      { text: '(' },
      { text: 'https://example.com/x', href: 'https://example.com/x' },
      { text: ')' },
    ]);
  });

  it('never links other schemes', () => {
    for (const text of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'JAVASCRIPT://%0aalert(1)', 'ftp://x.org']) {
      expect(linkParts(text).every((p) => p.href === undefined)).toBe(true);
    }
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('https://')).toBeNull();
    expect(linkParts('no links here')).toEqual([{ text: 'no links here' }]);
  });
});
