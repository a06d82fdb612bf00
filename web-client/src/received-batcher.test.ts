import { describe, expect, it } from 'vitest';
import type { ReceivedFrame } from './frames';
import { ReceivedBatcher } from './received-batcher';

function setUp() {
  const sent: ReceivedFrame[] = [];
  const timers: (() => void)[] = [];
  const batcher = new ReceivedBatcher((frame) => sent.push(frame), {
    setTimeout: (fn) => timers.push(fn),
    clearTimeout: () => timers.splice(0),
  });
  const fire = () => timers.splice(0).forEach((fn) => fn());
  return { sent, timers, batcher, fire };
}

describe('ReceivedBatcher', () => {
  it('does not confirm the pushes of a large group (read diffusion), and still the others', () => {
    const sent: ReceivedFrame[] = [];
    const timers: (() => void)[] = [];
    const batcher = new ReceivedBatcher(
      (frame) => sent.push(frame),
      { setTimeout: (fn) => timers.push(fn), clearTimeout: () => timers.splice(0) },
      50,
      (conversationId) => conversationId !== 'g_big',
    );
    batcher.note('g_big', 41);
    expect(timers).toHaveLength(0);
    batcher.note('g_small', 5);
    batcher.note('g_big', 42);
    timers.splice(0).forEach((fn) => fn());
    expect(sent).toEqual([{ type: 'received', conversationId: 'g_small', seq: 5 }]);
  });

  it('confirms a burst with one frame per conversation, carrying its highest seq', () => {
    const { sent, timers, batcher, fire } = setUp();
    batcher.note('d_1_2', 7);
    batcher.note('d_1_2', 9);
    batcher.note('d_1_2', 8); // a redelivery of an older one
    batcher.note('g_77', 3);
    expect(timers).toHaveLength(1);
    expect(sent).toEqual([]);
    fire();
    expect(sent).toEqual([
      { type: 'received', conversationId: 'd_1_2', seq: 9 },
      { type: 'received', conversationId: 'g_77', seq: 3 },
    ]);
  });

  it('confirms a duplicate pushed again later, as the gateway did not hear of the first', () => {
    const { sent, batcher, fire } = setUp();
    batcher.note('d_1_2', 9);
    fire();
    batcher.note('d_1_2', 9);
    fire();
    expect(sent).toEqual([
      { type: 'received', conversationId: 'd_1_2', seq: 9 },
      { type: 'received', conversationId: 'd_1_2', seq: 9 },
    ]);
  });

  it('forgets what it had not sent when stopped', () => {
    const { sent, batcher, fire } = setUp();
    batcher.note('d_1_2', 9);
    batcher.stop();
    fire();
    batcher.flush();
    expect(sent).toEqual([]);
  });
});
