import type { components } from './generated/spec-types';

type Schemas = components['schemas'];

/** The 1000 body of Get App Profile, as the spec defines it. */
export type AppProfileResponse = Schemas['AppProfileResponse'];

/** The body of a vendor error code, as the spec defines it. */
export type AppProfileErrorResponse = Schemas['ErrorResponse'];

/** One app profile, that is one device of the app user. */
export type ProfileRecord = Schemas['AppProfileRecord'];

/** One named value of an app profile or of a linked customer row. */
export type ProfileColumn = Schemas['Column'];

/** A link from an app profile to a profile store, such as the customer profile. */
export type ProfileRecordLink = Schemas['ProfileLink'];

/** The result of a successful Get App Profile call. */
export interface AppProfile {
  /** The id the service gave this call; quote it to the vendor's support. */
  transid: string;
  /** One record per device of the user; empty for a user without app profiles. */
  records: ProfileRecord[];
}
