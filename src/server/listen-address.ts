/** Where a server listens. */
export interface ListenAddress {
  host: string;
  /** TCP port; 0 picks a free one. */
  port: number;
}
