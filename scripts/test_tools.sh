#!/bin/sh
# What `make test` needs beyond Python: Debian's Chromium (the browser tests) and
# Node.js 18 or later (the finder engine's unit tests). Installed with apt when
# missing and we are root; otherwise one line naming the one command to run.
# CHROMIUM names the browser the tests use (tests/conftest.py looks there first).
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

missing() {
  [ -x "$CHROMIUM" ] || printf ' chromium'
  if ! command -v node >/dev/null 2>&1 \
     || ! node -e 'process.exit(+process.versions.node.split(".")[0] < 18 ? 1 : 0)' >/dev/null 2>&1; then
    printf ' nodejs'
  fi
}

packages="$(missing)"
[ -z "$packages" ] && exit 0

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "make test: installing${packages} with apt-get (the browser and engine tests need them)"
  export DEBIAN_FRONTEND=noninteractive  # CI has no standard input
  apt-get update -qq && apt-get install -y -qq $packages >/dev/null || exit 1
  packages="$(missing)"
  [ -z "$packages" ] && exit 0
  echo "make test: error: apt-get installed${packages} but it is still not usable; is Node.js 18 or later available?" >&2
  exit 1
fi

if command -v apt-get >/dev/null 2>&1; then
  echo "make test: error: the tests need${packages}; run 'sudo apt-get install${packages}', then 'make test' again" >&2
else
  echo "make test: error: the tests need${packages}; install Chromium (as $CHROMIUM) and Node.js 18 or later, then 'make test' again" >&2
fi
exit 1
