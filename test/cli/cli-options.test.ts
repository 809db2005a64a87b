import { parseCliOptions } from '../../src/cli/cli-options';
import { DEFAULT_SPEC_FILE } from '../../src/options';

describe('parseCliOptions', () => {
  it('returns the defaults', () => {
    expect(parseCliOptions([], {})).toEqual({
      host: '127.0.0.1',
      port: 4020,
      seed: 1,
      spec: DEFAULT_SPEC_FILE,
      fixtures: undefined,
      keys: undefined,
      errorStatus: '200',
      maxBodyBytes: 102_400,
      maxHeaderBytes: 16_384,
      workers: 1,
      logLevel: 'info',
      scenarios: undefined,
      watch: false,
      admin: true,
      adminToken: undefined,
      journalSize: 1000,
      help: false,
      version: false,
    });
  });

  it('reads environment variables', () => {
    const options = parseCliOptions([], {
      IMICONNECT_MOCK_PORT: '5000',
      IMICONNECT_MOCK_SEED: '42',
      IMICONNECT_MOCK_KEYS: 'a, b',
      IMICONNECT_MOCK_LOG_LEVEL: 'warn',
    });

    expect(options.port).toBe(5000);
    expect(options.seed).toBe(42);
    expect(options.keys).toEqual(['a', 'b']);
    expect(options.logLevel).toBe('warn');
  });

  it('lets flags override variables', () => {
    const options = parseCliOptions(['--port', '0', '--error-status=4xx'], {
      IMICONNECT_MOCK_PORT: '5000',
      IMICONNECT_MOCK_ERROR_STATUS: '200',
    });

    expect(options.port).toBe(0);
    expect(options.errorStatus).toBe('4xx');
  });

  it('treats an empty variable as unset', () => {
    expect(parseCliOptions([], { IMICONNECT_MOCK_PORT: '' }).port).toBe(4020);
  });

  it.each([
    [['--seed=-1'], /Invalid --seed "-1"/],
    [['--seed', '-1'], /argument is ambiguous.*use '--seed=-XYZ'/],
    [['--seed', '4294967296'], /integer from 0 to 4294967295/],
    [['--keys', ' , '], /list one or more keys/],
    [['--log-level', 'verbose'], /Invalid --log-level "verbose": use one of fatal/],
    [['--max-body', '0'], /Invalid --max-body "0"/],
    [['extra'], /Unexpected argument 'extra'/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseCliOptions(argv, {})).toThrow(message);
  });
});
