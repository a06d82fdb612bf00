// Entry point: shows the chat screen for a stored, unexpired session and the auth screen
// otherwise, and switches between them on login, logout and a refused token.

import './styles.css';
import { renderAuthScreen } from './auth-screen';
import { clearSession, loadSession, saveSession, type AuthSession } from './auth-session';
import { renderChatScreen } from './chat-screen';
import { ParleyApi } from './http-api';

const root = document.getElementById('app')!;
let session: AuthSession | null = loadSession(Date.now());
let teardownChat: (() => void) | null = null;

const api = new ParleyApi(
  () => session?.token ?? null,
  () => showAuth('Your session has expired. Please log in again.'),
);

function showAuth(error?: string): void {
  teardownChat?.();
  teardownChat = null;
  session = null;
  clearSession();
  renderAuthScreen(root, {
    api,
    error,
    onLoggedIn: (fresh) => {
      saveSession(fresh);
      showChat(fresh);
    },
  });
}

function showChat(current: AuthSession): void {
  session = current;
  teardownChat = renderChatScreen(root, { session: current, api, onLogout: (reason) => showAuth(reason) });
}

if (session) showChat(session);
else showAuth();
