# Shared by build-app-image.sh and build-deb.sh (sourced, not run).
APP_NAME=SmartStartBackOffice
COMMON_OPTIONS=(--name "$APP_NAME" --vendor "SmartStart"
  --description "Back office of the SmartStart Venture OS: cap tables, KYC review, disputes, legal holds, audit"
  --copyright "SmartStart")

# jpackage of the JDK that runs Maven (JAVA_HOME), else the one on the PATH.
jpackage_tool() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/jpackage" ]]; then
    echo "$JAVA_HOME/bin/jpackage"
  elif command -v jpackage >/dev/null; then
    command -v jpackage
  else
    echo "jpackage not found: install a full JDK 17+ (Debian: openjdk-17-jdk) or set JAVA_HOME" >&2
    return 1
  fi
}

# jpackage wants 1-3 numbers: 0.1.0-SNAPSHOT -> 0.1.0. Default: the version Maven filtered into the jar.
numeric_version() {
  local v="$1"
  if [[ -z "$v" ]]; then
    v=$(sed -n 's/^version=//p' target/classes/version.properties 2>/dev/null || true)
  fi
  v="${v%%-*}"
  [[ "$v" =~ ^[0-9]+(\.[0-9]+){0,2}$ ]] || v=1.0.0
  echo "$v"
}
