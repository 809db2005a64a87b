import { request } from 'node:http';

/** What a plain node:http client saw, errors included. */
export interface RawResult {
  status: number | undefined;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** Body 'data' events, to see a body arrive in parts. */
  chunks: number;
  /** The request or response error, if any. */
  error: NodeJS.ErrnoException | undefined;
}

/**
 * Sends one GET on a fresh connection and resolves with whatever arrived,
 * never rejecting, so tests can assert on the failure a fault causes.
 */
export function getRaw(
  url: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<RawResult> {
  return new Promise((resolve) => {
    const result: RawResult = {
      status: undefined,
      headers: {},
      body: Buffer.alloc(0),
      chunks: 0,
      error: undefined,
    };
    const parts: Buffer[] = [];
    const finish = (error?: NodeJS.ErrnoException) => {
      result.error ??= error;
      result.body = Buffer.concat(parts);
      resolve(result);
    };

    const req = request(`${url}${path}`, { headers, agent: false }, (res) => {
      result.status = res.statusCode;
      result.headers = res.headers;
      res.on('data', (chunk: Buffer) => {
        parts.push(chunk);
        result.chunks += 1;
      });
      res.on('error', (error) => finish(error));
      res.on('end', () => finish());
    });
    req.on('error', (error) => finish(error));
    req.end();
  });
}

/** Resolves once `check` returns true, checking every few milliseconds. */
export async function waitFor(check: () => boolean): Promise<void> {
  while (!check()) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
