import type { IncomingHttpHeaders } from 'node:http';

import { ProblemError } from '../http/problem';
import { DEFAULT_SESSION, SESSION_HEADER } from './mock-state';

const SESSION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Reads the session of a request from its `x-mock-session` header; a request
 * without it belongs to the default session. Throws a ProblemError for a
 * value that is empty, too long or has other characters than letters,
 * digits and `._:-`.
 *
 * @example
 * readSessionId({ 'x-mock-session': 'worker-3' }); // 'worker-3'
 */
export function readSessionId(headers: IncomingHttpHeaders): string {
  const value = headers[SESSION_HEADER];
  if (value === undefined) return DEFAULT_SESSION;
  const text = Array.isArray(value) ? value.join(',') : value;
  if (SESSION_ID.test(text)) return text;
  throw new ProblemError(
    'invalid-session',
    `Invalid ${SESSION_HEADER} header "${text}": use 1 to 128 letters, digits or the characters . _ : -, such as worker-1.`,
    { header: SESSION_HEADER, value: text },
  );
}
