#!/bin/sh
# Pathological inputs (made by gen.sh into WORK, never committed): each must
# finish in bounded time and memory with the expected outcome, under
# ASan+UBSan and in the optimised build under a virtual memory limit.
# Bounds are generous for slow CI machines: ASan 10 s and 400 MB RSS (its
# quarantine of freed memory held to 32 MB so that RSS means the loader's
# own use), optimised build 5 s and 200 MB RSS inside ulimit -v 1 GB.
# Measured on a 2-core machine, the worst cases take under 2 s and 200 MB
# under ASan, 0.7 s and 95 MB optimised.  Driven through the loader's test
# tool (tests/tools/yamlload.c), and through "debrief check" (ASan, 30 s
# and 400 MB: check also runs the schema and the rules, and 200,000
# unknown keys make 200,000 "did you mean" warnings).  Then hostile.sh:
# file-system tricks, names and Markdown a contributor could plant (links
# below -o, FIFOs, directory loops, long names, terminal escapes,
# unbounded links and images).
. ../lib.sh
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=32"
export ASAN_OPTIONS
asan_tool=$UNITDIR/yamlload
plain_tool=$TOP/build/unit/yamlload
for t in "$asan_tool" "$plain_tool" "$DEBRIEF"; do
	[ -x "$t" ] || { fail pathological "not built: $t"; exit 0; }
done
[ -x /usr/bin/time ] || { fail pathological "no /usr/bin/time to measure time and memory"; exit 0; }

# The schema reads at most 10,000 entries of a list, with a yaml-limit
# finding (schema.c MAX_ENTRIES, which bounds its cross-checks): the one
# yaml-* finding a clean loader case may show through check.
schema_bound='only the first 10000 are read \[yaml-limit\]$'

# seconds and KB as "%e %M" from /usr/bin/time; compare with awk (decimals)
within() { awk -v v="$1" -v max="$2" 'BEGIN { exit !(v + 0 <= max + 0) }'; }

# case NAME STATUS RULE: STATUS clean|loaded|rejected, RULE the finding
# expected (or -)
run_case() {
	c=$1 want=$2 rule=$3
	in=$WORK/$c.yaml
	if ! sh ./gen.sh "$c" "$in"; then fail "$c" "generator failed"; return; fi
	/usr/bin/time -f "%e %M" -o "$WORK/$c.time" timeout 60 "$asan_tool" "$in" \
		>"$WORK/$c.out" 2>&1
	rc=$?
	set -- $(tail -n 1 "$WORK/$c.time")
	secs=$1 kb=$2
	status=$(sed -n 's/^= .* \([a-z]*\)$/\1/p' "$WORK/$c.out")
	if ! sanitizer_clean "$c/asan" "$WORK/$c.out"; then :
	elif [ $rc -gt 1 ]; then fail "$c/asan" "exit $rc (124: timed out)"; tail -n 3 "$WORK/$c.out"
	elif [ -z "$kb" ]; then fail "$c/asan" "no time and memory measured"
	elif [ "$status" != "$want" ]; then fail "$c/asan" "status '$status', want $want"; head -n 3 "$WORK/$c.out"
	elif [ "$rule" != - ] && ! grep -q "\[$rule\]\$" "$WORK/$c.out"; then fail "$c/asan" "no $rule finding"
	elif [ "$rule" != - ] && grep '^[^=]' "$WORK/$c.out" | grep -qv ':[1-9][0-9]*:[1-9][0-9]*: '; then
		fail "$c/asan" "finding without a position"
	elif ! within "$secs" 10; then fail "$c/asan" "took $secs s (limit 10 s)"
	elif ! within "$kb" 409600; then fail "$c/asan" "max RSS $kb KB (limit 400 MB)"
	else ok "$c/asan"; fi
	asan="asan $secs s $((kb / 1024)) MB"

	(ulimit -v 1048576; exec /usr/bin/time -f "%e %M" -o "$WORK/$c.ptime" \
		timeout 60 "$plain_tool" "$in") >"$WORK/$c.pout" 2>&1
	rc=$?
	set -- $(tail -n 1 "$WORK/$c.ptime")
	psecs=$1 pkb=$2
	pstatus=$(sed -n 's/^= .* \([a-z]*\)$/\1/p' "$WORK/$c.pout")
	if [ $rc -gt 1 ]; then fail "$c/plain" "exit $rc (124: timed out)"; tail -n 3 "$WORK/$c.pout"
	elif [ -z "$pkb" ]; then fail "$c/plain" "no time and memory measured"
	elif [ "$pstatus" != "$want" ]; then fail "$c/plain" "status '$pstatus', want $want"
	elif ! within "$psecs" 5; then fail "$c/plain" "took $psecs s (limit 5 s)"
	elif ! within "$pkb" 204800; then fail "$c/plain" "max RSS $pkb KB (limit 200 MB)"
	else ok "$c/plain"; fi

	/usr/bin/time -f "%e %M" -o "$WORK/$c.ctime" timeout 60 "$DEBRIEF" check --lang en \
		"$in" >"$WORK/$c.cout" 2>&1
	rc=$?
	set -- $(tail -n 1 "$WORK/$c.ctime")
	if ! sanitizer_clean "$c/check" "$WORK/$c.cout"; then :
	elif [ $rc -gt 1 ]; then fail "$c/check" "exit $rc"; tail -n 3 "$WORK/$c.cout"
	elif [ $# -lt 2 ]; then fail "$c/check" "no time and memory measured"
	elif [ "$rule" != - ] && ! grep -q "\[$rule\]" "$WORK/$c.cout"; then fail "$c/check" "no $rule finding"
	elif [ "$want" = clean ] && grep '\[yaml-' "$WORK/$c.cout" | grep -qv "$schema_bound"; then
		fail "$c/check" "yaml-* finding"; grep -m3 '\[yaml-' "$WORK/$c.cout"
	elif ! within "$1" 30; then fail "$c/check" "took $1 s (limit 30 s)"
	elif ! within "$2" 409600; then fail "$c/check" "max RSS $2 KB (limit 400 MB)"
	else ok "$c/check"; fi
	echo "# $c: $asan; plain $psecs s $((pkb / 1024)) MB"
	rm -f "$in"
}

run_case flow-seq-200k   rejected yaml-limit
run_case flow-map-200k   rejected yaml-limit
run_case block-seq-200k  rejected yaml-limit
run_case block-map-deep  rejected yaml-limit
run_case billion-laughs  rejected yaml-limit
run_case alias-fan       clean    -
run_case alias-text      rejected yaml-limit
run_case file-50mb       rejected yaml-limit
run_case scalar-10mb     rejected yaml-limit
run_case line-1mb        clean    -
run_case scalar-line-1mb clean    -
run_case tasks-20k       clean    -
run_case keys-20k        clean    -
run_case keys-20k-dup    loaded   yaml-duplicate-key
run_case keys-200k       clean    -
run_case nfd-400k        clean    text-not-nfc

. ./hostile.sh
