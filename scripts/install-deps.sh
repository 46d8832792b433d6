#!/bin/sh
# Installs the Debian packages needed to build, test and run portail-famille
# (Debian 12 or later). Run as root, or it uses sudo.
set -eu

packages="
  build-essential autoconf automake pkg-config
  libncurses-dev libcurl4-openssl-dev libtidy-dev libjansson-dev
  libmicrohttpd-dev zlib1g-dev libinih-dev libqrencode-dev
  libcmocka-dev
  tidy curl jq tmux valgrind mandoc time
  clang libclang-rt-dev llvm clang-format
"

# --list: print the package names only (.ci/run installs them itself).
if [ "${1:-}" = --list ]; then
	echo $packages
	exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
	sudo=
else
	sudo=sudo
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $packages
