/** An upstream base URL that cannot be used. */
export class UpstreamUrlError extends Error {
  override name = 'UpstreamUrlError';
}

/**
 * Parses the base URL of the real service. Only http and https URLs without
 * credentials, query or fragment are accepted, so that every forwarded
 * request goes to exactly the origin and path prefix the user wrote.
 *
 * @example
 * const upstream = parseUpstreamUrl('https://api.us.webexconnect.io');
 */
export function parseUpstreamUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UpstreamUrlError(
      `Invalid --upstream "${value}": not a URL. Pass the base URL of the service, such as https://api.us.webexconnect.io.`,
    );
  }
  checkUpstreamUrl(url, value);
  return url;
}

function checkUpstreamUrl(url: URL, value: string): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UpstreamUrlError(
      `Invalid --upstream "${value}": the scheme ${url.protocol} is not supported. Use an http:// or https:// URL.`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw new UpstreamUrlError(
      'Invalid --upstream: the URL contains a user name or password. Remove them and pass the key with --key or IMICONNECT_MOCK_UPSTREAM_KEY.',
    );
  }
  if (url.search !== '' || url.hash !== '') {
    throw new UpstreamUrlError(
      `Invalid --upstream "${value}": remove the query and fragment, because request paths and queries are appended to it.`,
    );
  }
}

/** Returns the URL without a trailing slash, safe to log. */
export function describeUpstream(url: URL): string {
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
