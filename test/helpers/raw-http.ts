import { connect } from 'node:net';

/** A response read from a raw socket. */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Sends bytes to a server on 127.0.0.1 over a new socket and reads the
 * response until the server closes. This reaches the server with requests
 * that Node's HTTP client refuses to send, such as unescaped unicode in the
 * path or malformed header lines.
 */
export function sendRaw(port: number, request: string | Buffer): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(parseResponse(Buffer.concat(chunks).toString('utf8'))));
    socket.end(request);
  });
}

function parseResponse(text: string): RawResponse {
  const split = text.indexOf('\r\n\r\n');
  const head = split === -1 ? text : text.slice(0, split);
  const [statusLine = '', ...headerLines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return {
    status: Number(statusLine.split(' ')[1] ?? 0),
    headers,
    body: split === -1 ? '' : text.slice(split + 4),
  };
}

/** Builds a GET request with `Connection: close` and the given header lines. */
export function rawGet(target: string, headerLines: string[] = []): string {
  return [`GET ${target} HTTP/1.1`, 'Host: 127.0.0.1', ...headerLines, 'Connection: close', '', ''].join('\r\n');
}
