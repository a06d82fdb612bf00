import { describe, expect, it } from 'vitest';
import { isTombstone } from './attention-api';
import { parseMessage, type SendFrame } from './frames';
import { imageProblem } from './image-attach';
import { sendImage } from './image-send';
import { MessageStore, sendFrameOf } from './message-store';
import { shownSize } from './message-image';

const ID = 'ab'.repeat(32);
const UPLOADED = {
  id: ID,
  contentType: 'image/png',
  width: 900,
  height: 600,
  size: 4821,
  url: `/api/images/${ID}`,
  thumbUrl: `/api/images/${ID}/thumb`,
};

function file(type: string, size: number): File {
  return new File([new Uint8Array(size)], 'x', { type });
}

describe('sending an image', () => {
  it('uploads, then sends a message naming the image with the caption, pending until acked', async () => {
    const store = new MessageStore(1);
    const sent: SendFrame[] = [];
    const message = await sendImage(
      {
        uploadImage: () => Promise.resolve(UPLOADED),
        addPending: (c, caption, image) => store.addPending(c, caption, 'c-1', 5, image),
        send: (frame) => sent.push(frame),
        frameOf: sendFrameOf,
        toast: () => {},
      },
      'd_1_2',
      file('image/png', 10),
      'the view',
    );
    expect(message?.state).toBe('pending');
    expect(sent).toEqual([{ type: 'send', clientMsgId: 'c-1', to: 2, text: 'the view', imageId: ID }]);
    expect(store.messages('d_1_2')[0].image?.thumbUrl).toBe(UPLOADED.thumbUrl);
  });

  it('says why in a toast and sends nothing when the file or the upload is refused', async () => {
    const toasts: string[] = [];
    const sent: SendFrame[] = [];
    const deps = {
      uploadImage: () => Promise.reject(new Error('The image is over the size limit')),
      addPending: () => {
        throw new Error('not to be filed');
      },
      send: (frame: SendFrame) => sent.push(frame),
      frameOf: sendFrameOf,
      toast: (t: string) => toasts.push(t),
    };
    expect(await sendImage(deps, 'd_1_2', file('image/svg+xml', 10), '')).toBeNull();
    expect(await sendImage(deps, 'd_1_2', file('image/png', 10), '')).toBeNull();
    expect(toasts).toEqual([
      'Only PNG, JPEG, GIF and WebP images can be sent.',
      'Could not send the image: The image is over the size limit',
    ]);
    expect(sent).toEqual([]);
  });

  it('refuses a file over 10 MB before uploading it', () => {
    expect(imageProblem({ type: 'image/jpeg', size: 10 * 1024 * 1024 + 1 })).toBe('Images are limited to 10 MB.');
    expect(imageProblem({ type: 'image/webp', size: 1 })).toBeNull();
  });
});

describe('image messages', () => {
  it('are read with their image, and a caption-less one is no tombstone until recalled', () => {
    const m = parseMessage({
      messageId: '7', conversationId: 'd_1_2', seq: 3, from: 2, to: 1, text: '', sentAt: 1, clientMsgId: null, image: UPLOADED,
    });
    expect(m.image).toEqual(UPLOADED);
    expect(isTombstone({ ...m, image: m.image })).toBe(false);
    expect(isTombstone({ ...m, image: null })).toBe(true);
    expect(() => parseMessage({ ...m, image: { id: ID } })).toThrow();
  });

  it('show in a box of the image aspect, at most 240 pixels a side', () => {
    expect(shownSize({ width: 900, height: 600 })).toEqual({ width: 240, height: 160 });
    expect(shownSize({ width: 100, height: 400 })).toEqual({ width: 60, height: 240 });
    expect(shownSize({ width: 40, height: 30 })).toEqual({ width: 40, height: 30 });
  });
});
