import { MatchersV3 } from '@pact-foundation/pact';

const { arrayContaining, eachLike, atLeastLike, integer, like, regex, string } = MatchersV3;

/**
 * The Content-Type of every vendor body. Servers add `; charset=utf-8` or
 * not, and the client parses both.
 */
export const JSON_CONTENT_TYPE = regex(
  '^application/json(;\\s*charset=(utf|UTF)-8)?$',
  'application/json; charset=utf-8',
);

/**
 * Builds the matcher of an attribute that the client reads by name. The name is exact because
 * the client looks it up. The value and column id only keep their types,
 * because they differ per user and per tenant.
 */
function namedColumn(name: string, value: string, id: number) {
  return { Name: name, Value: string(value), ID: integer(id) };
}

/**
 * Builds the matcher of a device's attributes. `arrayContaining` requires only the columns
 * that the client reads, in any order, so a tenant's extra columns and
 * numeric values elsewhere (`status`, `verified`) still match.
 */
export function deviceAttributes(identifier: string) {
  return arrayContaining(
    namedColumn('userId', identifier, 86912),
    namedColumn('deviceId', 'd9c7a71a43904f21', 86913),
    namedColumn('os', 'Android', 86914),
  );
}

/** The customer profile link of a linked device, with one row that has an email. */
export const CUSTOMER_LINK = {
  ProfileID: integer(3030),
  ProfileName: string('acme9939_cpms_1'),
  Records: eachLike(arrayContaining(namedColumn('email', 'user171@example.com', 67008))),
};

export function linkedRecord(identifier: string) {
  return {
    Attributes: deviceAttributes(identifier),
    InwardLinks: like([]),
    OutwardLinks: eachLike(CUSTOMER_LINK),
  };
}

/**
 * Builds a device without a customer link.
 *
 * NOTE: Pact (pact-js 16.5.0, pact_ffi 0.5.4) passes any actual array where
 * the expected array is empty, whatever the matcher: equality, type with a
 * maximum size of 0, or a rule on the elements. So verification does not
 * check that `OutwardLinks` is empty. The consumer test still shows that
 * the client handles `[]`.
 */
export function unlinkedRecord(identifier: string) {
  return {
    Attributes: deviceAttributes(identifier),
    InwardLinks: like([]),
    OutwardLinks: [],
  };
}

/** Builds a device that may or may not be linked, because the client only counts devices here. */
export function anyRecord(identifier: string) {
  return {
    Attributes: deviceAttributes(identifier),
    InwardLinks: like([]),
    OutwardLinks: like([]),
  };
}

/** Builds a 1000 body whose `code` is exact while the rest keeps its type. */
export function successBody(records: unknown) {
  return {
    Status: integer(0),
    Description: string('success'),
    code: '1000',
    transid: string('94982483-b421-4e8a-a30f-b4b3e9035bca'),
    Records: records,
  };
}

/** Builds the body of a vendor error code whose `code` is exact while the text may vary. */
export function errorBody(code: string, description: string) {
  return {
    Status: integer(1),
    Description: string(description),
    code,
    transid: string('3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a9f'),
    Records: like([]),
  };
}

export { atLeastLike, eachLike };
