import { buildUpstreamUrl } from '../../src/upstream/forward-request';
import { copyEndToEndHeaders } from '../../src/upstream/forwarded-headers';
import { describeUpstream, parseUpstreamUrl } from '../../src/upstream/upstream-url';

describe('parseUpstreamUrl', () => {
  it('accepts an https base URL', () => {
    expect(parseUpstreamUrl('https://api.us.webexconnect.io').href).toBe('https://api.us.webexconnect.io/');
  });

  it.each([
    ['not a URL', 'api.us.webexconnect.io', 'not a URL'],
    ['another scheme', 'ftp://127.0.0.1/', 'the scheme ftp: is not supported'],
    ['credentials', 'http://user:secret@127.0.0.1/', 'contains a user name or password'],
    ['a query', 'http://127.0.0.1/?a=1', 'remove the query and fragment'],
  ])('rejects %s', (_case, value, message) => {
    expect(() => parseUpstreamUrl(value)).toThrow(message);
  });

  it('never echoes credentials', () => {
    expect(() => parseUpstreamUrl('http://user:secret@127.0.0.1/')).not.toThrow('secret');
  });
});

describe('buildUpstreamUrl', () => {
  it('appends path and query to the base path', () => {
    const url = buildUpstreamUrl(new URL('http://127.0.0.1:9/base/'), '/resources/v2/x?identifier=a%20b');

    expect(url.href).toBe('http://127.0.0.1:9/base/resources/v2/x?identifier=a%20b');
  });

  it('describes the base without a trailing slash', () => {
    expect(describeUpstream(new URL('http://127.0.0.1:9/base/'))).toBe('http://127.0.0.1:9/base');
  });
});

describe('copyEndToEndHeaders', () => {
  it('drops hop-by-hop headers and those Connection names', () => {
    const copy = copyEndToEndHeaders({
      host: '127.0.0.1',
      connection: 'keep-alive, x-hop',
      'x-hop': '1',
      'transfer-encoding': 'chunked',
      'content-length': '3',
      key: 'k',
      accept: 'application/json',
    });

    expect(copy).toEqual({ key: 'k', accept: 'application/json' });
  });
});
