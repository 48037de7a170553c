#!/usr/bin/env bash
# Builds the jpackage app image target/app-image/SmartStartBackOffice from target/backoffice.jar and
# target/lib/*.jar (run `mvn package` first; `mvn verify` runs this itself).
#   usage: packaging/build-app-image.sh [version]
set -euo pipefail
cd "$(dirname "$0")/.."
. packaging/jpackage-common.sh

version=$(numeric_version "${1:-}")
rm -rf target/jpackage-input target/app-image
mkdir -p target/jpackage-input/lib
cp target/backoffice.jar target/jpackage-input/
cp target/lib/*.jar target/jpackage-input/lib/

"$(jpackage_tool)" --type app-image \
  "${COMMON_OPTIONS[@]}" \
  --app-version "$version" \
  --input target/jpackage-input \
  --main-jar backoffice.jar \
  --main-class org.smartstart.backoffice.cli.Main \
  --icon packaging/icon.png \
  --java-options -Xmx512m \
  --dest target/app-image

echo "App image: target/app-image/$APP_NAME (launcher bin/$APP_NAME)"
