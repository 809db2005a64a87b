import pino from 'pino';

import { listen, type RunningServer } from '../server/listen';
import type { ListenAddress } from '../server/listen-address';
import { describeUpstream } from '../upstream/upstream-url';
import { createProxyApp, type ProxyOptions } from './create-proxy-app';

/**
 * Starts the validating proxy on host and port.
 *
 * @example
 * const proxy = await startProxy({ spec, upstream, host: '127.0.0.1', port: 0 });
 * await proxy.close();
 */
export async function startProxy(options: ProxyOptions & ListenAddress): Promise<RunningServer> {
  const logger = options.logger ?? pino({ level: 'silent' });
  const running = await listen(createProxyApp({ ...options, logger }), options);
  logger.info({ url: running.url, upstream: describeUpstream(options.upstream) }, 'proxy started');
  return running;
}
