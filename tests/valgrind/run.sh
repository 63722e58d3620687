#!/bin/sh
# Memory errors and leaks of the optimised build under valgrind, over the
# test corpus: every command on the examples and on the golden inputs.
# Any leak (definite, indirect or possible) or invalid access fails.
. ../lib.sh
command -v valgrind >/dev/null 2>&1 || { fail valgrind "valgrind is not installed"; exit 0; }
VG="valgrind -q --leak-check=full --show-leak-kinds=definite,indirect,possible
	--errors-for-leak-kinds=definite,indirect,possible --error-exitcode=97"
export DEBRIEF_TEMPLATES="$TOP/templates" SOURCE_DATE_EPOCH=1763856000

# vg NAME ARGS...: run debrief under valgrind; exit 97 means a report
vg() {
	n=$1; shift
	# shellcheck disable=SC2086
	$VG "$DEBRIEF_PLAIN" "$@" >"$WORK/out" 2>"$WORK/err"
	rc=$?
	if [ $rc -eq 97 ] || grep -q '^==[0-9]*==' "$WORK/err"; then
		fail "valgrind/$n" "valgrind reported (exit $rc)"; grep '^==' "$WORK/err" | head -n 30
	elif [ $rc -gt 2 ]; then
		fail "valgrind/$n" "exit $rc"; tail -n 5 "$WORK/err"
	else
		ok "valgrind/$n"
	fi
}

vg check-examples check --today 2026-11-23 "$TOP/examples"
vg check-schema-goldens check --today 2026-01-01 --format json "$TOP/tests/schema"
vg check-rules-goldens check --today 2026-01-01 --format sarif "$TOP/tests/rules"
vg check-pathological-inputs check --today 2026-01-01 "$TOP/tests/check/in"
vg report-examples report -o "$WORK/reports" --today 2026-11-23 "$TOP/examples"
vg report-cases-en report -o "$WORK/reports-en" --lang en --format md --today 2025-11-23 "$TOP/tests/report/cases"
vg archive-examples archive -o "$WORK/archive" --today 2026-11-23 "$TOP/examples"
vg pdf-report pdf -o "$WORK/one.pdf" "$WORK/reports/2017-07-camau-nagasaki.md"
vg rules-json rules --format json
vg explain explain follow-tasks
vg explain-unknown explain no-such-rule
vg check-junit-unreadable check --today 2026-01-01 --format junit --min-severity warning \
	"$TOP/tests/check/in" "$WORK/nosuch.yaml"
vg explain-markdown explain --format markdown prep-what
vg tasks-examples-md tasks --today 2026-11-23 --due-within 60 --format md "$TOP/examples"
vg tasks-examples-json tasks --today 2026-11-23 --owner "cong thuong" --format json "$TOP/examples"
mkdir -p "$WORK/new" && (cd "$WORK/new" && vg new-en new --lang en --direction inbound 2026-01-x)
