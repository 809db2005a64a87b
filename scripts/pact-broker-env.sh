# Checks the Pact Broker settings that pact-publish.sh and
# pact-can-i-deploy.sh need, and exits 2 before any call when one is unset.
# Sourced, not run.
export PACT_DO_NOT_TRACK=true

missing=()
[[ -n "${PACT_BROKER_BASE_URL:-}" ]] || missing+=(PACT_BROKER_BASE_URL)
[[ -n "${PACT_BROKER_TOKEN:-}" ]] || missing+=(PACT_BROKER_TOKEN)
if ((${#missing[@]} > 0)); then
  echo "Missing ${missing[0]}${missing[1]:+ and ${missing[1]}}: set PACT_BROKER_BASE_URL to the URL of your Pact Broker (such as https://your-org.pactflow.io) and PACT_BROKER_TOKEN to a token that may publish and read pacts. Nothing was sent." >&2
  exit 2
fi

# The version and branch of this build: the CI's values when set, else git's.
PACT_VERSION="${PACT_CONSUMER_VERSION:-$(git rev-parse HEAD)}"
PACT_BRANCH="${PACT_CONSUMER_BRANCH:-$(git rev-parse --abbrev-ref HEAD)}"
PACT_BROKER_BIN="$(dirname "${BASH_SOURCE[0]}")/../node_modules/.bin/pact-broker"
