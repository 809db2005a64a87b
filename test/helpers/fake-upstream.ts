import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the fake upstream received it. */
export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Reply of the fake upstream, or `hang` to send no response. */
export type FakeReply =
  | { status: number; headers?: Record<string, string>; body: string }
  | 'hang';

/** A stand-in for the real service on 127.0.0.1 and a free port. */
export interface FakeUpstream {
  url: string;
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

/** Starts a fake upstream that sends `reply(request)` for each request. */
export function startFakeUpstream(reply: (request: ReceivedRequest) => FakeReply): Promise<FakeUpstream> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    void readRequest(req).then((request) => {
      requests.push(request);
      const answer = reply(request);
      if (answer === 'hang') return;
      res.writeHead(answer.status, answer.headers ?? { 'content-type': 'application/json' });
      res.end(answer.body);
    });
  });
  return listenOnFreePort(server, requests);
}

/** Sends a JSON body with HTTP 200. */
export function replyJson(body: unknown): FakeReply {
  const text = JSON.stringify(body);
  const headers = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) };
  return { status: 200, headers, body: text };
}

/** Returns a URL on 127.0.0.1 where nothing listens: a port just freed. */
export async function findClosedPortUrl(): Promise<string> {
  const upstream = await startFakeUpstream(() => ({ status: 204, body: '' }));
  await upstream.close();
  return upstream.url;
}

function readRequest(req: IncomingMessage): Promise<ReceivedRequest> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      resolve({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
    });
  });
}

function listenOnFreePort(server: Server, requests: ReceivedRequest[]): Promise<FakeUpstream> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        requests,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
