import { describe, expect, it, vi } from 'vitest';
import { ReadMarker } from './read-marker';

function setUp(answer: () => Promise<unknown> = () => Promise.resolve()) {
  const timers: (() => void)[] = [];
  const post = vi.fn((_conversationId: string, _seq: number) => answer());
  const marker = new ReadMarker(post, {
    setTimeout: (fn) => timers.push(fn),
    clearTimeout: () => timers.splice(0),
  });
  const fire = () => timers.splice(0).forEach((fn) => fn());
  return { post, marker, fire, timers };
}

const settle = () => new Promise((done) => setTimeout(done, 0));

describe('ReadMarker', () => {
  it('gathers the marks of a burst into one request per conversation, with the highest seq', () => {
    const { post, marker, fire, timers } = setUp();
    marker.want({ conversationId: 'd_1_2', seq: 4 });
    marker.want({ conversationId: 'd_1_2', seq: 6 });
    marker.want({ conversationId: 'd_1_3', seq: 2 });
    expect(timers).toHaveLength(1);
    expect(post).not.toHaveBeenCalled();
    fire();
    expect(post.mock.calls).toEqual([
      ['d_1_2', 6],
      ['d_1_3', 2],
    ]);
  });

  it('does not mark again what it already marked, nor nothing', () => {
    const { post, marker, fire, timers } = setUp();
    marker.want(null);
    marker.want({ conversationId: 'd_1_2', seq: 6 });
    fire();
    marker.want({ conversationId: 'd_1_2', seq: 6 });
    marker.want({ conversationId: 'd_1_2', seq: 5 });
    expect(timers).toHaveLength(0);
    marker.want({ conversationId: 'd_1_2', seq: 7 });
    fire();
    expect(post.mock.calls).toEqual([
      ['d_1_2', 6],
      ['d_1_2', 7],
    ]);
  });

  it('marks again after a failed request, when asked again', async () => {
    let fail = true;
    const { post, marker, fire } = setUp(() => (fail ? Promise.reject(new Error('offline')) : Promise.resolve()));
    marker.want({ conversationId: 'd_1_2', seq: 6 });
    fire();
    await settle();
    fail = false;
    marker.want({ conversationId: 'd_1_2', seq: 6 });
    fire();
    expect(post).toHaveBeenCalledTimes(2);
  });

  it('sends nothing once stopped', () => {
    const { post, marker, fire } = setUp();
    marker.want({ conversationId: 'd_1_2', seq: 6 });
    marker.stop();
    fire();
    expect(post).not.toHaveBeenCalled();
  });
});
