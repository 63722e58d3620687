#!/bin/sh
# Installs the Debian packages debrief needs, only when some are missing.
# Usage: tools/deps.sh build|test   (test includes build)
# The package lists live here and nowhere else; the Makefile calls this
# before every build so a fresh machine needs no manual step.
set -eu

build_pkgs="gcc make pkg-config libyaml-dev libcmark-gfm-dev libcmark-gfm-extensions-dev
libhpdf-dev zlib1g-dev libutf8proc-dev libharfbuzz-dev libfontconfig-dev libicu-dev libxxhash-dev
fonts-liberation2 fonts-droid-fallback fonts-nanum fonts-noto-core"
test_pkgs="clang clang-format libclang-rt-14-dev valgrind poppler-utils qpdf mupdf-tools ghostscript
python3 python3-jsonschema python3-xxhash diffutils groff-base man-db libpng-dev fonts-dejavu-core fonts-dejavu-extra
fonts-urw-base35 iso-codes strace libharfbuzz-bin fontconfig time"

want=$build_pkgs
[ "${1:-build}" = test ] && want="$build_pkgs $test_pkgs"

missing=""
for p in $want; do
	s=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	case $s in *"install ok installed"*) ;; *) missing="$missing $p" ;; esac
done
[ -z "$missing" ] && exit 0

echo "deps: installing:$missing" >&2
if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
		echo "deps: not root and no sudo; install as root:" >&2
		echo "  apt-get install -y$missing" >&2
		exit 1
	fi
else
	SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
# A fresh machine has no package lists; an old list may name versions gone.
$SUDO apt-get update -qq >&2
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >&2
