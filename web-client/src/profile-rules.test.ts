import { describe, expect, it } from 'vitest';
import type { Account } from './http-api';
import { profileChanges, profileProblem, safeAvatarUrl } from './profile-rules';

const alice: Account = {
  userId: 1,
  phone: '+15550001',
  displayName: 'Alice',
  avatarUrl: 'https://example.org/a.png',
  bio: 'Hi',
};

describe('safeAvatarUrl', () => {
  it('shows http and https images only', () => {
    expect(safeAvatarUrl('https://example.org/a.png')).toBe('https://example.org/a.png');
    expect(safeAvatarUrl('http://127.0.0.1:8080/a.svg')).toBe('http://127.0.0.1:8080/a.svg');
    expect(safeAvatarUrl('javascript:alert(1)')).toBeNull();
    expect(safeAvatarUrl('data:image/svg+xml,<svg/>')).toBeNull();
    expect(safeAvatarUrl('not a url')).toBeNull();
    expect(safeAvatarUrl(null)).toBeNull();
    expect(safeAvatarUrl('')).toBeNull();
  });
});

describe('profileProblem', () => {
  it('wants a display name of 1 to 64 characters', () => {
    expect(profileProblem({ displayName: '  ', avatarUrl: '', bio: '' })).toMatch(/1 to 64/);
    expect(profileProblem({ displayName: 'x'.repeat(65), avatarUrl: '', bio: '' })).toMatch(/1 to 64/);
    expect(profileProblem({ displayName: 'Alice', avatarUrl: '', bio: '' })).toBeNull();
  });

  it('wants an avatar to be an http(s) address, or none', () => {
    expect(profileProblem({ displayName: 'Alice', avatarUrl: 'ftp://x/a.png', bio: '' })).toMatch(/http/);
    expect(profileProblem({ displayName: 'Alice', avatarUrl: ' https://example.org/a.png ', bio: '' })).toBeNull();
  });
});

describe('profileChanges', () => {
  it('sends only what changed, trimmed', () => {
    expect(
      profileChanges(alice, { displayName: ' Alice ', avatarUrl: 'https://example.org/a.png', bio: 'Hi' }),
    ).toEqual({});
    expect(
      profileChanges(alice, { displayName: 'Alice L.', avatarUrl: 'https://example.org/a.png', bio: ' Climber ' }),
    ).toEqual({
      displayName: 'Alice L.',
      bio: 'Climber',
    });
  });

  it('sends an empty avatar to remove it, and nothing when there was none', () => {
    expect(profileChanges(alice, { displayName: 'Alice', avatarUrl: '', bio: 'Hi' })).toEqual({ avatarUrl: '' });
    const bare: Account = { userId: 1, phone: '+1', displayName: 'Alice' };
    expect(profileChanges(bare, { displayName: 'Alice', avatarUrl: '', bio: '' })).toEqual({});
  });
});
