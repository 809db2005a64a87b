/**
 * The base class of every error the app profile client throws. `url` is
 * the request URL; the key travels in a header, so the URL never carries it.
 */
export class AppProfileClientError extends Error {
  override name = 'AppProfileClientError';

  constructor(
    message: string,
    readonly url: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The fields of a vendor error body that the client keeps. */
export interface VendorErrorDetails {
  /** The vendor code, such as `7001`; any code but `1000`. */
  code: string;
  description: string;
  transid: string;
  /** The HTTP status the body came with: 200 or a 4xx, depending on the service. */
  httpStatus: number;
}

/**
 * A vendor error code in the response body. The client decides on the
 * body's `code`, not on the HTTP status, because the service may send an
 * error code with HTTP 200.
 */
export class AppProfileApiError extends AppProfileClientError {
  override name = 'AppProfileApiError';
  readonly code: string;
  readonly description: string;
  readonly transid: string;
  readonly httpStatus: number;

  constructor(details: VendorErrorDetails, url: string) {
    super(
      `Get App Profile failed with code ${details.code} (${details.description}), transid ${details.transid}, HTTP ${details.httpStatus}: ${hintFor(details.code)}`,
      url,
    );
    this.code = details.code;
    this.description = details.description;
    this.transid = details.transid;
    this.httpStatus = details.httpStatus;
  }
}

/** No complete response arrived within the client's timeout. */
export class AppProfileTimeoutError extends AppProfileClientError {
  override name = 'AppProfileTimeoutError';

  constructor(
    url: string,
    readonly timeoutMs: number,
  ) {
    super(
      `Get App Profile timed out after ${timeoutMs} ms on ${url}: check that the host is reachable, or raise timeoutMs.`,
      url,
    );
  }
}

/** The request failed before any response: DNS, refused or reset connection, TLS. */
export class AppProfileNetworkError extends AppProfileClientError {
  override name = 'AppProfileNetworkError';

  constructor(url: string, cause: unknown) {
    super(
      `Get App Profile failed on ${url}: ${describeCause(cause)}. Check the base URL and the network.`,
      url,
      { cause },
    );
  }
}

/**
 * A response that is not a vendor envelope: a body that is not JSON, such as
 * a proxy's HTML error page, or JSON without a `code`.
 */
export class AppProfileResponseError extends AppProfileClientError {
  override name = 'AppProfileResponseError';

  constructor(
    reason: string,
    url: string,
    readonly httpStatus: number,
    readonly contentType: string | null,
  ) {
    super(
      `Invalid Get App Profile response from ${url} (HTTP ${httpStatus}, ${contentType ?? 'no Content-Type'}): ${reason}. Check that the base URL points at the Profile API.`,
      url,
    );
  }
}

function hintFor(code: string): string {
  switch (code) {
    case '7000':
      return 'send no request body, or valid JSON.';
    case '7001':
      return 'send a valid Client Profile Key in the key option.';
    case '7003':
      return 'pass a non-empty identifier.';
    default:
      return 'see the vendor code list for its meaning.';
  }
}

function describeCause(cause: unknown): string {
  const inner = (cause as { cause?: { code?: string; message?: string } }).cause;
  if (inner?.code) return `${inner.code} ${inner.message ?? ''}`.trim();
  return cause instanceof Error ? cause.message : String(cause);
}
