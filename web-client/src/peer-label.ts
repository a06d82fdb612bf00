// How a peer is named and pictured: the display name once fetched, "User #id" until then, and a
// round initial whose colour is fixed per user so a face is recognisable across the list.

import { el } from './element';

const HUES = [12, 38, 145, 175, 200, 225, 262, 290, 330];

export function peerLabel(peerId: number, peerName: string | null): string {
  return peerName ?? `User #${peerId}`;
}

export function avatar(peerId: number, peerName: string | null, size: 'small' | 'large' = 'small'): HTMLElement {
  // Array.from splits by code point, so a name that starts with an emoji keeps it whole.
  const initial = (Array.from(peerName?.trim() ?? '')[0] ?? '#').toUpperCase();
  const hue = HUES[peerId % HUES.length];
  return el('span', { class: `avatar avatar-${size}`, style: `--avatar-hue: ${hue}`, 'aria-hidden': 'true' }, initial);
}
