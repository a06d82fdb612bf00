// How a person or a group is pictured: their avatar image when they set an http(s) one, and a
// round initial otherwise (or while the image fails to load), its colour fixed per id so a face
// is recognisable across lists. Groups get a rounded square, so they never pass for a person.

import type { Directory } from './directory';
import { el } from './element';
import { safeAvatarUrl } from './profile-rules';

const HUES = [12, 38, 145, 175, 200, 225, 262, 290, 330];

export type AvatarSize = 'small' | 'medium' | 'large';

export function avatar(
  seed: number | string,
  name: string | null,
  url: string | null = null,
  size: AvatarSize = 'small',
  shape: 'person' | 'group' = 'person',
): HTMLElement {
  // Array.from splits by code point, so a name that starts with an emoji keeps it whole.
  const initial = (Array.from(name?.trim() ?? '')[0] ?? '#').toUpperCase();
  const hue = hueOf(seed);
  const node = el(
    'span',
    { class: `avatar avatar-${size} avatar-${shape}`, style: `--avatar-hue: ${hue}`, 'aria-hidden': 'true' },
    initial,
  );
  const src = safeAvatarUrl(url);
  if (src) {
    const image = el('img', { src, alt: '', loading: 'lazy', referrerpolicy: 'no-referrer', decoding: 'async' });
    image.addEventListener('error', () => image.remove(), { once: true });
    node.append(image);
  }
  return node;
}

export function personAvatar(directory: Directory, userId: number, size: AvatarSize = 'small'): HTMLElement {
  const person = directory.user(userId);
  return avatar(userId, person?.displayName ?? null, person?.avatarUrl ?? null, size);
}

export function groupAvatar(directory: Directory, groupId: string, size: AvatarSize = 'small'): HTMLElement {
  const group = directory.group(groupId);
  return avatar(groupId, group?.name ?? null, group?.avatarUrl ?? null, size, 'group');
}

/** The hue of someone's avatar, to colour their name alike elsewhere. */
export function hueOf(seed: number | string): number {
  return HUES[hash(seed) % HUES.length]!;
}

function hash(seed: number | string): number {
  if (typeof seed === 'number') return Math.abs(Math.trunc(seed));
  let h = 0;
  for (const c of seed) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h;
}
