#!/usr/bin/env bash
# Installs what NetStage needs on Debian 12 (as root, or with sudo). Skips apt when everything
# is already there. See the README for why each package is needed.
# Without NETSTAGE_TESTS=1: only what the app needs to build and run (scripts/run).
# With NETSTAGE_TESTS=1: also the test and benchmark tools (scripts/test, CI).
set -euo pipefail
pkgs=(
  cmake ninja-build g++ pkg-config                        # build
  qt6-base-dev qt6-websockets-dev qt6-svg-dev libgl-dev     # Qt Core/Network/Widgets, WebSockets, Svg
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools          # lupdate/lrelease (zh_CN, en)
  qt6-translations-l10n                                     # Qt's own dialogs in Chinese
  libqcustomplot-dev                                        # plots (Qt 6 build)
  libpcap-dev                                               # wire capture
  nftables                                                  # real TCP loss on one port (root; nft)
  libldns-dev                                               # DNS messages (URL walk)
  libssl-dev                                                # HTTPS lab: TLS messages, key log (OpenSSL 3)
  fonts-wqy-microhei                                        # Chinese glyphs
)
if [ "${NETSTAGE_TESTS:-0}" = 1 ]; then
  pkgs+=(xvfb xauth curl)                                   # screenshots, UI tests, peers
  pkgs+=(desktop-file-utils appstream)                      # the install tree is validated
  pkgs+=(libbenchmark-dev)                                  # bench/
  pkgs+=(clang libclang-rt-14-dev)                          # libFuzzer on the HTTP parser
  pkgs+=(tshark)                                            # reads pcapng exports, decodes DNS
  pkgs+=(openssl)                                           # s_client against the HTTPS lab
  command -v node >/dev/null 2>&1 || pkgs+=(nodejs npm)     # real peers (Node's net, ws)
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "deps.sh: missing packages: ${missing[*]}" >&2
      echo "deps.sh: run this as root (sudo is not installed) or install them with apt-get" >&2
      exit 1
    fi
    SUDO=sudo
  fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update
  $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
fi
