// The WebSocket frames of docs/protocol.md, and the one place that turns socket text into them.
// Everything past parseServerFrame can trust the shapes below, so a malformed or newer server
// frame is refused here with a reason instead of breaking the store half-way.

export interface WelcomeFrame {
  type: 'welcome';
  userId: number;
  gatewayId: string;
  connectionId: string;
  heartbeatSeconds: number;
}

export interface PongFrame {
  type: 'pong';
  serverTime: number;
}

export interface AckFrame {
  type: 'ack';
  clientMsgId: string;
  /** A 64-bit Snowflake id: kept a string, since a JS number loses digits past 2^53. */
  messageId: string;
  conversationId: string;
  seq: number;
  sentAt: number;
}

export interface MessageFrame {
  type: 'message';
  messageId: string;
  /** d_<low>_<high> for a direct message, g_<groupId> for a group one. */
  conversationId: string;
  seq: number;
  from: number;
  /** The recipient of a direct message; 0 in a group, whose members are the recipients. */
  to: number;
  text: string;
  sentAt: number;
  clientMsgId: string | null;
  /** An image message's image (issue #14); its text is then the caption, maybe empty. */
  image?: MessageImage | null;
}

/** An uploaded image: its id is the SHA-256 of its bytes; both URLs need the access token. */
export interface MessageImage {
  id: string;
  contentType: string;
  width: number;
  height: number;
  size: number;
  url: string;
  thumbUrl: string;
}

export interface ErrorFrame {
  type: 'error';
  code: number;
  message: string;
  clientMsgId: string | null;
}

/** `userId` read the conversation up to `seq`: me on another device, or the peer (a receipt). */
export interface ReadFrame {
  type: 'read';
  conversationId: string;
  userId: number;
  seq: number;
}

/** A friend came online or went offline; `at` is when (offline: last seen), epoch ms. */
export interface PresenceFrame {
  type: 'presence';
  userId: number;
  online: boolean;
  at: number;
}

/** Its sender recalled a message: show its tombstone (issue #12); `recalledAt` in epoch ms. */
export interface RecallFrame {
  type: 'recall';
  conversationId: string;
  seq: number;
  messageId: string;
  from: number;
  recalledAt: number;
}

/**
 * The gateway is draining: move to `url` (null: ask GET /api/gateway) after a random pause of up
 * to `withinMs`. Until then the socket still works; at the end of the grace period it closes 4411.
 */
export interface ReconnectFrame {
  type: 'reconnect';
  gatewayId: string | null;
  url: string | null;
  withinMs: number;
}

/** `userId` is typing in the conversation (never stored; shown for a few seconds). */
export interface PeerTypingFrame {
  type: 'typing';
  conversationId: string;
  userId: number;
}

export type ServerFrame =
  | RecallFrame
  | PeerTypingFrame
  | WelcomeFrame
  | PongFrame
  | AckFrame
  | MessageFrame
  | ErrorFrame
  | ReadFrame
  | PresenceFrame
  | ReconnectFrame;

/** A direct message names its recipient; a group message names the conversation instead. */
export type SendFrame = DirectSendFrame | GroupSendFrame;

export interface DirectSendFrame {
  type: 'send';
  clientMsgId: string;
  to: number;
  text: string;
  imageId?: string;
}

export interface GroupSendFrame {
  type: 'send';
  clientMsgId: string;
  conversationId: string;
  text: string;
  imageId?: string;
}

export interface PingFrame {
  type: 'ping';
}

/** Confirms every pushed message of the conversation up to `seq` (cumulative). */
export interface ReceivedFrame {
  type: 'received';
  conversationId: string;
  seq: number;
}

/** I am typing in the conversation: sent every few seconds at most while the composer changes. */
export interface TypingFrame {
  type: 'typing';
  conversationId: string;
}

export type ClientFrame = SendFrame | PingFrame | ReceivedFrame | TypingFrame;

/** A server frame this client cannot use; `reason` is for the console, not for people. */
export class FrameError extends Error {
  override readonly name = 'FrameError';
}

type Fields = Record<string, unknown>;

export function parseServerFrame(text: string): ServerFrame {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new FrameError('not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new FrameError('not a JSON object');
  }
  const f = value as Fields;
  switch (f.type) {
    case 'welcome':
      return {
        type: 'welcome',
        userId: userId(f, 'userId'),
        gatewayId: str(f, 'gatewayId'),
        connectionId: str(f, 'connectionId'),
        heartbeatSeconds: positiveInt(f, 'heartbeatSeconds'),
      };
    case 'pong':
      return { type: 'pong', serverTime: int(f, 'serverTime') };
    case 'ack':
      return {
        type: 'ack',
        clientMsgId: str(f, 'clientMsgId'),
        messageId: messageId(f),
        conversationId: str(f, 'conversationId'),
        seq: int(f, 'seq'),
        sentAt: int(f, 'sentAt'),
      };
    case 'message':
      return messageFields(f);
    case 'error':
      return {
        type: 'error',
        code: int(f, 'code'),
        message: typeof f.message === 'string' ? f.message : '',
        clientMsgId: optionalStr(f, 'clientMsgId'),
      };
    case 'read':
      return {
        type: 'read',
        conversationId: str(f, 'conversationId'),
        userId: userId(f, 'userId'),
        seq: int(f, 'seq'),
      };
    case 'presence':
      if (typeof f.online !== 'boolean') fail('presence needs a boolean online');
      return { type: 'presence', userId: userId(f, 'userId'), online: f.online, at: int(f, 'at') };
    case 'recall':
      return {
        type: 'recall',
        conversationId: str(f, 'conversationId'),
        seq: positiveInt(f, 'seq'),
        messageId: messageId(f),
        from: userId(f, 'from'),
        recalledAt: int(f, 'recalledAt'),
      };
    case 'reconnect': {
      const url = optionalStr(f, 'url');
      if (url !== null && !/^wss?:\/\//.test(url)) fail('reconnect url must be ws:// or wss://');
      return { type: 'reconnect', gatewayId: optionalStr(f, 'gatewayId'), url, withinMs: int(f, 'withinMs') };
    }
    case 'typing':
      return { type: 'typing', conversationId: str(f, 'conversationId'), userId: userId(f, 'userId') };
    default:
      throw new FrameError(`unknown frame type ${JSON.stringify(f.type)}`);
  }
}

/**
 * A message as the server writes it in a `message` frame and in history pages (where `type` may
 * be left out). Throws FrameError when a field is missing or of the wrong kind.
 */
export function parseMessage(value: unknown): MessageFrame {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('a message must be a JSON object');
  return messageFields(value as Fields);
}

function messageFields(f: Fields): MessageFrame {
  const conversationId = str(f, 'conversationId');
  return {
    type: 'message',
    messageId: messageId(f),
    conversationId,
    seq: positiveInt(f, 'seq'),
    from: userId(f, 'from'),
    to: conversationId.startsWith('g_') ? groupRecipient(f) : userId(f, 'to'),
    text: typeof f.text === 'string' ? f.text : fail('text must be a string'),
    sentAt: int(f, 'sentAt'),
    clientMsgId: optionalStr(f, 'clientMsgId'),
    // left out of a text message, so that frames read the same as before images existed
    ...(f.image === undefined || f.image === null ? {} : { image: parseImage(f.image) }),
  };
}

/** An image as the server describes it: in `message` frames and as the upload's answer. */
export function parseImage(value: unknown): MessageImage {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('image must be a JSON object');
  const f = value as Fields;
  return {
    id: str(f, 'id'),
    contentType: str(f, 'contentType'),
    width: positiveInt(f, 'width'),
    height: positiveInt(f, 'height'),
    size: positiveInt(f, 'size'),
    url: str(f, 'url'),
    thumbUrl: str(f, 'thumbUrl'),
  };
}

export function encodeClientFrame(frame: ClientFrame): string {
  return JSON.stringify(frame);
}

function fail(reason: string): never {
  throw new FrameError(reason);
}

function str(f: Fields, key: string): string {
  const v = f[key];
  return typeof v === 'string' && v.length > 0 ? v : fail(`${key} must be a non-empty string`);
}

function optionalStr(f: Fields, key: string): string | null {
  const v = f[key];
  if (v === undefined || v === null) return null;
  return typeof v === 'string' ? v : fail(`${key} must be a string or null`);
}

function int(f: Fields, key: string): number {
  const v = f[key];
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0
    ? v
    : fail(`${key} must be a non-negative integer`);
}

function positiveInt(f: Fields, key: string): number {
  const v = int(f, key);
  return v > 0 ? v : fail(`${key} must be positive`);
}

function userId(f: Fields, key: string): number {
  return positiveInt(f, key);
}

// A group message is addressed to the conversation: the server sends to 0, and a missing or null
// `to` is read the same way rather than refusing a message that is otherwise whole.
function groupRecipient(f: Fields): number {
  return f.to === undefined || f.to === null ? 0 : int(f, 'to');
}

// A numeric messageId has already lost digits in JSON.parse if it was a real Snowflake, so it is
// refused rather than silently taken for the id of some other message.
function messageId(f: Fields): string {
  if (typeof f.messageId === 'number') fail('messageId must be a string, not a number');
  return str(f, 'messageId');
}
