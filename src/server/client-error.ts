import type { Socket } from 'node:net';

import { ProblemError, type ProblemType } from '../http/problem';

/** Node's parser error codes that get a status other than 400. */
const STATUS_BY_CODE: Record<string, ProblemType> = {
  HPE_HEADER_OVERFLOW: 'header-too-large',
  ERR_HTTP_REQUEST_TIMEOUT: 'request-timeout',
};

/**
 * Sends problem+json for a request that Node's HTTP parser rejected before
 * any route ran, such as one whose headers exceed the header size limit or
 * whose request line is malformed. Node's own response is a bare status
 * line with no body. This one has the same status, a body, and closes the
 * connection.
 *
 * @example
 * server.on('clientError', answerClientError);
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  // A response already under way on this socket must not get a second
  // status line in the middle of it. Node's own handler checks the same.
  const current = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (!socket.writable || error.code === 'ECONNRESET' || current?.headersSent === true) {
    socket.destroy();
    return;
  }
  const type = STATUS_BY_CODE[error.code ?? ''] ?? 'invalid-request';
  const problem = new ProblemError(type, describeParserError(type)).toProblem();
  const body = JSON.stringify(problem);
  socket.end(
    `HTTP/1.1 ${problem.status} ${problem.title}\r\n` +
      'Content-Type: application/problem+json\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}

function describeParserError(type: ProblemType): string {
  switch (type) {
    case 'header-too-large':
      return 'The request headers are larger than the server accepts: send smaller headers, or start the mock with a larger --max-header-bytes.';
    case 'request-timeout':
      return 'The request was not received in time: send the whole request at once.';
    default:
      return 'The request is not valid HTTP/1.1 (request line, header syntax or framing), so Node rejected it before routing: check the request line and header names.';
  }
}
