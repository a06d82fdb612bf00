// Entry point: shows the app for a stored, usable session and the auth screen otherwise, and
// switches between them on login, logout (here or in another tab) and a refused token.

import './styles.css';
import { renderAppScreen } from './app-screen';
import { renderAuthScreen } from './auth-screen';
import { clearSession, loadSession, REFRESH_MARGIN_MS, saveSession, type AuthSession } from './auth-session';
import { ParleyApi } from './http-api';
import { browserKeeperDeps, SessionKeeper } from './session-keeper';

const root = document.getElementById('app')!;
let teardownApp: (() => void) | null = null;

const EXPIRED = 'Your session has expired. Please log in again.';
const ELSEWHERE = 'You logged out in another tab.';

const keeper: SessionKeeper = new SessionKeeper(
  browserKeeperDeps(
    (refreshToken) => api.refresh(refreshToken),
    () => showAuth(ELSEWHERE, false),
  ),
);
const api: ParleyApi = new ParleyApi(
  () => keeper.token(),
  () => refused(),
  undefined,
  () => keeper.renew(),
);
window.addEventListener('storage', (e) => {
  if (e.storageArea === localStorage) keeper.storageChanged(e.key, e.newValue);
});

/** The server refused the token and no renewal helped: expired, unless another tab logged out. */
function refused(): void {
  showAuth(loadSession(Date.now()) === null && keeper.current() !== null ? ELSEWHERE : EXPIRED);
}

function showAuth(error?: string, clear = true): void {
  teardownApp?.();
  teardownApp = null;
  keeper.stop();
  if (clear) clearSession();
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
  keeper.start(current);
  teardownApp = renderAppScreen(root, {
    session: current,
    token: () => keeper.token() ?? current.token,
    api,
    onLogout: (reason) => showAuth(reason),
    socketRefused: () => {
      // The socket's token was refused (4401): renewed, the screen starts again with the new one.
      void keeper.renew().then((ok) => {
        if (!ok) return refused();
        teardownApp?.();
        showApp(keeper.current()!);
      });
    },
    logOut: async () => {
      const refreshToken = keeper.current()?.refreshToken;
      // Gone from storage first: the other tabs hear "logged out", before their sockets close.
      clearSession();
      await api.logout(refreshToken);
    },
    onAccountChanged: (account) => {
      const session = keeper.current();
      if (!session) return;
      keeper.update({ ...session, user: { ...session.user, ...account } });
    },
  });
}

const stored = loadSession(Date.now());
if (!stored) {
  showAuth();
} else if (stored.expiresAt - Date.now() > REFRESH_MARGIN_MS) {
  showApp(stored);
} else {
  // Back after the access token ran out (or nearly): renew before the socket presents it.
  keeper.start(stored);
  void keeper.renew().then((ok) => (ok ? showApp(keeper.current()!) : showAuth(EXPIRED)));
}
