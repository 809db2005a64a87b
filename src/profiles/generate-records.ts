import type { Faker } from '@faker-js/faker';

import type { AppProfileRecord, Column, ProfileLink } from '../envelope/envelope';
import {
  APP_ATTRIBUTE_NAMES,
  getAppCatalog,
  type AppAttributeName,
  type AppCatalog,
} from './app-catalog';
import { createSeededFaker } from './seeded-faker';
import {
  formatCreatedOn,
  formatLastOpened,
  makeApnsToken,
  makeFcmToken,
} from './value-formats';

/** Share of users linked to a customer profile; the rest have empty OutwardLinks. */
const LINKED_USER_SHARE = 0.8;

/** Devices per user: weights for one, two, three and four devices. */
const DEVICE_COUNT_WEIGHTS = [
  { value: 1, weight: 55 },
  { value: 2, weight: 25 },
  { value: 3, weight: 12 },
  { value: 4, weight: 8 },
];

// Fixed bounds keep generated dates the same from one day to the next.
const FIRST_CREATED = new Date('2016-01-01T00:00:00Z');
const LAST_CREATED = new Date('2026-06-30T23:59:59Z');
const LAST_OPENED = new Date('2026-11-30T23:59:59Z');

interface Customer {
  customerId: string;
  row: Column[];
}

/**
 * Generates the app profile records of one user: one per device, 1 to 4.
 * The result depends only on (seed, appId, identifier), so the same request
 * returns the same records on every call and on every replica.
 *
 * @example
 * const records = generateRecords(1, 'a_636035705699961900', 'user-1');
 */
export function generateRecords(
  seed: number,
  appId: string,
  identifier: string,
): AppProfileRecord[] {
  // The catalog comes first: building it reseeds the shared Faker.
  const catalog = getAppCatalog(seed, appId);
  const faker = createSeededFaker('user', seed, appId, identifier);

  const deviceCount = faker.helpers.weightedArrayElement(DEVICE_COUNT_WEIGHTS);
  const customer = faker.datatype.boolean(LINKED_USER_SHARE)
    ? generateCustomer(faker, catalog)
    : undefined;

  return Array.from({ length: deviceCount }, (_, index) => {
    // The first device of a linked user is always linked; later ones may
    // predate the user's sign-in and stay unlinked.
    const linked = customer !== undefined && (index === 0 || faker.datatype.boolean(0.75));
    return generateDevice(faker, catalog, identifier, linked ? customer : undefined);
  });
}

function generateCustomer(faker: Faker, catalog: AppCatalog): Customer {
  const firstName = faker.person.firstName();
  const lastName = faker.person.lastName();
  const customerId = faker.string.numeric({ length: { min: 4, max: 8 }, allowLeadingZeros: false });
  const values: Record<string, string> = {
    msisdn: `${faker.helpers.arrayElement(['1', '44', '61', '65', '91', '971'])}${faker.string.numeric(10)}`,
    email: faker.internet.email({
      firstName,
      lastName,
      provider: faker.helpers.arrayElement(['example.com', 'example.net', 'example.org']),
    }),
    name: `${firstName} ${lastName}`,
    customerId,
    customerid: customerId,
    country: faker.location.countryCode(),
    city: faker.location.city(),
    channel_pref: faker.helpers.arrayElement(['sms', 'email', 'push', 'false']),
  };

  const row = catalog.customerColumns.map(({ name, id }) =>
    column(name, id, values[name] ?? '1'),
  );
  return { customerId, row };
}

function generateDevice(
  faker: Faker,
  catalog: AppCatalog,
  identifier: string,
  customer: Customer | undefined,
): AppProfileRecord {
  const values = generateAttributeValues(faker, catalog, identifier, customer);
  const attributes = APP_ATTRIBUTE_NAMES.map((name) =>
    column(name, catalog.attributeIds[name], values[name]),
  );
  const outwardLinks: ProfileLink[] = customer
    ? [
        {
          ProfileID: catalog.profileStore.id,
          ProfileName: catalog.profileStore.name,
          Records: [customer.row.map((cell) => ({ ...cell }))],
        },
      ]
    : [];

  return { OutwardLinks: outwardLinks, Attributes: attributes, InwardLinks: [] };
}

function generateAttributeValues(
  faker: Faker,
  catalog: AppCatalog,
  identifier: string,
  customer: Customer | undefined,
): Record<AppAttributeName, string | number> {
  const isIos = faker.datatype.boolean(0.4);
  const deviceId = isIos
    ? faker.string.uuid().toUpperCase()
    : faker.string.hexadecimal({ length: 16, casing: 'lower', prefix: '' });
  const createdOn = faker.date.between({ from: FIRST_CREATED, to: LAST_CREATED });
  const flag = (isSet: boolean) => (catalog.numericFlags ? Number(isSet) : isSet ? '1' : '0');

  return {
    verified: flag(customer !== undefined && faker.datatype.boolean(0.7)),
    customerId: customer?.customerId ?? '',
    userId: identifier,
    deviceId,
    os: isIos ? 'iOS' : 'Android',
    pushId: faker.datatype.boolean(0.25) ? '' : makePushToken(faker, isIos),
    rtmId: faker.datatype.boolean(0.7) ? faker.string.uuid() : `${identifier}_${deviceId}`,
    last_opened: faker.datatype.boolean(0.35)
      ? ''
      : formatLastOpened(faker, faker.date.between({ from: createdOn, to: LAST_OPENED })),
    ios_fcmpushid: isIos && faker.datatype.boolean(0.5) ? makeFcmToken(faker) : '',
    language: faker.datatype.boolean(0.5)
      ? ''
      : faker.helpers.arrayElement(['en', 'en-GB', 'es', 'fr', 'de', 'hi', 'ar', 'pt-BR']),
    timezone: faker.datatype.boolean(0.5) ? '' : faker.location.timeZone(),
    foreground: faker.helpers.arrayElement(['', 'true', 'false']),
    guest: faker.datatype.boolean(0.05) ? 'true' : 'false',
    status: flag(faker.datatype.boolean(0.8)),
    createdOn: formatCreatedOn(createdOn),
  };
}

/** Makes the push token of a device: APNs on iOS, FCM on Android. */
function makePushToken(faker: Faker, isIos: boolean): string {
  if (isIos) return makeApnsToken(faker);
  return makeFcmToken(faker);
}

function column(name: string, id: number, value: string | number): Column {
  return { Value: value, ID: id, Name: name };
}
