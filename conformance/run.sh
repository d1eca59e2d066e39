#!/usr/bin/env bash
# Runs the conformance suite: python-openstackclient against the embedded cloud.
# Exits non-zero when any check fails. CONFORMANCE_PORT picks the port (default 8790).
set -euo pipefail
cd "$(dirname "$0")/.."
exec npx vitest run --config conformance/vitest.config.ts "$@"
