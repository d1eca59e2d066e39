#!/usr/bin/env bash
# Runs the conformance suite: python-openstackclient against the embedded cloud.
# Exits non-zero when any check fails. CONFORMANCE_PORT picks the port (default 8790).
set -euo pipefail
cd "$(dirname "$0")/.."
# The openrc checks download the files from the built dashboard.
node scripts/build-if-needed-cli.mjs
exec npx vitest run --config conformance/vitest.config.ts "$@"
