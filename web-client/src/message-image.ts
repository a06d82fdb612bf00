// Images in bubbles (issue #14). An image URL needs the access token, which an <img src> cannot
// send, so each image is fetched with it (ParleyApi.blob) and shown from an object URL. The box
// has the image's aspect ratio before the thumbnail arrives, so a loading image never moves the
// messages under the reader. A click opens the full image over the page; Escape or a click
// closes it.

import { el } from './element';
import type { MessageImage } from './frames';

/** Longest side of a thumbnail in a bubble, CSS pixels (the server's thumbnails are 320). */
const SHOWN_SIDE = 240;

export interface ImageSource {
  blob(path: string): Promise<Blob>;
}

/** Object URLs by image URL: each image is fetched once per tab, however often it is shown. */
export class ImageCache {
  private readonly urls = new Map<string, Promise<string>>();

  constructor(private readonly source: ImageSource) {}

  objectUrl(path: string): Promise<string> {
    let url = this.urls.get(path);
    if (!url) {
      url = this.source.blob(path).then((blob) => URL.createObjectURL(blob));
      // a failed fetch (offline, a 404) is tried again the next time it is shown
      url.catch(() => this.urls.delete(path));
      this.urls.set(path, url);
    }
    return url;
  }
}

/** The size a thumbnail is shown at: the image's aspect, its longer side at most SHOWN_SIDE. */
export function shownSize(image: Pick<MessageImage, 'width' | 'height'>): { width: number; height: number } {
  const scale = Math.min(1, SHOWN_SIDE / Math.max(image.width, image.height));
  return {
    width: Math.max(1, Math.round(image.width * scale)),
    height: Math.max(1, Math.round(image.height * scale)),
  };
}

/** The bubble's image: a button holding the thumbnail, opening the full image. */
export function bubbleImage(image: MessageImage, cache: ImageCache): HTMLElement {
  const size = shownSize(image);
  const img = el('img', {
    class: 'bubble-thumb',
    alt: 'Image',
    'data-testid': 'message-thumb',
    width: size.width,
    height: size.height,
  });
  const button = el(
    'button',
    {
      type: 'button',
      class: 'bubble-image loading',
      'data-testid': 'message-image',
      'data-image-id': image.id,
      'aria-label': `Open image (${image.width}×${image.height})`,
      style: `width:${size.width}px;aspect-ratio:${image.width}/${image.height}`,
    },
    img,
  );
  cache.objectUrl(image.thumbUrl).then(
    (url) => {
      img.src = url;
      button.classList.remove('loading');
    },
    () => {
      button.classList.remove('loading');
      button.classList.add('failed');
      img.alt = 'Image could not be loaded';
    },
  );
  button.addEventListener('click', () => openViewer(image, cache));
  return button;
}

/** The full image over the page, until Escape, the close button or a click on the backdrop. */
export function openViewer(image: MessageImage, cache: ImageCache): HTMLElement {
  const full = el('img', { class: 'image-full', alt: 'Image', 'data-testid': 'image-full' });
  const close = el('button', { type: 'button', class: 'ghost image-close', 'data-testid': 'image-close' }, 'Close');
  const viewer = el(
    'div',
    { class: 'image-viewer', role: 'dialog', 'aria-modal': 'true', 'aria-label': 'Image', 'data-testid': 'image-viewer' },
    full,
    close,
  );
  const shut = (): void => {
    viewer.remove();
    document.removeEventListener('keydown', onKey);
  };
  const onKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') shut();
  };
  viewer.addEventListener('click', (event) => {
    if (event.target !== full) shut();
  });
  document.addEventListener('keydown', onKey);
  cache.objectUrl(image.url).then(
    (url) => {
      full.src = url;
    },
    () => {
      full.alt = 'Image could not be loaded';
    },
  );
  document.body.append(viewer);
  close.focus();
  return viewer;
}
