#!/usr/bin/env bash
# Installs the Debian 12 packages eventline needs, skipping apt entirely when
# they are all present. Run as root. The same list is in README.md.
set -euo pipefail
packages=(g++ cmake make pkg-config libcli11-dev libre2-dev libfmt-dev catch2 libyaml-cpp-dev
          libsimdjson-dev libxxhash-dev parallel python3 xz-utils)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "deps: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
