import { randomBytes } from 'node:crypto';
import type { Response } from 'express';

import { MAX_DELAY_MS } from '../scenarios/delay';
import type { FaultName } from './fault-names';
import { buildGatewayPage } from './gateway-page';

/** The response a fault may send: the status and JSON text the request would have got. */
export interface FaultResponse {
  status: number;
  text: string;
  /** Milliseconds SLOW_BODY spreads the body over; 0 takes the default. */
  delayMs: number;
}

/** How long SLOW_BODY takes by default, in milliseconds. */
export const DEFAULT_SLOW_BODY_MS = 2000;
/** Parts SLOW_BODY splits the body into. */
const SLOW_BODY_PARTS = 20;

type FaultWriter = (res: Response, response: FaultResponse) => void;

const WRITERS: Record<FaultName, FaultWriter> = {
  EMPTY_RESPONSE: (res) => res.socket?.destroy(),
  CONNECTION_RESET_BY_PEER: (res) => res.socket?.resetAndDestroy(),
  RANDOM_DATA_THEN_CLOSE: (res) => res.socket?.end(buildGarbage()),
  MALFORMED_RESPONSE_CHUNK: writeTruncatedBody,
  HANG: hang,
  SLOW_BODY: writeSlowBody,
  GATEWAY_500: (res) => sendGatewayPage(res, 500),
  GATEWAY_502: (res) => sendGatewayPage(res, 502),
  GATEWAY_503: (res) => sendGatewayPage(res, 503),
  GATEWAY_504: (res) => sendGatewayPage(res, 504),
  WRONG_CONTENT_TYPE: (res, { status, text }) => {
    res.status(status).type('text/html; charset=utf-8').send(text);
  },
};

/**
 * Sends a response broken in the way the fault names. Socket faults write
 * to, or tear down, the connection under Express, so a client sees exactly
 * what a failing network or proxy would give it.
 *
 * @example
 * applyFault(res, 'CONNECTION_RESET_BY_PEER', { status: 200, text, delayMs: 0 });
 */
export function applyFault(
  res: Response,
  fault: FaultName,
  response: FaultResponse,
): void {
  WRITERS[fault](res, response);
}

/**
 * Returns the HTTP status a client sees under a fault, or undefined when no
 * status line is sent.
 *
 * @example
 * sentStatus('GATEWAY_502', 200); // 502
 */
export function sentStatus(
  fault: FaultName | undefined,
  status: number,
): number | undefined {
  if (fault === undefined) return status;
  const gateway = /^GATEWAY_(\d{3})$/.exec(fault);
  if (gateway) return Number(gateway[1]);
  const withStatusLine: FaultName[] = [
    'MALFORMED_RESPONSE_CHUNK',
    'SLOW_BODY',
    'WRONG_CONTENT_TYPE',
  ];
  return withStatusLine.includes(fault) ? status : undefined;
}

/** Bytes that cannot start an HTTP response, so the client's parser fails. */
function buildGarbage(): Buffer {
  const bytes = randomBytes(64);
  // An H could begin "HTTP/"; any other first byte is rejected at once.
  if (bytes[0] === 0x48) bytes[0] = 0x00;
  return bytes;
}

function writeTruncatedBody(
  res: Response,
  { status, text }: FaultResponse,
): void {
  // Without Content-Length Node sends the body chunked; the connection
  // closes inside the body, before the terminating chunk.
  res.status(status).type('application/json');
  res.write(text.slice(0, Math.ceil(text.length / 2)), () =>
    res.socket?.destroy(),
  );
}

/** Holds the connection without a byte, then closes it after MAX_DELAY_MS. */
function hang(res: Response): void {
  const timer = setTimeout(() => res.socket?.destroy(), MAX_DELAY_MS);
  res.once('close', () => clearTimeout(timer));
}

function writeSlowBody(
  res: Response,
  { status, text, delayMs }: FaultResponse,
): void {
  const bytes = Buffer.from(text);
  const partSize = Math.max(1, Math.ceil(bytes.length / SLOW_BODY_PARTS));
  const interval = (delayMs || DEFAULT_SLOW_BODY_MS) / SLOW_BODY_PARTS;
  res
    .status(status)
    .type('application/json')
    .setHeader('Content-Length', bytes.length);

  let offset = 0;
  const timer = setInterval(() => {
    res.write(bytes.subarray(offset, offset + partSize));
    offset += partSize;
    if (offset >= bytes.length) {
      clearInterval(timer);
      res.end();
    }
  }, interval);
  res.once('close', () => clearInterval(timer));
}

function sendGatewayPage(res: Response, status: number): void {
  res.status(status).type('text/html').send(buildGatewayPage(status));
}
