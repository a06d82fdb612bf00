// The error codes of docs/protocol.md that the fake gateways answer with, as [code, status,
// message], and the exception a fake route throws to answer one. Dev-only.

export const errors = {
  BAD_REQUEST: [1000, 400, 'The request is malformed'],
  VALIDATION_FAILED: [1001, 400, 'A field is missing or invalid'],
  UNKNOWN_FRAME_TYPE: [1003, 400, 'Unknown frame type'],
  ROUTE_NOT_FOUND: [1006, 404, 'No such endpoint'],
  PAGE_TOO_LARGE: [1007, 400, 'The page size is over the maximum'],
  UNAUTHENTICATED: [2001, 401, 'A valid access token is required'],
  BAD_CREDENTIALS: [2002, 401, 'Phone or password is wrong'],
  PHONE_TAKEN: [3001, 409, 'This phone number is already registered'],
  USER_NOT_FOUND: [3002, 404, 'No such user'],
  FRIEND_REQUEST_TO_SELF: [4001, 400, 'You cannot send a friend request to yourself'],
  ALREADY_FRIENDS: [4002, 409, 'You are already friends'],
  BLOCKED: [4003, 403, 'You cannot contact this user'],
  FRIEND_REQUEST_NOT_FOUND: [4004, 404, 'No such pending friend request'],
  NOT_FRIENDS: [4005, 403, 'Direct messages need a friendship'],
  GROUP_NOT_FOUND: [4101, 404, 'No such group'],
  NOT_GROUP_MEMBER: [4102, 403, 'You are not a member of this group'],
  GROUP_FULL: [4103, 409, 'The group is full'],
  NOT_GROUP_ADMIN: [4104, 403, 'Only the owner or an admin may do this'],
  ALREADY_GROUP_MEMBER: [4105, 409, 'Already a member'],
  GROUP_JOIN_NOT_ALLOWED: [4106, 403, 'The group is joined by invitation only'],
  OWNER_MUST_TRANSFER: [4107, 409, 'The owner must transfer ownership before leaving'],
  GROUP_APPLICATION_NOT_FOUND: [4108, 404, 'No such pending application'],
  RECIPIENT_NOT_FOUND: [5001, 404, 'The recipient does not exist'],
  MESSAGE_TOO_LONG: [5002, 413, 'The message text is over the length limit'],
  SEND_TO_SELF: [5003, 400, 'A direct message needs another user as recipient'],
  NOT_CONVERSATION_MEMBER: [5004, 403, 'You are not a member of this conversation'],
};

/** Thrown by a fake route; the gateway turns it into {code, message} with the status. */
export class FakeError extends Error {
  constructor(error) {
    super(error[2]);
    this.error = error;
  }
}

export function refuse(error) {
  throw new FakeError(error);
}

/** The server's page size rule: 1..50, default 20 (im.logic.page.max-size and default-size). */
export const MAX_PAGE = 50;

/** One page of `items` after an opaque cursor (here: a base64url offset). */
export function page(items, query, defaultLimit = 20) {
  const rawLimit = query.get('limit');
  const limit = rawLimit === null ? defaultLimit : Number(rawLimit);
  if (!Number.isInteger(limit) || limit < 1) refuse(errors.VALIDATION_FAILED);
  if (limit > MAX_PAGE) refuse(errors.PAGE_TOO_LARGE);
  const cursor = query.get('cursor');
  const start = cursor ? Number(Buffer.from(cursor, 'base64url').toString()) : 0;
  if (!Number.isInteger(start) || start < 0) refuse(errors.VALIDATION_FAILED);
  const end = start + limit;
  return {
    items: items.slice(start, end),
    nextCursor: end < items.length ? Buffer.from(String(end)).toString('base64url') : null,
  };
}
