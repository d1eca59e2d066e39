#!/usr/bin/env bash
# Logs in through the BFF against Debian's real Keystone (started on loopback by shared/tools/keystone-up.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
shared=${ZENITH_SHARED:-$(pwd)/../shared}
script="$shared/tools/keystone-up.sh"
if [[ ! -x $script && ! -f $script ]]; then
  echo "integration: $script not found; set ZENITH_SHARED to the folder holding tools/keystone-up.sh" >&2
  exit 1
fi
export KS_PORT=${KS_PORT:-5000}
bash "$script"
node scripts/build-if-needed-cli.mjs
exec npx vitest run --config integration/keystone/vitest.config.ts
