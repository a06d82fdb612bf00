// Sending an image (issue #14): upload it (the server answers with its id and URLs; the same file
// again gets the same id), then send a message naming it, like a text send: pending until the
// ack, resent with the same clientMsgId after a reconnect. A refused upload is said in a toast
// and nothing is sent.

import { parseImage, type MessageImage, type SendFrame } from './frames';
import { imageProblem } from './image-attach';
import type { ChatMessage } from './message-store';

export interface ImageSendDeps {
  uploadImage(file: Blob): Promise<unknown>;
  /** Files my new message in the conversation (pending) and returns it. */
  addPending(conversationId: string, caption: string, image: MessageImage): ChatMessage;
  send(frame: SendFrame): void;
  frameOf(message: ChatMessage): SendFrame;
  toast(text: string): void;
}

export async function sendImage(
  deps: ImageSendDeps,
  conversationId: string,
  file: File,
  caption: string,
): Promise<ChatMessage | null> {
  const problem = imageProblem(file);
  if (problem !== null) {
    deps.toast(problem);
    return null;
  }
  let image: MessageImage;
  try {
    image = parseImage(await deps.uploadImage(file));
  } catch (e) {
    deps.toast(`Could not send the image: ${e instanceof Error ? e.message : String(e)}`);
    return null;
  }
  const message = deps.addPending(conversationId, caption, image);
  deps.send(deps.frameOf(message));
  return message;
}
