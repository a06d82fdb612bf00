// The account rules the server enforces, checked before a request so a typo gets its answer at
// once. The server stays the authority: its {code, message} is shown when it disagrees.

export const PHONE_PATTERN = /^\+?[0-9]{6,15}$/;

/** People type spaces, dashes and brackets in phone numbers; the server wants digits. */
export function normalizePhone(input: string): string {
  return input.replace(/[\s\-().]/g, '');
}

export function registrationProblem(phone: string, displayName: string, password: string): string | null {
  return (
    phoneProblem(phone) ??
    (displayName.trim().length < 1 || displayName.length > 64
      ? 'Display name must be 1 to 64 characters.'
      : null) ??
    (password.length < 8 || password.length > 72 ? 'Password must be 8 to 72 characters.' : null)
  );
}

export function loginProblem(phone: string, password: string): string | null {
  return phoneProblem(phone) ?? (password.length === 0 ? 'Enter your password.' : null);
}

export function phoneProblem(phone: string): string | null {
  return PHONE_PATTERN.test(phone)
    ? null
    : 'Phone must be 6 to 15 digits, optionally starting with +.';
}
