#!/bin/sh
# Pathological inputs (made by gen.sh into WORK, never committed): each must
# finish in bounded time and memory with the expected outcome, under
# ASan+UBSan and in the optimised build under a virtual memory limit.
# Bounds are generous for slow CI machines: ASan 10 s and 400 MB RSS (the
# 20,000-task record needs about 210 MB there: shadow memory and
# quarantine), optimised build 5 s inside ulimit -v 1 GB.  Driven through
# the loader's test tool (tests/tools/yamlload.c), and through
# "debrief check" once that command is built.
. ../lib.sh
asan_tool=$UNITDIR/yamlload
plain_tool=$TOP/build/unit/yamlload
for t in "$asan_tool" "$plain_tool"; do
	[ -x "$t" ] || { fail pathological "not built: $t"; exit 0; }
done
check_ready=0
if [ -x "$DEBRIEF" ] && ! "$DEBRIEF" check /dev/null 2>&1 | grep -q 'not available'; then
	check_ready=1
else
	echo "# debrief check is not built yet: the loader tool only"
fi

# seconds and KB as "%e %M" from /usr/bin/time; compare with awk (decimals)
within() { awk -v v="$1" -v max="$2" 'BEGIN { exit !(v + 0 <= max + 0) }'; }

# case NAME STATUS RULE: STATUS clean|loaded|rejected, RULE the finding
# expected (or -)
run_case() {
	n=$1 want=$2 rule=$3
	in=$WORK/$n.yaml
	if ! sh ./gen.sh "$n" "$in"; then fail "$n" "generator failed"; return; fi
	/usr/bin/time -f "%e %M" -o "$WORK/$n.time" timeout 60 "$asan_tool" "$in" \
		>"$WORK/$n.out" 2>&1
	rc=$?
	set -- $(cat "$WORK/$n.time" | tail -n 1)
	secs=$1 kb=$2
	status=$(sed -n 's/^= .* \([a-z]*\)$/\1/p' "$WORK/$n.out")
	if ! sanitizer_clean "$n/asan" "$WORK/$n.out"; then :
	elif [ $rc -gt 1 ]; then fail "$n/asan" "exit $rc (124: timed out)"; tail -n 3 "$WORK/$n.out"
	elif [ "$status" != "$want" ]; then fail "$n/asan" "status '$status', want $want"; head -n 3 "$WORK/$n.out"
	elif [ "$rule" != - ] && ! grep -q "\[$rule\]\$" "$WORK/$n.out"; then fail "$n/asan" "no $rule finding"
	elif [ "$rule" != - ] && grep '^[^=]' "$WORK/$n.out" | grep -qv ':[1-9][0-9]*:[1-9][0-9]*: '; then
		fail "$n/asan" "finding without a position"
	elif ! within "$secs" 10; then fail "$n/asan" "took $secs s (limit 10 s)"
	elif ! within "$kb" 409600; then fail "$n/asan" "max RSS $kb KB (limit 400 MB)"
	else ok "$n/asan"; fi
	asan="asan $secs s $((kb / 1024)) MB"

	(ulimit -v 1048576; exec /usr/bin/time -f "%e %M" -o "$WORK/$n.ptime" \
		timeout 60 "$plain_tool" "$in") >"$WORK/$n.pout" 2>&1
	rc=$?
	set -- $(tail -n 1 "$WORK/$n.ptime")
	psecs=$1 pkb=$2
	pstatus=$(sed -n 's/^= .* \([a-z]*\)$/\1/p' "$WORK/$n.pout")
	if [ $rc -gt 1 ]; then fail "$n/plain" "exit $rc (124: timed out)"; tail -n 3 "$WORK/$n.pout"
	elif [ "$pstatus" != "$want" ]; then fail "$n/plain" "status '$pstatus', want $want"
	elif ! within "$psecs" 5; then fail "$n/plain" "took $psecs s (limit 5 s)"
	else ok "$n/plain"; fi

	if [ $check_ready = 1 ]; then
		/usr/bin/time -f "%e %M" -o "$WORK/$n.ctime" timeout 60 "$DEBRIEF" check --lang en \
			"$in" >"$WORK/$n.cout" 2>&1
		rc=$?
		set -- $(tail -n 1 "$WORK/$n.ctime")
		if ! sanitizer_clean "$n/check" "$WORK/$n.cout"; then :
		elif [ $rc -gt 1 ]; then fail "$n/check" "exit $rc"; tail -n 3 "$WORK/$n.cout"
		elif [ "$rule" != - ] && ! grep -q "\[$rule\]" "$WORK/$n.cout"; then fail "$n/check" "no $rule finding"
		elif [ "$want" = clean ] && grep -q '\[yaml-' "$WORK/$n.cout"; then fail "$n/check" "yaml-* finding"
		elif ! within "$1" 10; then fail "$n/check" "took $1 s (limit 10 s)"
		elif ! within "$2" 409600; then fail "$n/check" "max RSS $2 KB (limit 400 MB)"
		else ok "$n/check"; fi
	fi
	echo "# $n: $asan; plain $psecs s $((pkb / 1024)) MB"
	rm -f "$in"
}

run_case flow-seq-200k   rejected yaml-limit
run_case flow-map-200k   rejected yaml-limit
run_case block-seq-200k  rejected yaml-limit
run_case block-map-deep  rejected yaml-limit
run_case billion-laughs  rejected yaml-limit
run_case alias-fan       clean    -
run_case file-50mb       rejected yaml-limit
run_case scalar-10mb     rejected yaml-limit
run_case line-1mb        clean    -
run_case scalar-line-1mb clean    -
run_case tasks-20k       clean    -
run_case keys-20k        clean    -
run_case keys-20k-dup    loaded   yaml-duplicate-key
run_case keys-200k       clean    -
