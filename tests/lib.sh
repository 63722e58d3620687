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
