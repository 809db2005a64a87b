import type { ProfileColumn, ProfileRecord } from './profile-types';

/**
 * Returns the value of the app profile attribute `name` in a record, or
 * `undefined` when the record has no such attribute. Values are usually
 * strings, but some tenants send numbers (`status`, `verified`).
 *
 * @example
 * const os = readAttribute(profile.records[0], 'os'); // 'Android'
 */
export function readAttribute(
  record: ProfileRecord,
  name: string,
): ProfileColumn['Value'] | undefined {
  return findColumn(record.Attributes, name)?.Value;
}

/**
 * Returns the columns of the customer rows linked to a record, one array
 * per row, or an empty array when the device is not linked to a customer.
 *
 * @example
 * const [customer] = readLinkedCustomers(profile.records[0]);
 * const email = customer && findColumn(customer, 'email')?.Value;
 */
export function readLinkedCustomers(record: ProfileRecord): ProfileColumn[][] {
  return record.OutwardLinks.flatMap((link) => link.Records);
}

/**
 * Finds the column `name` in a list of columns. Customer profile stores
 * spell the id column `customerId` or `customerid`, so pass the spelling of
 * the tenant.
 *
 * @example
 * findColumn(record.Attributes, 'deviceId')?.Value;
 */
export function findColumn(
  columns: readonly ProfileColumn[],
  name: string,
): ProfileColumn | undefined {
  return columns.find((column) => column.Name === name);
}
