/**
 * The vendor's API hosts by region. Webex Connect hosts are
 * `api.<region>.webexconnect.io`; tenants created before the rename still
 * log in on the legacy imiconnect domains, which keep their own hosts.
 */
export const REGION_HOSTS = {
  ca: 'api.ca.webexconnect.io',
  eu: 'api.eu.webexconnect.io',
  uk: 'api.uk.webexconnect.io',
  us: 'api.us.webexconnect.io',
  us1: 'api.us1.webexconnect.io',
  in: 'api.in.webexconnect.io',
  au: 'api.au.webexconnect.io',
  'legacy-emea': 'api.imiconnect.io',
  'legacy-us-aws': 'api-us.imiconnect.io',
  'legacy-us': 'api.imiconnect.us',
  'legacy-eu': 'api.imiconnect.eu',
  'legacy-ca': 'api.imiconnect.ca',
  'legacy-in': 'api.imiconnect.in',
  'legacy-com': 'api.imiconnect.com',
} as const;

/** A region name of `REGION_HOSTS`, such as `eu` or `legacy-emea`. */
export type Region = keyof typeof REGION_HOSTS;

export const REGIONS = Object.keys(REGION_HOSTS) as Region[];

/**
 * Returns the HTTPS base URL of a region, such as
 * `https://api.eu.webexconnect.io`. Throws a TypeError for a name that is
 * not a region, listing the valid names.
 *
 * @example
 * regionBaseUrl('legacy-us-aws'); // 'https://api-us.imiconnect.io'
 */
export function regionBaseUrl(region: Region): string {
  if (!Object.hasOwn(REGION_HOSTS, region)) {
    throw new TypeError(
      `Unknown region "${String(region)}": use one of ${REGIONS.join(', ')}, or pass baseUrl instead.`,
    );
  }
  return `https://${REGION_HOSTS[region]}`;
}
