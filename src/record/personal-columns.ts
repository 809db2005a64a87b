/** Class of a column, which decides whether the recorder replaces its value. */
export type ColumnKind = 'personal' | 'kept' | 'unknown';

/**
 * Columns whose values can identify a person or a device, by normalized
 * name (lower case, letters and digits only), so `customerId` and
 * `customerid` are one entry.
 */
const PERSONAL_COLUMNS = new Set([
  // People and their contact points.
  'msisdn', 'mobile', 'phone', 'phonenumber', 'email', 'emailid', 'name',
  'firstname', 'lastname', 'fullname', 'displayname', 'username',
  'customerid', 'userid', 'dob', 'dateofbirth', 'birthdate', 'birthday',
  // Devices, push tokens and real-time messaging ids.
  'deviceid', 'pushid', 'iosfcmpushid', 'fcmpushid', 'fcmtoken', 'apnstoken',
  'devicetoken', 'token', 'rtmid', 'advertisingid', 'idfa', 'gaid', 'imei',
  'imsi', 'macaddress', 'serialnumber', 'useragent',
  // Social channel accounts.
  'twitterid', 'twitterhandle', 'twittername', 'screenname', 'fbid',
  'facebookid', 'wechatid', 'waid', 'whatsappid',
  // Network and place.
  'ip', 'ipaddress', 'geolocation', 'location', 'latitude', 'longitude',
  'lat', 'lng', 'lon', 'city', 'address', 'street', 'zip', 'zipcode',
  'postcode', 'postalcode',
]);

/**
 * Columns seen in vendor examples whose values describe the app, the
 * platform or a channel setting rather than a person.
 */
const KEPT_COLUMNS = new Set([
  'verified', 'os', 'osversion', 'language', 'timezone', 'foreground',
  'guest', 'status', 'createdon', 'updatedon', 'lastopened', 'make', 'model',
  'resolution', 'appversion', 'sdkversion', 'channel', 'channelpref',
  'country', 'connectstatus', 'timespent', 'platform',
  // Channel flags of the customer profile, "1" when the channel is enabled.
  'sms', 'voice', 'ussd', 'rt', 'fb', 'fbc', 'twitter', 'wechat', 'wa', 'mxit',
]);

/**
 * Classifies a column by its name. A name on neither list is `unknown`, and
 * the recorder replaces its values too, because a new column is more
 * likely to carry personal data than to be harmless.
 *
 * @example
 * classifyColumn('ios_fcmpushid'); // 'personal'
 */
export function classifyColumn(name: string): ColumnKind {
  const normalized = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (PERSONAL_COLUMNS.has(normalized)) return 'personal';
  if (KEPT_COLUMNS.has(normalized)) return 'kept';
  return 'unknown';
}

/**
 * Tells whether a value carries no information about a person whatever its
 * column: empty, a boolean or a 0/1 flag.
 */
export function isNeutralValue(value: unknown): boolean {
  if (typeof value === 'boolean' || value === null) return true;
  const text = String(value).trim().toLowerCase();
  return ['', '0', '1', 'true', 'false'].includes(text);
}
