import { describe, expect, it } from 'vitest';
import { loginProblem, normalizePhone, registrationProblem } from './auth-rules';

describe('account rules', () => {
  it('accepts what the server accepts', () => {
    expect(registrationProblem('+15550001', 'Alice', 'secret123')).toBeNull();
    expect(registrationProblem('123456', 'A', '12345678')).toBeNull();
    expect(registrationProblem('123456789012345', 'x'.repeat(64), 'p'.repeat(72))).toBeNull();
  });

  it.each([
    ['a short phone', '12345', 'Alice', 'secret123', /Phone/],
    ['a long phone', '1234567890123456', 'Alice', 'secret123', /Phone/],
    ['letters in the phone', '+1555abc01', 'Alice', 'secret123', /Phone/],
    ['a blank name', '+15550001', '   ', 'secret123', /Display name/],
    ['a long name', '+15550001', 'x'.repeat(65), 'secret123', /Display name/],
    ['a short password', '+15550001', 'Alice', 'short', /Password/],
    ['a long password', '+15550001', 'Alice', 'p'.repeat(73), /Password/],
  ])('refuses %s', (_name, phone, name, password, message) => {
    expect(registrationProblem(phone, name, password)).toMatch(message);
  });

  it('strips the spaces, dashes and brackets people type in phone numbers', () => {
    expect(normalizePhone(' +1 (555) 000-1 ')).toBe('+15550001');
  });

  it('asks for a password on login', () => {
    expect(loginProblem('+15550001', '')).toMatch(/password/);
    expect(loginProblem('+15550001', 'x')).toBeNull();
  });
});
