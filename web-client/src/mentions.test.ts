import { describe, expect, it } from 'vitest';
import { mentionParts, mentionsMe } from './mentions';

describe('mentions', () => {
  it('cuts a text into plain parts and mention tokens that join back to the text', () => {
    const text = 'hi @12, @all and @7: see x@12';
    const parts = mentionParts(text, 12);
    expect(parts.map((p) => p.text).join('')).toBe(text);
    expect(parts.filter((p) => p.mention)).toEqual([
      { text: '@12', mention: 'me' },
      { text: '@all', mention: 'all' },
      { text: '@7', mention: 'other' },
    ]);
  });

  it('knows when a text mentions me, and that an e-mail-like token does not', () => {
    expect(mentionsMe('@all lunch', 5)).toBe(true);
    expect(mentionsMe('ping @5', 5)).toBe(true);
    expect(mentionsMe('ping @55', 5)).toBe(false);
    expect(mentionsMe('mail a@5', 5)).toBe(false);
    expect(mentionParts('', 5)).toEqual([]);
  });
});
