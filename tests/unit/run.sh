#!/bin/sh
# Unit tests: every program built from tests/unit/*.c, with sanitizers.
# test_mustache_spec reads tests/data/mustache-spec, verified first.
. ../lib.sh
verify_data mustache-spec
data_ok=$?
nprog=0
for src in *.c; do
	n=${src%.c}
	bin="$UNITDIR/$n"
	nprog=$((nprog + 1))
	if [ ! -x "$bin" ]; then fail "$n" "not built ($bin)"; continue; fi
	if [ "$n" = test_mustache_spec ] && [ $data_ok != 0 ]; then
		fail "$n" "not run: tests/data/mustache-spec is not as its SOURCE says"; continue
	fi
	"$bin" >"$WORK/$n.out" 2>&1
	rc=$?
	grep -E '^(ok|FAIL) ' "$WORK/$n.out" >"$WORK/$n.lines"
	cat "$WORK/$n.lines"
	[ $rc -eq 0 ] || { fail "$n" "exited $rc"; tail -n 20 "$WORK/$n.out"; }
	[ -s "$WORK/$n.lines" ] || fail "$n" "printed no ok or FAIL line"
	sanitizer_clean "$n/sanitizers" "$WORK/$n.out" && ok "$n/sanitizers"
done
[ $nprog -ge 18 ] && ok "unit/all-programs ($nprog)" || fail unit/all-programs "$nprog programs, want at least 18"
