import type { IncomingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

/** A body parsed as JSON, or the reason it could not be. */
export type JsonBody = { ok: true; value: unknown } | { ok: false; reason: string };

const DECODERS: Record<string, (body: Buffer) => Buffer> = {
  gzip: gunzipSync,
  'x-gzip': gunzipSync,
  deflate: inflateSync,
  br: brotliDecompressSync,
};

/**
 * Parses an upstream body as JSON. The forwarder requests an unencoded body,
 * but a service may compress anyway, so gzip, deflate and br are decoded
 * here. A content type that is not JSON is a failure too.
 *
 * @example
 * const parsed = readJsonBody(response.headers, response.body);
 * if (parsed.ok) console.log(parsed.value);
 */
export function readJsonBody(headers: IncomingHttpHeaders, body: Buffer): JsonBody {
  const type = headers['content-type'] ?? '(none)';
  if (!/^application\/([\w.-]+\+)?json\b/i.test(type)) {
    return { ok: false, reason: `the content type is ${type}, not JSON` };
  }

  const encoding = (headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  const decoded = decodeBody(encoding, body);
  if (decoded === undefined) {
    return { ok: false, reason: `the ${encoding} content encoding is not supported or the body does not decode with it` };
  }
  try {
    return { ok: true, value: JSON.parse(decoded.toString('utf8')) };
  } catch {
    // The parser's message quotes part of the body, which may be personal
    // data, so only the size is reported.
    return { ok: false, reason: `the body of ${decoded.length} bytes is not valid JSON` };
  }
}

function decodeBody(encoding: string, body: Buffer): Buffer | undefined {
  if (encoding === 'identity') return body;
  try {
    return DECODERS[encoding]?.(body);
  } catch {
    return undefined;
  }
}
