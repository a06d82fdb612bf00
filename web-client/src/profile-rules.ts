// What a profile edit may send, and which avatar addresses the client will show. The display
// name rule is the server's (docs/protocol.md); the avatar rule is the client's own: only http(s)
// images are shown, so only those are offered. Lengths of the URL and the bio are left to the
// server, whose message is shown if it refuses.

import type { Account, ProfileChanges } from './http-api';

export interface ProfileForm {
  displayName: string;
  avatarUrl: string;
  bio: string;
}

/** The address to put in an <img>, or null for none (empty, unparsable, or not http/https). */
export function safeAvatarUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

export function profileProblem(form: ProfileForm): string | null {
  const name = form.displayName.trim();
  if (name.length < 1 || name.length > 64) return 'Display name must be 1 to 64 characters.';
  const avatar = form.avatarUrl.trim();
  if (avatar !== '' && safeAvatarUrl(avatar) === null) {
    return 'The avatar must be an http:// or https:// address of an image.';
  }
  return null;
}

/** Only the fields that differ from the account; an emptied avatar is sent as '' to remove it. */
export function profileChanges(current: Account, form: ProfileForm): ProfileChanges {
  const changes: ProfileChanges = {};
  const name = form.displayName.trim();
  const avatar = form.avatarUrl.trim();
  const bio = form.bio.trim();
  if (name !== current.displayName) changes.displayName = name;
  if (avatar !== (current.avatarUrl ?? '')) changes.avatarUrl = avatar;
  if (bio !== (current.bio ?? '')) changes.bio = bio;
  return changes;
}
