#!/usr/bin/env bash
# Builds target/dist/smartstart-backoffice_<version>_<arch>.deb from the app image
# (packaging/build-app-image.sh first; `mvn -Pdeb package` runs both). Needs fakeroot and dpkg-deb.
# Installs to /opt/smartstart-backoffice with a menu entry (packaging/linux/SmartStartBackOffice.desktop).
#   usage: packaging/build-deb.sh [version]
set -euo pipefail
cd "$(dirname "$0")/.."
. packaging/jpackage-common.sh

version=$(numeric_version "${1:-}")
for tool in fakeroot dpkg-deb; do
  command -v "$tool" >/dev/null || { echo "build-deb: $tool is missing (Debian: apt-get install fakeroot dpkg-dev)" >&2; exit 1; }
done
if [[ ! -d "target/app-image/$APP_NAME" ]]; then
  packaging/build-app-image.sh "$version"
fi
rm -rf target/dist
mkdir -p target/dist

"$(jpackage_tool)" --type deb \
  "${COMMON_OPTIONS[@]}" \
  --app-version "$version" \
  --app-image "target/app-image/$APP_NAME" \
  --icon packaging/icon.png \
  --resource-dir packaging/linux \
  --linux-package-name smartstart-backoffice \
  --linux-package-deps libgtk-3-0 \
  --linux-shortcut \
  --linux-menu-group Office \
  --linux-app-category office \
  --linux-deb-maintainer "backoffice@smartstart.example" \
  --dest target/dist

ls -1 target/dist/*.deb
