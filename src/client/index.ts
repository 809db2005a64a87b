export {
  createAppProfileClient,
  DEFAULT_TIMEOUT_MS,
  type AppProfileClient,
  type AppProfileClientOptions,
} from './create-app-profile-client';
export {
  AppProfileClientError,
  AppProfileApiError,
  AppProfileTimeoutError,
  AppProfileNetworkError,
  AppProfileResponseError,
  type VendorErrorDetails,
} from './client-errors';
export { readAttribute, readLinkedCustomers, findColumn } from './read-attribute';
export { REGION_HOSTS, REGIONS, regionBaseUrl, type Region } from './regions';
export type {
  AppProfile,
  AppProfileResponse,
  AppProfileErrorResponse,
  ProfileRecord,
  ProfileColumn,
  ProfileRecordLink,
} from './profile-types';
