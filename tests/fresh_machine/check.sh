#!/usr/bin/env bash
# The README's run command on a fresh Debian 12, as a newcomer would try it (issue 12).
#
#   bash tests/fresh_machine/check.sh
#
# Makes a minimal Debian 12 root with `debootstrap --variant=minbase bookworm` (cached as a
# tarball outside the checkout and reused), unpacks it into a temporary folder, copies the
# checkout's tracked files in (no build folders), and there, as root in a chroot, runs
#   bash scripts/run --version          must print "netstage <version>"
# and then the test command's configure step (its packages, then cmake with tests and
# benchmarks on; no npm, no build, no tests: the root may not reach npm's registry, and CI runs
# the whole test command on its own machine).
#
# It needs root and Debian's archive (deb.debian.org). Without either it prints why and exits 0
# as a SKIP. Everything it mounts is unmounted on exit, also on failure.
#
# Environment:
#   NETSTAGE_FRESH_CACHE    cache folder (default /var/cache/netstage-fresh)
#   NETSTAGE_FRESH_MIRROR   Debian mirror (default http://deb.debian.org/debian, as the host's apt)
#   NETSTAGE_FRESH_REFRESH=1     make the root again instead of reusing the cached tarball
#   NETSTAGE_FRESH_TEST_CONFIGURE=0   skip the test command's configure step
#   NETSTAGE_FRESH_KEEP=1   keep the unpacked root (its path is printed) for a look afterwards
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
cache=${NETSTAGE_FRESH_CACHE:-/var/cache/netstage-fresh}
mirror=${NETSTAGE_FRESH_MIRROR:-http://deb.debian.org/debian}
tarball=$cache/bookworm-root.tar
version=$(sed -n 's/^project(NetStage VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")

say() { echo "fresh_machine: $*"; }
skip() {
  say "SKIP: $* (the fresh-machine check did not run)"
  exit 0
}

# --- what it needs: root, debootstrap, the archive -------------------------------------------
[ "$(id -u)" = 0 ] || skip "needs root (debootstrap, chroot and mounts); run it as root, as CI does"
[ -n "$version" ] || { say "FAIL: no project version in CMakeLists.txt"; exit 1; }

[ -x /usr/lib/apt/apt-helper ] && command -v chroot >/dev/null 2>&1 \
  || skip "needs a Debian host with apt and chroot"

# The run command installs packages, so the archive must answer even with a cached root.
# apt's own downloader, so apt's proxy settings count as they will for apt-get.
probe=$(mktemp)
if ! timeout 60 /usr/lib/apt/apt-helper download-file "$mirror/dists/bookworm/Release" "$probe" \
    >/dev/null 2>&1; then
  rm -f "$probe"
  skip "cannot reach Debian's archive ($mirror/dists/bookworm/Release did not download)"
fi
rm -f "$probe"
if { [ ! -f "$tarball" ] || [ "${NETSTAGE_FRESH_REFRESH:-0}" = 1 ]; } &&
    ! command -v debootstrap >/dev/null 2>&1; then
  say "installing debootstrap"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends debootstrap >/dev/null 2>&1 \
    || { apt-get update >/dev/null && apt-get install -y --no-install-recommends debootstrap; } \
    || skip "could not install debootstrap with apt-get"
fi

# --- cleanup: unmount in reverse order, lazily if busy, then remove the temporary root -------
work=""
mounts=()
cleanup() {
  local rc=$? i
  for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do
    umount -R "${mounts[i]}" 2>/dev/null || umount -R -l "${mounts[i]}" 2>/dev/null \
      || umount -l "${mounts[i]}" 2>/dev/null || say "could not unmount ${mounts[i]}"
  done
  if [ -n "$work" ] && [ -d "$work" ]; then
    # Never delete through a mount point that is still there.
    if grep -q " $work/" /proc/self/mounts; then
      say "something is still mounted under $work; left in place"
    elif [ "${NETSTAGE_FRESH_KEEP:-0}" = 1 ]; then
      say "kept the root at $work/root"
    else
      rm -rf "$work"
    fi
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- the cached minimal root ------------------------------------------------------------------
if [ ! -f "$tarball" ] || [ "${NETSTAGE_FRESH_REFRESH:-0}" = 1 ]; then
  mkdir -p "$cache"
  work=$(mktemp -d "$cache/make.XXXXXX")
  say "making a minimal Debian 12 root with debootstrap from $mirror (once; cached as $tarball)"
  start=$SECONDS
  if ! debootstrap --variant=minbase bookworm "$work/root" "$mirror" >"$work/debootstrap.log" 2>&1; then
    tail -n 20 "$work/debootstrap.log"
    # A failed download is the archive's fault, not NetStage's.
    if grep -qiE "couldn't download|failed to (download|fetch)|temporary failure|connection (refused|timed out)" \
        "$work/debootstrap.log"; then
      skip "debootstrap could not download from $mirror"
    fi
    say "FAIL: debootstrap failed (log above)"
    exit 1
  fi
  # Numeric owners, extended attributes (file capabilities) kept.
  tar --numeric-owner --xattrs -C "$work/root" -cf "$tarball.tmp" .
  mv "$tarball.tmp" "$tarball"
  rm -rf "$work"; work=""
  say "root made in $((SECONDS - start)) s"
else
  say "reusing the cached root $tarball"
fi

# --- unpack, copy the checkout in --------------------------------------------------------------
work=$(mktemp -d /var/tmp/netstage-fresh.XXXXXX)
root=$work/root
mkdir -p "$root"
tar --numeric-owner --xattrs -C "$root" -xf "$tarball"
mkdir -p "$root/src/netstage"
if git -C "$src" rev-parse --git-dir >/dev/null 2>&1; then
  # The tracked files as they are in the working tree (uncommitted edits included, build
  # folders and node_modules left out), as a clean clone would have them.
  (cd "$src" && git ls-files -z --cached | tar --null --no-recursion --ignore-failed-read -cf - -T -) \
    | tar -C "$root/src/netstage" -xf -
else
  tar -C "$src" --exclude='./build*' --exclude='./tests/peers/node_modules' -cf - . \
    | tar -C "$root/src/netstage" -xf -
fi

# --- mounts the chroot needs --------------------------------------------------------------------
mount_in() { # mount_in TARGET ARGS...  (records TARGET for the cleanup)
  local target=$1; shift
  mount "$@" "$target"
  mounts+=("$target")
}
# A root without CAP_SYS_ADMIN (some containers) cannot mount: that is a missing permission,
# not a NetStage failure.
mount_in "$root/proc" -t proc proc 2>/dev/null \
  || skip "cannot mount /proc in the fresh root (root without CAP_SYS_ADMIN, e.g. in a container)"
mount_in "$root/sys" -t sysfs sysfs
# /dev with its submounts (pts, shm); a slave, so unmounting it never reaches the host's /dev.
mount_in "$root/dev" --rbind /dev
mount --make-rslave "$root/dev"
# The host's resolver, so apt inside reaches the archive.
cp -L /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
# The same mirror as the host (debootstrap already wrote it); updates and security too.
cat >"$root/etc/apt/sources.list" <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main
EOF

# The host's apt proxy settings, if any, so apt inside goes the same way.
apt-config dump 2>/dev/null | grep -i '^Acquire::.*::Proxy ' >"$root/etc/apt/apt.conf.d/90host-proxy" || true
proxy_env=()
for v in http_proxy https_proxy no_proxy; do
  [ -n "${!v:-}" ] && proxy_env+=("$v=${!v}")
done

in_root() { # in_root COMMAND: runs it in the fresh root as root, with a clean environment
  chroot "$root" /usr/bin/env -i HOME=/root TERM="${TERM:-dumb}" LANG=C.UTF-8 \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "${proxy_env[@]}" \
    /bin/bash -c "cd /src/netstage && $1"
}

# --- the README's run command ---------------------------------------------------------------------
# `netstage --version` is a headless command: main() makes a QCoreApplication for it, never a
# QApplication, so no display and no QT_QPA_PLATFORM are needed.
say "bash scripts/run --version (from scratch: packages, configure, build)"
start=$SECONDS
out=$(in_root 'bash scripts/run --version' 2>&1 | tee "$work/run.log" | tail -n 5) || {
  tail -n 40 "$work/run.log"
  say "FAIL: bash scripts/run --version failed on a fresh Debian 12 (log above)"
  exit 1
}
run_s=$((SECONDS - start))
last=$(printf '%s\n' "$out" | tail -n 1)
if [ "$last" != "netstage $version" ]; then
  tail -n 40 "$work/run.log"
  say "FAIL: expected 'netstage $version' as the last line, got '$last'"
  exit 1
fi
say "OK: bash scripts/run --version printed '$last' on a fresh Debian 12 in ${run_s} s"

# --- the test command's configure step -----------------------------------------------------------
if [ "${NETSTAGE_FRESH_TEST_CONFIGURE:-1}" = 1 ]; then
  say "the test command's packages and configure step (no npm, no build)"
  start=$SECONDS
  if ! in_root 'NETSTAGE_TESTS=1 bash scripts/deps.sh && cmake -S . -B build -G Ninja \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNETSTAGE_BUILD_TESTS=ON -DNETSTAGE_BUILD_BENCH=ON' \
        >"$work/test-configure.log" 2>&1; then
    tail -n 40 "$work/test-configure.log"
    say "FAIL: the test command's configure step failed on a fresh Debian 12 (log above)"
    exit 1
  fi
  say "OK: the test command's packages install and it configures ($((SECONDS - start)) s)"
fi
say "PASS"
