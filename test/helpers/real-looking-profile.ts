import type { Column, VendorEnvelope } from '../../src/envelope/envelope';

/** The key the tests send; it must never reach a written file or a log. */
export const SECRET_KEY = 'c0ffee00-1234-4abc-8def-5e5e5e5e5e5e';

export const REAL_IDENTIFIER = 'alice.walker-5531';
export const REAL_CUSTOMER_ID = '88231947';

/** Personal values of the profile below, each of which must be replaced. */
export const PERSONAL_VALUES = [
  REAL_IDENTIFIER,
  REAL_CUSTOMER_ID,
  '447911123456',
  'alice.walker@corp-mail.co.uk',
  'Alice Walker',
  'a3f9c2e17b4d8e06',
  'b71e90c4d2a85f13',
  '5f0c9a7d3e2b41c6b8a9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6',
  'e3d1b2c4-7a8f-4e6d-9b1c-2f3e4d5c6b7a',
  `${REAL_IDENTIFIER}_b71e90c4d2a85f13`,
  '81.2.69.160',
  '53.4808,-2.2426',
  'Manchester',
  '1402938475',
  'alicewalks',
  'Alice W',
];

function column(Name: string, Value: string | number, ID: number): Column {
  return { Name, Value, ID };
}

function attributes(deviceId: string, rtmId: string, pushId: string): Column[] {
  return [
    column('verified', '1', 101),
    column('customerId', REAL_CUSTOMER_ID, 102),
    column('userId', REAL_IDENTIFIER, 103),
    column('deviceId', deviceId, 104),
    column('os', 'iOS', 105),
    column('pushId', pushId, 106),
    column('rtmId', rtmId, 107),
    column('last_opened', '2024-02-01T09:15:00+0000', 108),
    column('ios_fcmpushid', '', 109),
    column('language', 'en-GB', 110),
    column('timezone', 'Europe/London', 111),
    column('guest', 'false', 112),
    column('status', 1, 113),
    column('createdOn', '2021-03-04 10:11:12', 114),
    column('IP', '81.2.69.160', 115),
    column('geolocation', '53.4808,-2.2426', 116),
    column('twitterid', '1402938475', 117),
    column('twitter_handle', 'alicewalks', 118),
    column('twitter_name', 'Alice W', 119),
    column('loyalty_tier', 'gold', 120),
  ];
}

function customerRow(): Column[] {
  return [
    column('customerid', REAL_CUSTOMER_ID, 201),
    column('msisdn', '447911123456', 202),
    column('email', 'alice.walker@corp-mail.co.uk', 203),
    column('name', 'Alice Walker', 204),
    column('city', 'Manchester', 205),
    column('country', 'GB', 206),
    column('sms', '1', 207),
    column('wa', '1', 208),
  ];
}

/** Builds a 1000 body for a user with two devices, both linked to one customer. */
export function buildRealProfile(): VendorEnvelope {
  const link = { ProfileID: 3030, ProfileName: 'acme9939_cpms_1', Records: [customerRow()] };
  return {
    Status: 0,
    Description: 'success',
    code: '1000',
    transid: '94982483-b421-4e8a-a30f-b4b3e9035bca',
    Records: [
      {
        OutwardLinks: [link],
        Attributes: attributes(
          'a3f9c2e17b4d8e06',
          'e3d1b2c4-7a8f-4e6d-9b1c-2f3e4d5c6b7a',
          '5f0c9a7d3e2b41c6b8a9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6',
        ),
        InwardLinks: [],
      },
      {
        OutwardLinks: [structuredClone(link)],
        Attributes: attributes('b71e90c4d2a85f13', `${REAL_IDENTIFIER}_b71e90c4d2a85f13`, ''),
        InwardLinks: [],
      },
    ],
  };
}

/** Returns the value of the first column with this name, in a list of columns. */
export function valueOf(columns: Column[], name: string): string | number | undefined {
  return columns.find((entry) => entry.Name === name)?.Value;
}
