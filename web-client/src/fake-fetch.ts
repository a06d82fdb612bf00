// Test-only (imported by *.test.ts, never by the app): a ParleyApi whose fetch answers from a
// script and records what was asked, so API tests assert the method, path and body on the wire.

import { vi } from 'vitest';
import { ParleyApi } from './http-api';

export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}

/** Answers every call with `answer` (a Response made afresh per call, or a thrown Error). */
export function apiAnswering(answer: Response | Error | (() => Response), token: string | null = 'jwt') {
  const fetchFn = vi.fn(async (_input: string, _init?: RequestInit) => {
    if (answer instanceof Error) throw answer;
    return typeof answer === 'function' ? answer() : answer;
  });
  const onUnauthenticated = vi.fn();
  const api = new ParleyApi(() => token, onUnauthenticated, fetchFn);
  /** [method, url, parsed body] of each call so far. */
  const calls = () =>
    fetchFn.mock.calls.map(([url, init]) => [
      init?.method,
      url,
      typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    ]);
  return { api, fetchFn, onUnauthenticated, calls };
}
