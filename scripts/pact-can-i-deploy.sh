#!/usr/bin/env bash
# Asks the Pact Broker whether this version of the consumer may be deployed
# to PACT_ENVIRONMENT (default: production), that is whether every provider
# version there has verified its pacts.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/pact-broker-env.sh

exec "$PACT_BROKER_BIN" can-i-deploy \
  --broker-base-url "$PACT_BROKER_BASE_URL" \
  --broker-token "$PACT_BROKER_TOKEN" \
  --pacticipant app-profile-client \
  --version "$PACT_VERSION" \
  --to-environment "${PACT_ENVIRONMENT:-production}"
