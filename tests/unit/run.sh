#!/bin/sh
# Unit tests: every program built from tests/unit/*.c, with sanitizers.
. ../lib.sh
for src in *.c; do
	n=${src%.c}
	bin="$UNITDIR/$n"
	if [ ! -x "$bin" ]; then fail "$n" "not built ($bin)"; continue; fi
	"$bin" >"$WORK/$n.out" 2>&1
	rc=$?
	cat "$WORK/$n.out" | grep -E '^(ok|FAIL) '
	[ $rc -eq 0 ] || { fail "$n" "exited $rc"; tail -n 20 "$WORK/$n.out"; }
	sanitizer_clean "$n/sanitizers" "$WORK/$n.out" && ok "$n/sanitizers"
done
