# Shared helpers for suites; source it as ". ../lib.sh".
# ok/fail print the lines tests/run counts; check_golden compares a
# command's output with a reviewed file.

ok() { echo "ok $1"; }
fail() { n=$1; shift; echo "FAIL $n: $*"; }

# check NAME CMD...: the command must exit 0
check() { n=$1; shift; if "$@" >/dev/null 2>&1; then ok "$n"; else fail "$n" "command failed: $*"; fi; }

# golden NAME EXPECTED ACTUAL: files must be identical; UPDATE=1 rewrites
golden() {
	if [ "${UPDATE:-0}" = 1 ]; then cp "$3" "$2"; ok "$1"; return; fi
	if [ ! -f "$2" ]; then fail "$1" "missing golden file $2"; return; fi
	if diff -u "$2" "$3" >"$WORK/diff.out" 2>&1; then ok "$1"; else
		fail "$1" "differs from $2"; head -n 40 "$WORK/diff.out"; fi
}

# sanitizer_clean NAME LOG: no ASan/UBSan/LSan report in LOG
sanitizer_clean() {
	if grep -qE 'ERROR: (Address|Leak)Sanitizer|runtime error:' "$2"; then
		fail "$1" "sanitizer report"; grep -m5 -E 'Sanitizer|runtime error' "$2"
		return 1
	fi
	return 0
}

# verify_data NAME: tests/data/NAME is the upstream copy its SOURCE names:
# SHA256SUMS has the checksum SOURCE gives, every file it lists has its
# checksum, and nothing else is there.  Prints one ok/FAIL line
# "data/NAME/checksums"; returns non-zero (the caller must not use the
# data then).
verify_data() {
	d=$TOP/tests/data/$1
	if [ ! -f "$d/SOURCE" ] || [ ! -f "$d/SHA256SUMS" ]; then
		fail "data/$1/checksums" "no SOURCE or SHA256SUMS in $d"; return 1
	fi
	want=$(sed -n 's/^sha256 of SHA256SUMS: \([0-9a-f]\{64\}\)$/\1/p' "$d/SOURCE")
	got=$(sha256sum <"$d/SHA256SUMS" | cut -c1-64)
	if [ -z "$want" ] || [ "$want" != "$got" ]; then
		fail "data/$1/checksums" "SHA256SUMS is $got, SOURCE says ${want:-nothing}"; return 1
	fi
	if ! (cd "$d" && sha256sum --check --strict --quiet SHA256SUMS) >"$WORK/sums.out" 2>&1; then
		fail "data/$1/checksums" "files differ from SHA256SUMS"; head -n 10 "$WORK/sums.out"
		return 1
	fi
	(cd "$d" && find . -type f ! -name SOURCE ! -name SHA256SUMS | sed 's|^\./||' | LC_ALL=C sort) \
		>"$WORK/sums.have"
	cut -c67- "$d/SHA256SUMS" | LC_ALL=C sort >"$WORK/sums.want"
	if ! cmp -s "$WORK/sums.have" "$WORK/sums.want"; then
		fail "data/$1/checksums" "files not listed in SHA256SUMS:"
		comm -23 "$WORK/sums.have" "$WORK/sums.want" | head -n 10
		return 1
	fi
	ok "data/$1/checksums"
}
