#!/usr/bin/env bash
# Installs the build into a scratch prefix and checks what a desktop expects: the binary
# (which answers --version), the launcher (desktop-file-validate), the AppStream metadata
# (appstreamcli validate), and the icon as SVG and in every hicolor PNG size.
set -euo pipefail
build=$1 prefix=$2 version=$3
rm -rf "$prefix"
cmake --install "$build" --prefix "$prefix" >/dev/null
fail=0
need() { [ -e "$prefix/$1" ] || { echo "missing: $1"; fail=1; }; }
need bin/netstage
need share/applications/io.github.netstage.NetStage.desktop
need share/metainfo/io.github.netstage.NetStage.metainfo.xml
need share/icons/hicolor/scalable/apps/netstage.svg
for size in 16 22 24 32 48 64 128 256 512; do
  png=share/icons/hicolor/${size}x${size}/apps/netstage.png
  need "$png"
  if [ -e "$prefix/$png" ]; then
    # A PNG's width and height are the big-endian words at bytes 16 and 20.
    read -r w h < <(od -An -tu1 -j16 -N8 "$prefix/$png" |
      awk '{print $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8}')
    [ "$w" = "$size" ] && [ "$h" = "$size" ] || { echo "$png is ${w}x${h}, not ${size}x${size}"; fail=1; }
  fi
done
grep -q '^Icon=netstage$' "$prefix/share/applications/io.github.netstage.NetStage.desktop" ||
  { echo "the launcher does not name the installed icon"; fail=1; }
desktop-file-validate "$prefix/share/applications/io.github.netstage.NetStage.desktop" || fail=1
appstreamcli validate --no-net --pedantic "$prefix/share/metainfo/io.github.netstage.NetStage.metainfo.xml" || fail=1
got=$("$prefix/bin/netstage" --version)
[ "$got" = "netstage $version" ] || { echo "--version says \"$got\", want \"netstage $version\""; fail=1; }
[ $fail = 0 ] && echo "install tree OK"
exit $fail
