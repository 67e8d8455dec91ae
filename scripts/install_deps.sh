#!/usr/bin/env bash
# Installs the Debian packages tamiz needs to build, test and run. Idempotent and
# non-interactive: it runs `apt-get update` (once) only when something is missing.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config clang clang-format libclang-rt-14-dev
  libicu-dev libpugixml-dev libcli11-dev libfmt-dev libspdlog-dev nlohmann-json3-dev
  libcpp-httplib-dev libssl-dev libsqlite3-dev libcurl4-openssl-dev libtomlplusplus-dev
  libgtest-dev libgmock-dev libbenchmark-dev graphviz wrk curl python3
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install_deps: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
