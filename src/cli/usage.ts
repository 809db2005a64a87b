/** The text of `imiconnect-mock --help`. */
export const USAGE = `Usage: imiconnect-mock [options]

Serves a mock of the imiconnect (Webex Connect) Profile API v2 endpoint
GET /resources/v2/customerappprofile/{appId}?identifier={userId}.
Each option can also be set as an environment variable, shown in brackets;
a flag overrides its variable.

Options:
  --host HOST          Address to listen on. Default: 127.0.0.1. Any
                       address other than loopback logs a warning.
                       [IMICONNECT_MOCK_HOST]
  --port PORT          TCP port; 0 picks a free one. Default: 4020
                       [IMICONNECT_MOCK_PORT]
  --seed N             Seed of the generated profiles, an integer from 0 to
                       4294967295. Default: 1  [IMICONNECT_MOCK_SEED]
  --spec FILE          OpenAPI document to serve. Default: the bundled
                       spec/openapi.yaml  [IMICONNECT_MOCK_SPEC]
  --fixtures DIR       Folder of stored bodies, <appId>/<identifier>.json,
                       served instead of generated profiles. Default: none
                       [IMICONNECT_MOCK_FIXTURES]
  --keys K1,K2         Keys accepted in the key header, separated by commas.
                       Default: any non-empty key  [IMICONNECT_MOCK_KEYS]
  --error-status P     HTTP status of error codes: 200 (code in the body
                       only) or 4xx (400 for 7000 and 7003, 401 for 7001).
                       Default: 200  [IMICONNECT_MOCK_ERROR_STATUS]
  --max-body BYTES     Largest request body read; larger ones get HTTP 413.
                       Default: 102400  [IMICONNECT_MOCK_MAX_BODY]
  --max-header-bytes N Largest request line plus headers, in bytes; larger
                       requests get HTTP 431. Default: 16384, Node's limit
                       [IMICONNECT_MOCK_MAX_HEADER_BYTES]
  --workers N          Processes that serve requests on the same port, from
                       1 to 64; use the number of cores for the most
                       requests/s. Each worker has its own caches and
                       state. Default: 1  [IMICONNECT_MOCK_WORKERS]
  --log-level LEVEL    fatal, error, warn, info, debug, trace or silent.
                       Logs go to standard error. Default: info
                       [IMICONNECT_MOCK_LOG_LEVEL]
  --scenarios FILE     Scenario file, YAML or JSON, checked against
                       spec/scenarios.schema.json; see docs/scenarios.md.
                       Default: none  [IMICONNECT_MOCK_SCENARIOS]
  --watch              Reload the scenario file when it changes; an invalid
                       version is logged and the last good one kept.
                       Default: off  [IMICONNECT_MOCK_WATCH=true]
  --no-admin           Turn off the admin API under /__admin.
                       Default: on  [IMICONNECT_MOCK_ADMIN=false]
  --admin-token TOKEN  Token the admin API requires, as "Authorization:
                       Bearer TOKEN" or "x-admin-token: TOKEN"; health and
                       readiness stay open. Default: none
                       [IMICONNECT_MOCK_ADMIN_TOKEN]
  --journal-size N     Requests kept in each session's journal.
                       Default: 1000  [IMICONNECT_MOCK_JOURNAL_SIZE]
  -h, --help           Print this help and exit.
  --version            Print the version and exit.

Commands (each has its own --help):
  record --upstream URL --out DIR
                       Forward to the real service and store anonymized
                       fixtures for --fixtures.
  proxy --upstream URL Forward to the real service and report responses
                       that drift from the spec.

Once listening, the mock prints one line to standard output:
  listening on http://127.0.0.1:4020
SIGINT and SIGTERM close open connections and exit with code 0.
Exit code 2 means a bad option, spec, fixture or scenario file, or a port
in use.
`;
