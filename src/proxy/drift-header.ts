/** Header of each checked proxy response: `none` or the violations. */
export const DRIFT_HEADER = 'x-imiconnect-mock-drift';

/** Value of the drift header for a request that no operation of the spec matches. */
export const UNCHECKED = 'unchecked: no operation of the spec matches';

const MAX_HEADER_LENGTH = 200;

/**
 * Formats the drift header: `none`, or the count and the first violation,
 * as in `2 violations; /code must be string`. Characters that a header
 * cannot carry become `?`, and the text stops at 200 characters.
 *
 * @example
 * formatDriftHeader(['/code must be string']); // '1 violation; /code must be string'
 */
export function formatDriftHeader(violations: readonly string[]): string {
  if (violations.length === 0) return 'none';
  const count = violations.length === 1 ? '1 violation' : `${violations.length} violations`;
  const text = `${count}; ${violations[0] ?? ''}`.replace(/[^\x20-\x7e]/g, '?');
  return text.length > MAX_HEADER_LENGTH ? `${text.slice(0, MAX_HEADER_LENGTH - 3)}...` : text;
}
