#!/usr/bin/env bash
# The issue 8 robustness tests in their long mode (see bench/README.md and docs/RELIABILITY.md).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -o test -Dtest=CapTableAndBuzPropertiesTest -Djqwik.tries.default="${TRIES:-500}"
mvn -B -o test -Dtest=ConcurrentWritersContractTest -Dconcurrency.rounds="${ROUNDS:-10}"
mvn -B -o test -Dtest=AuditTamperTest -Dtamper.changes="${CHANGES:-10000}"
mvn -B -o test -Dtest='CrashRecoveryTest,CrashDuringImportTest' -Dcrash.cycles="${CYCLES:-20}"
mvn -B -o test -Dtest=ApiFuzzTest -Dfuzz.requests="${REQUESTS:-10000}"
