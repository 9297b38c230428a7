#!/usr/bin/env bash
# Copies the shipped .ts files and refreshes the copies from today's sources with lupdate,
# exactly as scripts/update-translations does: a string added to the code and not yet
# translated shows up in the copy as unfinished.
set -euo pipefail
src=$1 out=$2 lupdate=$3
mkdir -p "$out"
cp "$src/resources/translations/netstage_zh_CN.ts" "$src/resources/translations/netstage_en.ts" "$out/"
cd "$src"
"$lupdate" -silent -no-obsolete -locations none -I . core ui app -ts "$out/netstage_zh_CN.ts"
"$lupdate" -silent -no-obsolete -locations none -pluralonly -source-language en -target-language en -I . \
  core ui app -ts "$out/netstage_en.ts"
