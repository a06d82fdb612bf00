import { describe, expect, it } from 'vitest';
import { encodeClientFrame, FrameError, parseMessage, parseServerFrame } from './frames';

describe('parseServerFrame', () => {
  it('reads a welcome frame', () => {
    expect(
      parseServerFrame('{"type":"welcome","userId":1,"gatewayId":"gw-1","connectionId":"abc","heartbeatSeconds":20}'),
    ).toEqual({ type: 'welcome', userId: 1, gatewayId: 'gw-1', connectionId: 'abc', heartbeatSeconds: 20 });
  });

  it('keeps a 64-bit messageId as the exact string the server sent', () => {
    const frame = parseServerFrame(
      '{"type":"ack","clientMsgId":"c-1","messageId":"7345123456789012345","conversationId":"d_1_2","seq":5,"sentAt":1700000000000}',
    );
    expect(frame).toEqual({
      type: 'ack',
      clientMsgId: 'c-1',
      messageId: '7345123456789012345',
      conversationId: 'd_1_2',
      seq: 5,
      sentAt: 1700000000000,
    });
  });

  it('refuses a numeric messageId, whose digits JSON.parse has already rounded away', () => {
    expect(() =>
      parseServerFrame(
        '{"type":"ack","clientMsgId":"c-1","messageId":7345123456789012345,"conversationId":"d_1_2","seq":5,"sentAt":1}',
      ),
    ).toThrow(/messageId must be a string/);
  });

  it('reads a message frame, with or without a clientMsgId', () => {
    const base = {
      type: 'message',
      messageId: '9',
      conversationId: 'd_1_2',
      seq: 1,
      from: 2,
      to: 1,
      text: 'hi <b>there</b>',
      sentAt: 1700000000000,
    };
    expect(parseServerFrame(JSON.stringify({ ...base, clientMsgId: 'c-9' }))).toEqual({ ...base, clientMsgId: 'c-9' });
    expect(parseServerFrame(JSON.stringify(base))).toEqual({ ...base, clientMsgId: null });
  });

  it('reads a group message, whose recipient is 0', () => {
    const frame = {
      type: 'message',
      messageId: '10',
      conversationId: 'g_7400000000000000001',
      seq: 3,
      from: 2,
      to: 0,
      text: 'hi all',
      sentAt: 1700000000000,
      clientMsgId: null,
    };
    expect(parseServerFrame(JSON.stringify(frame))).toEqual(frame);
    const { to: _omitted, ...withoutTo } = frame;
    expect(parseServerFrame(JSON.stringify(withoutTo))).toEqual(frame);
  });

  it('refuses a direct message addressed to 0', () => {
    const frame = {
      type: 'message',
      messageId: '1',
      conversationId: 'd_1_2',
      seq: 1,
      from: 2,
      to: 0,
      text: 'x',
      sentAt: 1,
    };
    expect(() => parseServerFrame(JSON.stringify(frame))).toThrow(/to must be positive/);
  });

  it('reads an error frame whose clientMsgId is null', () => {
    expect(
      parseServerFrame('{"type":"error","code":5001,"message":"The recipient does not exist","clientMsgId":null}'),
    ).toEqual({ type: 'error', code: 5001, message: 'The recipient does not exist', clientMsgId: null });
  });

  it('reads a pong', () => {
    expect(parseServerFrame('{"type":"pong","serverTime":1700000000000}')).toEqual({
      type: 'pong',
      serverTime: 1700000000000,
    });
  });

  it.each([
    ['not JSON', 'hello', /not JSON/],
    ['an array', '[1,2]', /not a JSON object/],
    ['an unknown type', '{"type":"typed"}', /unknown frame type/],
    ['a typing frame without a user', '{"type":"typing","conversationId":"d_1_2"}', /userId/],
    ['a message without text', '{"type":"message","messageId":"1","conversationId":"d_1_2","seq":1,"from":2,"to":1,"sentAt":1}', /text/],
    ['a negative seq', '{"type":"ack","clientMsgId":"c","messageId":"1","conversationId":"d_1_2","seq":-1,"sentAt":1}', /seq/],
    ['a fractional seq', '{"type":"ack","clientMsgId":"c","messageId":"1","conversationId":"d_1_2","seq":1.5,"sentAt":1}', /seq/],
    ['a zero heartbeat', '{"type":"welcome","userId":1,"gatewayId":"g","connectionId":"c","heartbeatSeconds":0}', /heartbeatSeconds/],
    ['a user id given as a string', '{"type":"message","messageId":"1","conversationId":"d_1_2","seq":1,"from":"2","to":1,"text":"x","sentAt":1}', /from/],
    ['a message with seq 0', '{"type":"message","messageId":"1","conversationId":"d_1_2","seq":0,"from":2,"to":1,"text":"x","sentAt":1}', /seq/],
    ['a read frame without a user', '{"type":"read","conversationId":"d_1_2","seq":5}', /userId/],
    ['a presence frame without online', '{"type":"presence","userId":2,"at":5}', /online/],
  ])('refuses %s with a FrameError', (_name, text, reason) => {
    expect(() => parseServerFrame(text)).toThrow(FrameError);
    expect(() => parseServerFrame(text)).toThrow(reason);
  });
});

describe('read frames and history messages', () => {
  it('reads a read frame', () => {
    expect(parseServerFrame('{"type":"read","conversationId":"d_1_2","userId":2,"seq":5}')).toEqual({
      type: 'read',
      conversationId: 'd_1_2',
      userId: 2,
      seq: 5,
    });
  });

  it('reads a recall frame', () => {
    expect(
      parseServerFrame('{"type":"recall","conversationId":"g_7","seq":3,"messageId":"9007199254740993","from":2,"recalledAt":9}'),
    ).toEqual({ type: 'recall', conversationId: 'g_7', seq: 3, messageId: '9007199254740993', from: 2, recalledAt: 9 });
  });

  it('reads a presence frame', () => {
    expect(parseServerFrame('{"type":"presence","userId":2,"online":false,"at":9}')).toEqual({
      type: 'presence',
      userId: 2,
      online: false,
      at: 9,
    });
  });

  it('reads a typing frame', () => {
    expect(parseServerFrame('{"type":"typing","conversationId":"g_7","userId":2}')).toEqual({
      type: 'typing',
      conversationId: 'g_7',
      userId: 2,
    });
  });

  it('reads a message of a history page, where the type may be left out', () => {
    const item = { messageId: '7', conversationId: 'd_1_2', seq: 4, from: 1, to: 2, text: 'x', sentAt: 1, clientMsgId: 'c-4' };
    expect(parseMessage(item)).toEqual({ type: 'message', ...item });
    expect(() => parseMessage([item])).toThrow(FrameError);
  });
});

describe('encodeClientFrame', () => {
  it('writes a received frame', () => {
    expect(encodeClientFrame({ type: 'received', conversationId: 'd_1_2', seq: 17 })).toBe(
      '{"type":"received","conversationId":"d_1_2","seq":17}',
    );
  });

  it('writes a send frame as the gateway expects it', () => {
    expect(JSON.parse(encodeClientFrame({ type: 'send', clientMsgId: 'c-1', to: 2, text: 'hi' }))).toEqual({
      type: 'send',
      clientMsgId: 'c-1',
      to: 2,
      text: 'hi',
    });
  });

  it('writes a group send with the conversation id and no recipient', () => {
    expect(
      JSON.parse(encodeClientFrame({ type: 'send', clientMsgId: 'c-2', conversationId: 'g_123', text: 'hi all' })),
    ).toEqual({ type: 'send', clientMsgId: 'c-2', conversationId: 'g_123', text: 'hi all' });
  });

  it('writes a ping', () => {
    expect(encodeClientFrame({ type: 'ping' })).toBe('{"type":"ping"}');
  });
});
