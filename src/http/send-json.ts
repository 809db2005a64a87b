import type { Response } from 'express';

/**
 * Sends JSON text that is already serialized. This skips `res.json`, which
 * would stringify again and run Express's send machinery (ETag check,
 * charset handling); the headers are the same as `res.json` sets.
 *
 * @example
 * sendJsonText(res, 200, '{"code":"1000"}');
 */
export function sendJsonText(res: Response, status: number, text: string): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}
