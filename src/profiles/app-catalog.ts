import { LruCache } from './lru-cache';
import { createSeededFaker } from './seeded-faker';

/** The app profile attributes of a push or in-app messaging app, in the vendor's order. */
export const APP_ATTRIBUTE_NAMES = [
  'verified',
  'customerId',
  'userId',
  'deviceId',
  'os',
  'pushId',
  'rtmId',
  'last_opened',
  'ios_fcmpushid',
  'language',
  'timezone',
  'foreground',
  'guest',
  'status',
  'createdOn',
] as const;

export type AppAttributeName = (typeof APP_ATTRIBUTE_NAMES)[number];

/** The customer profile columns that every tenant in the examples has. */
const CUSTOMER_COLUMNS = ['msisdn', 'email', 'name', 'customerId'] as const;

/** Channel flags of the customer profile, `"1"` when the channel is enabled. */
const CHANNEL_FLAGS = ['sms', 'voice', 'ussd', 'rt', 'fb', 'fbc', 'twitter', 'wechat', 'wa', 'mxit'];

const OPTIONAL_COLUMNS = ['country', 'city', 'channel_pref'];

/** Tenant-wide facts of one app, the same for every user. */
export interface AppCatalog {
  /** Column id of each app profile attribute; the same for every user. */
  attributeIds: Record<AppAttributeName, number>;
  /** The customer profile store that app profiles link to. */
  profileStore: { id: number; name: string };
  /** Customer profile columns in the tenant's order, with their ids. */
  customerColumns: Array<{ name: string; id: number }>;
  /**
   * Whether this tenant sends `status` and `verified` as numbers, as one
   * vendor example does, instead of strings.
   */
  numericFlags: boolean;
}

/** Apps whose catalog is kept; each catalog is well under 2 KB. */
const CATALOG_CACHE_ENTRIES = 1_000;

const catalogs = new LruCache<AppCatalog>(CATALOG_CACHE_ENTRIES, Infinity, () => 1);

/**
 * Returns the catalog of an app, built once per (seed, appId) and then
 * shared. Callers must not change it.
 *
 * @example
 * const catalog = getAppCatalog(1, 'a_636035705699961900');
 */
export function getAppCatalog(seed: number, appId: string): AppCatalog {
  const key = `${seed}:${appId}`;
  const cached = catalogs.get(key);
  if (cached !== undefined) return cached;

  const catalog = buildAppCatalog(seed, appId);
  catalogs.set(key, catalog);
  return catalog;
}

/**
 * Derives the tenant-wide facts of an app from the seed and the app id, so
 * that column ids and the profile store are the same in every response.
 */
export function buildAppCatalog(seed: number, appId: string): AppCatalog {
  const faker = createSeededFaker('app', seed, appId);

  const firstAttributeId = faker.number.int({ min: 10_000, max: 900_000 });
  const attributeIds = Object.fromEntries(
    APP_ATTRIBUTE_NAMES.map((name, index) => [name, firstAttributeId + index]),
  ) as Record<AppAttributeName, number>;

  const tenant = `${faker.word.noun({ length: { min: 3, max: 8 }, strategy: 'closest' })}${faker.string.numeric(4)}`;
  const profileStore = {
    id: faker.number.int({ min: 100, max: 9_999 }),
    name: `${tenant.toLowerCase().replace(/[^a-z0-9]/g, '')}_cpms_1`,
  };

  const customerIdSpelling = faker.datatype.boolean(0.2) ? 'customerid' : 'customerId';
  const names = [
    ...CUSTOMER_COLUMNS.map((name) => (name === 'customerId' ? customerIdSpelling : name)),
    ...CHANNEL_FLAGS.filter(() => faker.datatype.boolean(0.7)),
    ...OPTIONAL_COLUMNS.filter(() => faker.datatype.boolean(0.25)),
  ];
  const firstColumnId = faker.number.int({ min: 1_000, max: 90_000 });
  const customerColumns = names.map((name, index) => ({ name, id: firstColumnId + index }));

  return {
    attributeIds,
    profileStore,
    customerColumns,
    numericFlags: faker.datatype.boolean(0.1),
  };
}
