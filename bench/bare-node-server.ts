import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

/**
 * Serves a precomputed body of the same size as the mock's from a bare
 * `http` server, the ceiling for Node. Usage: bare-node-server <port> <body file>.
 */
function main(): void {
  const [port, bodyFile] = process.argv.slice(2);
  const body = readFileSync(String(bodyFile));
  const headers = {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(body.length),
  };

  createServer((_req, res) => {
    res.writeHead(200, headers);
    res.end(body);
  }).listen(Number(port), '127.0.0.1');
}

main();
