// The first screen: log in, or create an account (which then logs straight in). Both forms are
// visible together, so neither hides behind a tab. Errors show the server's message as sent.

import { loginProblem, normalizePhone, registrationProblem } from './auth-rules';
import { sessionFromLogin, type AuthSession } from './auth-session';
import { el } from './element';
import { ApiError, type ParleyApi } from './http-api';

export interface AuthScreenOptions {
  api: ParleyApi;
  onLoggedIn(session: AuthSession): void;
  /** Shown as an error when the screen opens, e.g. why the previous session ended. */
  error?: string;
}

export function renderAuthScreen(root: HTMLElement, options: AuthScreenOptions): void {
  const errorBox = el('p', { class: 'auth-error', 'data-testid': 'auth-error', role: 'alert' });
  const topSlot = el('div', { class: 'auth-error-slot' }, errorBox);
  // The error sits above the button of the form it is about (on a phone the forms are stacked
  // and the top of the card is out of sight); errors about no form sit at the top.
  const showError = (text: string | null, form?: HTMLFormElement) => {
    errorBox.textContent = text ?? '';
    errorBox.hidden = !text;
    if (form) form.insertBefore(errorBox, form.querySelector('button[type="submit"]'));
    else topSlot.append(errorBox);
    if (text) errorBox.scrollIntoView?.({ block: 'nearest' });
  };

  const loginPhone = input('login-phone', 'tel', 'Phone number', 'tel', '+15550001');
  const loginPassword = input('login-password', 'password', 'Password', 'current-password');
  const loginButton = el('button', { type: 'submit', class: 'primary', 'data-testid': 'login-submit' }, 'Log in');

  const regPhone = input('reg-phone', 'tel', 'Phone number', 'tel', '+15550001');
  const regName = input('reg-name', 'text', 'Display name', 'nickname', 'Alice');
  regName.input.maxLength = 64;
  const regPassword = input('reg-password', 'password', 'Password (8 or more characters)', 'new-password');
  const regButton = el('button', { type: 'submit', class: 'secondary', 'data-testid': 'reg-submit' }, 'Create account');

  const buttons = [loginButton, regButton];
  const busy = async (button: HTMLButtonElement, label: string, work: () => Promise<void>) => {
    const idle = button.textContent;
    buttons.forEach((b) => (b.disabled = true));
    button.textContent = label;
    try {
      await work();
    } finally {
      buttons.forEach((b) => (b.disabled = false));
      button.textContent = idle;
    }
  };

  const logIn = async (phone: string, password: string) => {
    const result = await options.api.login(phone, password);
    options.onLoggedIn(sessionFromLogin(result, Date.now()));
  };

  const loginForm = el(
    'form',
    { class: 'auth-form', novalidate: true, 'aria-labelledby': 'login-title' },
    el('h2', { id: 'login-title' }, 'Log in'),
    loginPhone.label,
    loginPassword.label,
    loginButton,
  );
  loginForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const phone = normalizePhone(loginPhone.input.value);
    const password = loginPassword.input.value;
    const problem = loginProblem(phone, password);
    if (problem) return showError(problem, loginForm);
    showError(null);
    void busy(loginButton, 'Logging in…', () =>
      logIn(phone, password).catch((e) => showError(describe(e), loginForm)),
    );
  });

  const registerForm = el(
    'form',
    { class: 'auth-form', novalidate: true, 'aria-labelledby': 'register-title' },
    el('h2', { id: 'register-title' }, 'New here? Create an account'),
    regPhone.label,
    regName.label,
    regPassword.label,
    regButton,
  );
  registerForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const phone = normalizePhone(regPhone.input.value);
    const name = regName.input.value.trim();
    const password = regPassword.input.value;
    const problem = registrationProblem(phone, name, password);
    if (problem) return showError(problem, registerForm);
    showError(null);
    void busy(regButton, 'Creating account…', async () => {
      try {
        await options.api.register(phone, name, password);
      } catch (e) {
        return showError(describe(e), registerForm);
      }
      // The account exists now; if logging in fails, the login form is ready for a retry.
      loginPhone.input.value = phone;
      try {
        await logIn(phone, password);
      } catch (e) {
        showError(describe(e), loginForm);
        loginPassword.input.focus();
      }
    });
  });

  showError(options.error ?? null);
  root.replaceChildren(
    el(
      'main',
      { class: 'auth' },
      el(
        'div',
        { class: 'auth-card' },
        el(
          'header',
          { class: 'brand' },
          el('div', { class: 'brand-mark', 'aria-hidden': 'true' }, 'P'),
          el('div', {}, el('h1', {}, 'Parley'), el('p', { class: 'tagline' }, 'Messages that arrive, in order, everywhere.')),
        ),
        topSlot,
        el('div', { class: 'auth-forms' }, loginForm, el('div', { class: 'auth-divider', 'aria-hidden': 'true' }), registerForm),
      ),
    ),
  );
  loginPhone.input.focus();
}

function input(testId: string, type: string, labelText: string, autocomplete: string, placeholder = '') {
  const field = el('input', { type, 'data-testid': testId, autocomplete, placeholder, spellcheck: 'false' });
  const label = el('label', { class: 'field' }, el('span', {}, labelText), field);
  return { input: field, label };
}

function describe(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong. Try again.';
}
