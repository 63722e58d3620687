#!/bin/sh
# Fuzz targets as regression tests: each target in FUZZDIR replays its seed
# corpus (fuzz/corpus/NAME; schema, rules and report, which read records,
# replay the YAML inputs of tests/schema, tests/rules and tests/report/cases)
# and then runs a short,
# seeded smoke run with its dictionary (fuzz/NAME.dict, minus the "fuzz_"
# prefix).  Long fuzzing is
# done by hand: build/fuzz/NAME -max_total_time=30 -dict=... DIR.
. ../lib.sh
runs=${FUZZ_RUNS:-3000}
ntargets=0
for src in "$TOP"/fuzz/*.c; do
	n=$(basename "$src" .c)
	bin="$FUZZDIR/$n"
	ntargets=$((ntargets + 1))
	if [ ! -x "$bin" ]; then fail "fuzz/$n" "not built ($bin)"; continue; fi
	corpus="$TOP/fuzz/corpus/$n"
	case $n in
	schema | rules)
		corpus=$WORK/$n.seeds
		mkdir -p "$corpus" && cp "$TOP/tests/$n"/*.yaml "$corpus/" ;;
	report)
		corpus=$WORK/$n.seeds
		mkdir -p "$corpus" && cp "$TOP/tests/report/cases"/*.yaml "$corpus/" ;;
	esac
	if [ ! -d "$corpus" ] || [ -z "$(ls "$corpus")" ]; then
		fail "fuzz/$n/corpus" "no seed corpus at $corpus"
	elif "$bin" -runs=0 "$corpus" >"$WORK/$n.replay" 2>&1; then ok "fuzz/$n/corpus"; else
		fail "fuzz/$n/corpus" "a seed fails"; tail -n 20 "$WORK/$n.replay"
	fi
	dict="$TOP/fuzz/${n#fuzz_}.dict"
	set -- -runs="$runs" -seed=1 -max_len=1024
	[ -f "$dict" ] && set -- "$@" -dict="$dict"
	mkdir -p "$WORK/$n.corpus"
	if "$bin" "$@" "$WORK/$n.corpus" >"$WORK/$n.smoke" 2>&1; then ok "fuzz/$n/smoke"; else
		fail "fuzz/$n/smoke" "crash or check failure in $runs runs"
		grep -m 20 -E 'ERROR|failed|SUMMARY|^---' "$WORK/$n.smoke"
	fi
done
[ $ntargets -ge 9 ] && ok "fuzz/all-targets ($ntargets)" || fail fuzz/all-targets "$ntargets targets, want at least 9"
