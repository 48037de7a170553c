#!/usr/bin/env bash
# Starts the packaged launcher headless with --version and fails unless it prints
# "SmartStart Back Office <version>".   usage: packaging/check-launcher.sh <expected-version>
set -euo pipefail
cd "$(dirname "$0")/.."
expected="SmartStart Back Office ${1:?usage: check-launcher.sh <version>}"
launcher=target/app-image/SmartStartBackOffice/bin/SmartStartBackOffice

if [[ ! -x "$launcher" ]]; then
  echo "check-launcher: no packaged launcher at $launcher (packaging/build-app-image.sh builds it)" >&2
  exit 1
fi
set +e
actual=$(env -u DISPLAY -u WAYLAND_DISPLAY "$launcher" --version 2>&1)
status=$?
set -e
if [[ $status -ne 0 || "$actual" != "$expected" ]]; then
  echo "check-launcher: FAILED: $launcher --version exited $status and printed:" >&2
  echo "$actual" >&2
  echo "check-launcher: expected exactly: $expected" >&2
  exit 1
fi
echo "check-launcher: $launcher --version -> $actual"
