#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages sharelens needs, and only those that are missing.
# Usage: scripts/setup.sh [extra-package …]   (extra packages: test tools a target needs)
# Uses sudo when not root. Never touches a package that is already installed.
set -euo pipefail

needed=(libgsl-dev zlib1g-dev libpq-dev librsvg2-dev pkg-config "$@")
missing=()
for pkg in "${needed[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$pkg")
  fi
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "setup: need root or sudo to install ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

command -v swift >/dev/null || {
  echo "setup: the Swift toolchain (6.0 or newer) is not on PATH; install it from swift.org first" >&2
  exit 1
}
