#!/bin/sh
# Installs the Debian packages portail-famille needs (Debian 12 or later).
# Run as root, or it uses sudo.
#   scripts/install-deps.sh              to build and run the program
#   scripts/install-deps.sh --dev        also to test and develop it: the test
#                                        suite's tools, clang (fuzzing,
#                                        sanitizers), valgrind, clang-format
#   scripts/install-deps.sh --list [--dev]
#                                        print the package names only (.ci/run
#                                        installs them itself)
set -eu

# To build the program and the demo portal, and run them.
runtime="
  build-essential autoconf automake pkg-config gettext
  libncurses-dev libcurl4-openssl-dev libtidy-dev libjansson-dev
  libmicrohttpd-dev zlib1g-dev libinih-dev libqrencode-dev
"
# To run the test suite (unit tests, end-to-end, the interface in tmux, the
# fault matrix with its certificates), the benchmarks, and to develop.
dev="
  libcmocka-dev
  tidy curl jq tmux mandoc time openssl valgrind
  clang libclang-rt-dev llvm clang-format
"

list=false
with_dev=false
for arg in "$@"; do
	case $arg in
	--list) list=true ;;
	--dev) with_dev=true ;;
	*) echo "usage: $0 [--dev] [--list]" >&2; exit 2 ;;
	esac
done
packages=$runtime
if $with_dev; then
	packages="$runtime $dev"
fi

if $list; then
	# shellcheck disable=SC2086
	echo $packages
	exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
	sudo=
elif command -v sudo >/dev/null 2>&1; then
	sudo=sudo
else
	echo "$0: run it as root, or install sudo" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
echo "install-deps: apt-get install $(echo $packages | wc -w) packages…"
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $packages
