#!/usr/bin/env bash
# Installs the system packages ssl needs on Debian/Ubuntu when any is missing.
# Idempotent and quiet when everything is present. Uses sudo when not root.
set -euo pipefail

packages=(libopenblas-dev libedit-dev libgd-dev libsqlite3-dev libc6-dev pkg-config fonts-dejavu-core)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "setup: need root or sudo to install ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

command -v swift >/dev/null || {
  echo "setup: the Swift toolchain (6.0 or later) is not on PATH; install it from swift.org" >&2
  exit 1
}
for lib in openblas gdlib libedit; do
  pkg-config --exists "$lib" || { echo "setup: pkg-config cannot find $lib" >&2; exit 1; }
done
