/**
 * The response codes that the vendor documents for Get App Profile, with the
 * description the body carries and the HTTP status each gets under the
 * `4xx` error status policy.
 */
export const VENDOR_CODES = {
  '1000': { description: 'success', status4xx: 200 },
  '7000': { description: 'Invalid JSON', status4xx: 400 },
  '7001': { description: 'Authentication failed', status4xx: 401 },
  '7003': { description: 'Mandatory parameters missing', status4xx: 400 },
} as const;

export type VendorCode = keyof typeof VENDOR_CODES;

export const VENDOR_CODE_LIST = Object.keys(VENDOR_CODES) as VendorCode[];

/**
 * The HTTP status that goes with a vendor error code. The vendor does not
 * document it: `200` sends every code with HTTP 200, as the vendor's
 * v1-family APIs do, and `4xx` uses 400 or 401.
 */
export type ErrorStatusPolicy = '200' | '4xx';

export const ERROR_STATUS_POLICIES: readonly ErrorStatusPolicy[] = [
  '200',
  '4xx',
];

export function isVendorCode(value: string): value is VendorCode {
  return Object.hasOwn(VENDOR_CODES, value);
}

export function httpStatusFor(
  code: string,
  policy: ErrorStatusPolicy,
): number {
  if (policy === '200' || !isVendorCode(code)) return 200;
  return VENDOR_CODES[code].status4xx;
}
