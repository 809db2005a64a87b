#!/usr/bin/env bash
# Publishes the pact files in contracts/ to the Pact Broker, tagged with the
# git commit and branch of this build.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/pact-broker-env.sh

exec "$PACT_BROKER_BIN" publish contracts \
  --broker-base-url "$PACT_BROKER_BASE_URL" \
  --broker-token "$PACT_BROKER_TOKEN" \
  --consumer-app-version "$PACT_VERSION" \
  --branch "$PACT_BRANCH"
