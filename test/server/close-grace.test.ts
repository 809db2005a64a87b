import { createApp } from '../../src/http/create-app';
import { listen } from '../../src/server/listen';
import { loadBundledSpec, PROFILE_PATH } from '../helpers/mock-spec';

describe('listen close', () => {
  it('lets a request in flight finish', async () => {
    const running = await listen(createApp({ spec: await loadBundledSpec() }), {
      host: '127.0.0.1',
      port: 0,
    });

    const pending = fetch(`${running.url}${PROFILE_PATH}?identifier=user-1`, {
      headers: { key: 'any', prefer: 'delay=100' },
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    const closed = running.close();
    const res = await pending;
    const body = (await res.json()) as { code: string };
    await closed;

    expect(res.status).toBe(200);
    expect(body.code).toBe('1000');
  });
});
