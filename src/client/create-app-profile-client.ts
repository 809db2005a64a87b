import {
  AppProfileApiError,
  AppProfileNetworkError,
  AppProfileResponseError,
  AppProfileTimeoutError,
} from './client-errors';
import type { AppProfile, AppProfileResponse } from './profile-types';
import { regionBaseUrl, type Region } from './regions';

/** How long a call may take, headers and body, before it fails. */
export const DEFAULT_TIMEOUT_MS = 10_000;

interface CommonOptions {
  /**
   * The tenant's Client Profile Key, sent in the `key` header. Leave it out
   * only to test the service's response to a missing key (7001).
   */
  key?: string | undefined;
  /** Timeout of one call in milliseconds. Default: 10 000. */
  timeoutMs?: number;
  /** The fetch implementation. Default: the global `fetch` of Node 18+. */
  fetch?: typeof fetch;
}

/** Options of `createAppProfileClient`: a region name or a base URL, not both. */
export type AppProfileClientOptions = CommonOptions &
  ({ region: Region; baseUrl?: never } | { baseUrl: string; region?: never });

/** A client of Get App Profile. */
export interface AppProfileClient {
  /** The base URL the client sends to, without a trailing slash. */
  readonly baseUrl: string;
  /**
   * Reads the app profiles of user `identifier` in app `appId`. Throws an
   * AppProfileApiError for any code but 1000, whatever the HTTP status.
   */
  getAppProfile(appId: string, identifier: string): Promise<AppProfile>;
}

/**
 * Creates a client of Get App Profile for a region or a base URL. Creating
 * it sends nothing; each `getAppProfile` call sends one request.
 *
 * @example
 * const client = createAppProfileClient({ region: 'eu', key: process.env.PROFILE_KEY });
 * const { records } = await client.getAppProfile('a_636035705699961900', 'user-1');
 */
export function createAppProfileClient(
  options: AppProfileClientOptions,
): AppProfileClient {
  const baseUrl = resolveBaseUrl(options);
  const timeoutMs = checkTimeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  checkKey(options.key);
  const fetchImpl = options.fetch ?? globalThis.fetch;

  return {
    baseUrl,
    async getAppProfile(appId, identifier) {
      const url = buildProfileUrl(baseUrl, appId, identifier);
      const headers = buildHeaders(options.key);
      const { response, text } = await sendRequest(fetchImpl, url, headers, timeoutMs);
      return toAppProfile(parseBody(text, url, response), url, response);
    },
  };
}

function resolveBaseUrl(options: AppProfileClientOptions): string {
  if (options.region !== undefined && options.baseUrl !== undefined) {
    throw new TypeError('Pass either region or baseUrl to createAppProfileClient, not both.');
  }
  const base = options.region !== undefined ? regionBaseUrl(options.region) : options.baseUrl;
  if (!base) {
    throw new TypeError('Missing region or baseUrl in createAppProfileClient options: pass one, such as { region: "eu" }.');
  }
  const url = new URL(base);
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new TypeError(
      `Invalid baseUrl in createAppProfileClient options: give scheme, host and an optional path only, without query, fragment or credentials, such as "https://api.eu.webexconnect.io".`,
    );
  }
  return url.toString().replace(/\/+$/, '');
}

/** Largest timeout Node's timers take, in milliseconds (2^31 - 1). */
const MAX_TIMEOUT_MS = 2_147_483_647;

function checkTimeout(timeoutMs: number): number {
  if (Number.isInteger(timeoutMs) && timeoutMs >= 1 && timeoutMs <= MAX_TIMEOUT_MS) return timeoutMs;
  throw new TypeError(
    `Invalid timeoutMs ${String(timeoutMs)} in createAppProfileClient options: use a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}.`,
  );
}

/**
 * Rejects a key that cannot be sent as a header value, such as one pasted
 * with a line break, before fetch would quote it in its error message.
 */
function checkKey(key: string | undefined): void {
  if (key === undefined || /^[\t\x20-\x7e\x80-\xff]*$/.test(key)) return;
  throw new TypeError(
    'Invalid key in createAppProfileClient options: it contains a line break or another character a header value cannot carry. Check how the key was read.',
  );
}

/**
 * Builds the request URL. An empty identifier is left out, as a caller that
 * forgot it would send, and the service returns 7003.
 */
function buildProfileUrl(baseUrl: string, appId: string, identifier: string): string {
  if (appId === '') {
    throw new TypeError('Missing appId in getAppProfile: pass the app asset id, such as a_636035705699961900.');
  }
  const url = `${baseUrl}/resources/v2/customerappprofile/${encodeURIComponent(appId)}`;
  return identifier === '' ? url : `${url}?identifier=${encodeURIComponent(identifier)}`;
}

function buildHeaders(key: string | undefined): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (key !== undefined && key !== '') headers.key = key;
  return headers;
}

/** Sends the request and reads the whole body under one timeout. */
async function sendRequest(
  fetchImpl: typeof fetch,
  url: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<{ response: Response; text: string }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetchImpl(url, { headers, signal: controller.signal });
    return { response, text: await response.text() };
  } catch (error) {
    if (controller.signal.aborted) throw new AppProfileTimeoutError(url, timeoutMs);
    throw new AppProfileNetworkError(url, error);
  } finally {
    clearTimeout(timer);
  }
}

function parseBody(text: string, url: string, response: Response): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const start = JSON.stringify(text.slice(0, 60));
    throw new AppProfileResponseError(
      `the body is not JSON, it starts with ${start}`,
      url,
      response.status,
      response.headers.get('content-type'),
    );
  }
}

/** Decides on the body's `code`, because errors may come with HTTP 200. */
function toAppProfile(body: unknown, url: string, response: Response): AppProfile {
  const envelope = body as Partial<AppProfileResponse> & { code?: unknown };
  const code = typeof envelope?.code === 'number' ? String(envelope.code) : envelope?.code;
  const contentType = response.headers.get('content-type');
  if (typeof code !== 'string') {
    throw new AppProfileResponseError('the JSON body has no string code', url, response.status, contentType);
  }
  if (code !== '1000') {
    throw new AppProfileApiError(toErrorDetails(envelope, code, response.status), url);
  }
  if (!Array.isArray(envelope.Records)) {
    throw new AppProfileResponseError('code 1000 without a Records array', url, response.status, contentType);
  }
  return { transid: String(envelope.transid ?? ''), records: envelope.Records };
}

function toErrorDetails(
  envelope: { Description?: unknown; transid?: unknown },
  code: string,
  httpStatus: number,
) {
  return {
    code,
    description: typeof envelope.Description === 'string' ? envelope.Description : '',
    transid: typeof envelope.transid === 'string' ? envelope.transid : '',
    httpStatus,
  };
}
