import { randomUUID } from 'node:crypto';

import { VENDOR_CODES } from './vendor-codes';

const PREFIX = `{"Status":0,"Description":${JSON.stringify(VENDOR_CODES['1000'].description)},"code":"1000","transid":"`;

/**
 * Serializes a 1000 envelope around records that are already JSON text,
 * with a fresh `transid`. The text is the same, byte for byte, as
 * `JSON.stringify(buildSuccessEnvelope(records))`, which a test checks.
 *
 * @example
 * const text = renderSuccessText('[]');
 */
export function renderSuccessText(recordsJson: string): string {
  return `${PREFIX}${randomUUID()}","Records":${recordsJson}}`;
}
