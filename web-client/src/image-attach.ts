// The composer's image button (issue #14): picks one image file; the composer's text goes with it
// as the caption. The server checks type and size again (by the bytes), this only spares a
// pointless upload.

import { el } from './element';

/** What the gateway takes by default (im.gateway.images.*). */
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

/** Why this file cannot be sent as an image; null when it can. */
export function imageProblem(file: { type: string; size: number }): string | null {
  if (!IMAGE_TYPES.includes(file.type)) return 'Only PNG, JPEG, GIF and WebP images can be sent.';
  if (file.size > MAX_IMAGE_BYTES) return 'Images are limited to 10 MB.';
  if (file.size === 0) return 'The file is empty.';
  return null;
}

/** The button and its hidden file input; `picked` gets each chosen file. */
export function attachControl(picked: (file: File) => void): { button: HTMLButtonElement; input: HTMLInputElement } {
  const input = el('input', {
    type: 'file',
    accept: IMAGE_TYPES.join(','),
    class: 'attach-input',
    'data-testid': 'image-input',
    'aria-label': 'Image to send',
  });
  input.hidden = true;
  const button = el(
    'button',
    { type: 'button', class: 'ghost attach-button', 'data-testid': 'image-attach', title: 'Send an image', 'aria-label': 'Send an image' },
    'Image',
  );
  button.addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = '';
    if (file) picked(file);
  });
  return { button, input };
}
