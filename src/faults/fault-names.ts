/**
 * The faults the mock can inject, with what a client observes. The first
 * four carry the names WireMock uses, so its users recognise them.
 */
export const FAULTS = {
  EMPTY_RESPONSE: 'the connection closes before any byte is sent',
  MALFORMED_RESPONSE_CHUNK:
    'status line and headers arrive, then part of the JSON body, then the connection closes',
  RANDOM_DATA_THEN_CLOSE:
    'bytes that are not HTTP arrive, then the connection closes',
  CONNECTION_RESET_BY_PEER:
    'the connection is reset (TCP RST) before any byte is sent',
  HANG: 'no byte is ever sent; the mock closes the connection after the delay cap',
  SLOW_BODY: 'the body arrives a few bytes at a time',
  GATEWAY_500: 'HTTP 500 with the HTML page of a reverse proxy',
  GATEWAY_502: 'HTTP 502 with the HTML page of a reverse proxy',
  GATEWAY_503: 'HTTP 503 with the HTML page of a reverse proxy',
  GATEWAY_504: 'HTTP 504 with the HTML page of a reverse proxy',
  WRONG_CONTENT_TYPE: 'the JSON body arrives with Content-Type text/html',
} as const;

export type FaultName = keyof typeof FAULTS;

export const FAULT_NAMES = Object.keys(FAULTS) as FaultName[];

export function isFaultName(value: string): value is FaultName {
  return Object.hasOwn(FAULTS, value);
}
