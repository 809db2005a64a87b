import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

import { answerClientError } from './client-error';

/** Node's default header size limit, in bytes (`--max-http-header-size`). */
export const DEFAULT_MAX_HEADER_BYTES = 16 * 1024;

/** The address to listen on and the limits of the server. */
export interface ListenOptions {
  host: string;
  port: number;
  /**
   * Largest total size of the request line and headers, in bytes. Larger
   * requests get HTTP 431 from Node's parser. Default: 16 KiB, Node's own.
   */
  maxHeaderBytes?: number;
}

/** A mock listening on a socket. */
export interface RunningServer {
  /** Base URL, such as `http://127.0.0.1:4020`. */
  url: string;
  host: string;
  port: number;
  server: Server;
  /** Stops accepting connections, closes open ones and resolves when done. */
  close(): Promise<void>;
}

/** A listen failure that the user can fix, such as a port in use. */
export class ListenError extends Error {
  override name = 'ListenError';
}

/**
 * Starts an HTTP server for the app on host and port; port 0 picks a free
 * port, which the returned URL carries.
 *
 * @example
 * const running = await listen(createApp({ spec }), { host: '127.0.0.1', port: 0 });
 * await running.close();
 */
export function listen(
  app: Express,
  { host, port, maxHeaderBytes = DEFAULT_MAX_HEADER_BYTES }: ListenOptions,
): Promise<RunningServer> {
  // Node rejects an HTTP/1.1 request without Host with a bare 400 that no
  // clientError handler sees. The mock needs no Host, so it lets such a
  // request through and handles it like any other.
  const server = createServer({ maxHeaderSize: maxHeaderBytes, requireHostHeader: false }, app);
  server.on('clientError', answerClientError);

  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(toListenError(error, host, port));
    });
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo;
      resolve({
        url: formatUrl(address.address, address.port),
        host: address.address,
        port: address.port,
        server,
        close: () => closeServer(server),
      });
    });
  });
}

function formatUrl(host: string, port: number): string {
  const hostname = host.includes(':') ? `[${host}]` : host;
  return `http://${hostname}:${port}`;
}

/**
 * Requests still in flight when the server closes get this long to finish
 * before their connections are ended. Hanging and delayed responses are
 * ended then too, so close() never waits for the delay cap.
 */
const CLOSE_GRACE_MS = 300;

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
    server.close((error) => {
      clearTimeout(timer);
      if (error) reject(error);
      else resolve();
    });
    // Idle keep-alive connections would hold close() open until they time out.
    server.closeIdleConnections();
  });
}

function toListenError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  switch (error.code) {
    case 'EADDRINUSE':
      return new ListenError(
        `Port ${port} on ${host} is already in use: stop the process that holds it, or pass --port 0 for a free port.`,
      );
    case 'EACCES':
      return new ListenError(
        `Permission denied to listen on ${host}:${port}: use a port above 1023.`,
      );
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return new ListenError(
        `Host ${host} is not an address of this machine: use 127.0.0.1, ::1 or 0.0.0.0.`,
      );
    default:
      return error;
  }
}
