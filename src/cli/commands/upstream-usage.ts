const COMMON_OPTIONS = `  --upstream URL       Base URL of the real service, http:// or https://,
                       such as https://api.us.webexconnect.io. Required,
                       command line only; there is no default.
  --upstream-timeout MS
                       Time allowed for one upstream exchange, from
                       connecting to the last byte, in milliseconds.
                       Default: 10000  [IMICONNECT_MOCK_UPSTREAM_TIMEOUT]
  --host HOST          Address to listen on. Default: 127.0.0.1
                       [IMICONNECT_MOCK_HOST]
  --port PORT          TCP port; 0 picks a free one. Default: 4020
                       [IMICONNECT_MOCK_PORT]
  --spec FILE          OpenAPI document to validate against. Default: the
                       bundled spec/openapi.yaml  [IMICONNECT_MOCK_SPEC]
  --log-level LEVEL    fatal, error, warn, info, debug, trace or silent.
                       Logs go to standard error. Default: info
                       [IMICONNECT_MOCK_LOG_LEVEL]
  -h, --help           Print this help and exit.`;

const COMMON_FOOTER = `Once listening, it prints one line to standard output:
  listening on http://127.0.0.1:4020
An unreachable upstream gives the client HTTP 502 and a timeout HTTP 504,
both as application/problem+json. SIGINT and SIGTERM close open
connections and exit with code 0. Exit code 2 means a bad option or spec,
a port in use, or an output folder that cannot be created.
`;

/** The text of `imiconnect-mock record --help`. */
export const RECORD_USAGE = `Usage: imiconnect-mock record --upstream URL --out DIR [options]

Forwards each Get App Profile request (the v1 and v2 paths) to the real
service, passes the response back unchanged, and stores each code 1000 body
as a fixture <DIR>/<appId>/<identifier>.json with every personal value
replaced by a synthetic one of the same format. The identifier in the file
name is replaced too, consistently with the userId inside. Other codes are
passed back and not stored. Replay the folder with
imiconnect-mock --fixtures DIR and the synthetic identifier, which is the
file name and is sent in the x-imiconnect-mock-fixture response header.

Options:
  --out DIR            Folder to write fixtures to; created if missing.
                       Required.  [IMICONNECT_MOCK_OUT]
  --key KEY            Key sent upstream in place of the client's key
                       header. The environment variable keeps it out of
                       the process list. Default: the client's header
                       [IMICONNECT_MOCK_UPSTREAM_KEY]
  --keep-identifiers   Name fixtures by the real identifier. Use it only
                       when identifiers are not personal data.
${COMMON_OPTIONS}

The key is never written to a fixture or a log. The log shows each stored
fixture's path and, at the end, counts of replaced values and identifiers.
${COMMON_FOOTER}`;

/** The text of `imiconnect-mock proxy --help`. */
export const PROXY_USAGE = `Usage: imiconnect-mock proxy --upstream URL [options]

Forwards every request (method, path, query, headers including key, body)
to the real service and passes the response back unchanged. Each response
of an operation of the spec is validated against that operation's response
schema; drift is logged at warn level with its violations and reported in
the response header
  x-imiconnect-mock-drift: 2 violations; /code must be string
which is "none" for a response that matches the spec.

Options:
${COMMON_OPTIONS}

${COMMON_FOOTER}`;
