import { describe, expect, it } from 'vitest';
import { inviteCodeOf, inviteLink } from './invite-link';

describe('invite links', () => {
  it('puts the code in the hash and reads it back', () => {
    const link = inviteLink('Ab3_-x9QrStUvWxY', 'https://chat.example');
    expect(link).toBe('https://chat.example/#join=Ab3_-x9QrStUvWxY');
    expect(inviteCodeOf(new URL(link).hash)).toBe('Ab3_-x9QrStUvWxY');
  });

  it('ignores other hashes and codes that cannot be codes', () => {
    expect(inviteCodeOf('')).toBeNull();
    expect(inviteCodeOf('#chats')).toBeNull();
    expect(inviteCodeOf('#join=')).toBeNull();
    expect(inviteCodeOf('#join=<script>')).toBeNull();
    expect(inviteCodeOf('#join=' + 'a'.repeat(33))).toBeNull();
  });
});
