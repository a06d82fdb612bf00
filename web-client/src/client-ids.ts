// Random ids made in the browser: the clientMsgId of each send (the server's idempotency key, so
// a resend after a reconnect is stored once) and the device id of this tab.

const DEVICE_KEY = 'parley.deviceId';

// crypto.randomUUID exists only in secure contexts; a gateway reached over plain http on a LAN
// address is not one, while getRandomValues works everywhere.
export function newUuid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** One id per tab: sessionStorage is per tab, so two tabs of one user are two devices. */
export function deviceId(storage: Storage = sessionStorage): string {
  let id = storage.getItem(DEVICE_KEY);
  if (!id) {
    id = newUuid();
    storage.setItem(DEVICE_KEY, id);
  }
  return id;
}
