import { parseUpstreamCliOptions } from '../../src/cli/commands/upstream-cli-options';

const UPSTREAM = ['--upstream', 'http://127.0.0.1:9'];

describe('parseUpstreamCliOptions', () => {
  it('applies the defaults', () => {
    const options = parseUpstreamCliOptions('proxy', UPSTREAM, {});

    expect(options.host).toBe('127.0.0.1');
    expect(options.port).toBe(4020);
    expect(options.upstreamTimeoutMs).toBe(10_000);
    expect(options.upstream?.href).toBe('http://127.0.0.1:9/');
    expect(options.key).toBeUndefined();
  });

  it('rejects a missing upstream', () => {
    expect(() => parseUpstreamCliOptions('proxy', [], {})).toThrow('Missing --upstream');
  });

  it('reads no upstream from the environment', () => {
    expect(() => parseUpstreamCliOptions('proxy', [], { IMICONNECT_MOCK_UPSTREAM: 'http://127.0.0.1:9' })).toThrow(
      'Missing --upstream',
    );
  });

  it('rejects record without --out', () => {
    expect(() => parseUpstreamCliOptions('record', UPSTREAM, {})).toThrow('Missing --out');
  });

  it('reads the key from the environment', () => {
    const options = parseUpstreamCliOptions('record', [...UPSTREAM, '--out', 'o'], {
      IMICONNECT_MOCK_UPSTREAM_KEY: 'env-key',
    });

    expect(options.key).toBe('env-key');
  });

  it('prefers --key to the environment', () => {
    const options = parseUpstreamCliOptions('record', [...UPSTREAM, '--out', 'o', '--key', 'flag-key'], {
      IMICONNECT_MOCK_UPSTREAM_KEY: 'env-key',
    });

    expect(options.key).toBe('flag-key');
  });

  it('rejects a key with a line break without echoing it', () => {
    const parse = () => parseUpstreamCliOptions('record', [...UPSTREAM, '--out', 'o', '--key', 'abc\ndef'], {});

    expect(parse).toThrow('Invalid --key');
    expect(parse).not.toThrow('abc');
  });

  it('rejects record flags on proxy', () => {
    expect(() => parseUpstreamCliOptions('proxy', [...UPSTREAM, '--out', 'o'], {})).toThrow(
      'imiconnect-mock proxy --help',
    );
  });

  it('rejects a timeout of zero', () => {
    expect(() => parseUpstreamCliOptions('proxy', [...UPSTREAM, '--upstream-timeout', '0'], {})).toThrow(
      'Invalid --upstream-timeout "0": use an integer from 1 to 600000.',
    );
  });

  it('needs no upstream for help', () => {
    expect(parseUpstreamCliOptions('record', ['--help'], {}).help).toBe(true);
  });
});
