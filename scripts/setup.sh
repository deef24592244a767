#!/usr/bin/env bash
# Installs what tsunagu needs on a Debian 12 machine. Idempotent: does nothing when all is there.
set -euo pipefail
cd "$(dirname "$0")/.."

DEBIAN_PACKAGES=(
  build-essential cmake pkg-config
  libyaml-cpp-dev libicu-dev libcmark-gfm-dev libcmark-gfm-extensions-dev
  nlohmann-json3-dev libcpp-httplib-dev doctest-dev
  default-jre-headless chromium
  fonts-morisawa-bizud-gothic fonts-morisawa-bizud-mincho
  libqrencode-dev libqpdf-dev
  poppler-utils zbar-tools qpdf
)

missing=()
for p in "${DEBIAN_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# Node: use the machine's own Node when present; Debian's only where node is missing.
command -v node >/dev/null 2>&1 || missing+=(nodejs npm)

if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then SUDO=(); elif command -v sudo >/dev/null; then SUDO=(sudo); else
    echo "setup: need root or sudo to install: ${missing[*]}" >&2; exit 1; fi
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Test tools from npm, exactly as locked. Re-run only when the lock file changed.
stamp=node_modules/.tsunagu-lock-stamp
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sum" ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_sum" > "$stamp"
fi
