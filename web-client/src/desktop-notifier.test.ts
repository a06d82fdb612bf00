import { describe, expect, it } from 'vitest';
import { DesktopNotifier } from './desktop-notifier';

function notifier(permission: string, hidden: boolean) {
  const shown: string[][] = [];
  const state = { permission, hidden, asked: 0 };
  const n = new DesktopNotifier({
    permission: () => state.permission,
    request: async () => {
      state.asked++;
      state.permission = 'granted';
      return 'granted';
    },
    show: (title, body, tag) => shown.push([title, body, tag]),
    hidden: () => state.hidden,
  });
  return { n, shown, state };
}

describe('DesktopNotifier', () => {
  it('tells only while the page is hidden and only once allowed', async () => {
    const { n, shown, state } = notifier('default', true);
    n.arrived('d_1_2', 'Bob', 'hi');
    expect(shown).toEqual([]);
    expect(n.canAsk).toBe(true);
    expect(await n.ask()).toBe(true);
    expect(n.canAsk).toBe(false);
    n.arrived('d_1_2', 'Bob', 'hi');
    state.hidden = false;
    n.arrived('d_1_2', 'Bob', 'seen in the page');
    expect(shown).toEqual([['Bob', 'hi', 'd_1_2']]);
  });

  it('never asks again after a refusal, and shortens long texts', async () => {
    const refused = notifier('denied', true);
    expect(refused.n.canAsk).toBe(false);
    expect(await refused.n.ask()).toBe(false);
    expect(refused.state.asked).toBe(0);
    const { n, shown } = notifier('granted', true);
    n.arrived('g_7', 'Ann', 'x'.repeat(300));
    expect(shown[0]![1]).toHaveLength(120);
  });
});
