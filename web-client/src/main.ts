// Entry point: shows the app for a stored, unexpired session and the auth screen otherwise, and
// switches between them on login, logout and a refused token.

import './styles.css';
import { renderAppScreen } from './app-screen';
import { renderAuthScreen } from './auth-screen';
import { clearSession, loadSession, saveSession, type AuthSession } from './auth-session';
import { ParleyApi } from './http-api';

const root = document.getElementById('app')!;
let session: AuthSession | null = loadSession(Date.now());
let teardownApp: (() => void) | null = null;

const api = new ParleyApi(
  () => session?.token ?? null,
  () => showAuth('Your session has expired. Please log in again.'),
);

function showAuth(error?: string): void {
  teardownApp?.();
  teardownApp = null;
  session = null;
  clearSession();
  renderAuthScreen(root, {
    api,
    error,
    onLoggedIn: (fresh) => {
      saveSession(fresh);
      showApp(fresh);
    },
  });
}

function showApp(current: AuthSession): void {
  session = current;
  teardownApp = renderAppScreen(root, {
    session: current,
    api,
    onLogout: (reason) => showAuth(reason),
    onAccountChanged: (account) => {
      if (!session) return;
      session = { ...session, user: { ...session.user, ...account } };
      saveSession(session);
    },
  });
}

if (session) showApp(session);
else showAuth();
