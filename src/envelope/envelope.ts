import { randomUUID } from 'node:crypto';

import { VENDOR_CODES, type VendorCode } from './vendor-codes';

/** One named value of an app profile or a customer profile. */
export interface Column {
  Value: string | number;
  ID: number;
  Name: string;
}

/** A link from an app profile to a profile store such as the customer profile. */
export interface ProfileLink {
  ProfileID: number;
  ProfileName: string;
  Records: Column[][];
}

/** One app profile: one device of the app user. */
export interface AppProfileRecord {
  OutwardLinks: ProfileLink[];
  Attributes: Column[];
  InwardLinks: ProfileLink[];
}

/** The vendor's response envelope, for success and for every error code. */
export interface VendorEnvelope {
  Status: number;
  Description: string;
  code: string;
  transid: string;
  Records: AppProfileRecord[];
}

/** Wraps app profile records in a 1000 envelope with a fresh `transid`. */
export function buildSuccessEnvelope(
  records: AppProfileRecord[],
): VendorEnvelope {
  return {
    Status: 0,
    Description: VENDOR_CODES['1000'].description,
    code: '1000',
    transid: randomUUID(),
    Records: records,
  };
}

/**
 * Builds the body of a vendor error code. No error body is published, so
 * this assumes the documented response parameters with `Status` 1 and no
 * records.
 */
export function buildErrorEnvelope(
  code: Exclude<VendorCode, '1000'>,
): VendorEnvelope {
  return {
    Status: 1,
    Description: VENDOR_CODES[code].description,
    code,
    transid: randomUUID(),
    Records: [],
  };
}

/** Copies a stored envelope, such as a spec example, with a fresh `transid`. */
export function withFreshTransid(envelope: VendorEnvelope): VendorEnvelope {
  return { ...envelope, transid: randomUUID() };
}
