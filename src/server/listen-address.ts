/** Host and port a server listens on. */
export interface ListenAddress {
  host: string;
  /** TCP port; 0 picks a free one. */
  port: number;
}
