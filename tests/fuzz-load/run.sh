#!/bin/sh
# Fuzz smoke run of fuzz/fuzz_load.c (loader, schema, rules): the seed
# corpus once, then a short bounded run from it with the YAML dictionary.
# A crash or sanitizer report fails; longer runs are by hand:
#   build/fuzz/fuzz_load -max_total_time=600 -dict=fuzz/load.dict CORPUS
. ../lib.sh
bin=$FUZZDIR/fuzz_load
[ -x "$bin" ] || { fail fuzz-load "not built: $bin (make fuzz)"; exit 0; }
corpus=$WORK/corpus
mkdir -p "$corpus"
cp "$TOP"/fuzz/corpus/load/* "$corpus"/
if "$bin" -runs=0 "$corpus" >"$WORK/seeds.log" 2>&1; then ok fuzz-load/seeds
else fail fuzz-load/seeds "crash on a seed"; grep -m5 -E 'ERROR|SUMMARY' "$WORK/seeds.log"; fi
if "$bin" -runs=20000 -max_total_time=30 -max_len=4096 -dict="$TOP/fuzz/load.dict" \
	-artifact_prefix="$WORK/" "$corpus" >"$WORK/run.log" 2>&1; then ok fuzz-load/smoke
else
	fail fuzz-load/smoke "crash or sanitizer report; the input follows"
	grep -m5 -E 'ERROR|SUMMARY|runtime error' "$WORK/run.log"
	for f in "$WORK"/crash-* "$WORK"/leak-* "$WORK"/timeout-* "$WORK"/oom-*; do
		[ -f "$f" ] && od -c "$f" | head -n 20
	done
fi
