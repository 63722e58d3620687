#!/bin/sh
# Benchmark of checking a collection: 5,000 generated records (bench/
# gen_records.sh), against a floor measured in the same run: a bare
# libyaml event loop over the same files (bench/yaml_floor.c).  Prints
# records/s for each and the ratio; the target is at most 2x the floor.
# Wall time, median of REPS runs (default 5).  Until "debrief check" is
# built, the loader alone is measured (through tests/tools/yamlload) and
# the output says so.
set -eu
: "${TOP:?}" "${DEBRIEF:=$TOP/build/debrief}"
N=${N:-5000}
REPS=${REPS:-5}
work=$(mktemp -d "${TMPDIR:-/tmp}/debrief-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

cc -O2 -o "$work/yaml_floor" "$TOP/bench/yaml_floor.c" $(pkg-config --cflags --libs yaml-0.1)
make --no-print-directory -C "$TOP" build/unit/yamlload >/dev/null
sh "$TOP/bench/gen_records.sh" "$N" "$work/records"
find "$work/records" -name '*.yaml' | sort >"$work/list"
bytes=$(cat $(cat "$work/list") | wc -c)

# median wall seconds of REPS runs of the command
median() {
	i=0
	while [ $i -lt "$REPS" ]; do
		s=$(date +%s%N)
		"$@" >/dev/null 2>&1 || [ $? -eq 1 ]
		e=$(date +%s%N)
		echo $(( (e - s) / 1000 ))
		i=$((i + 1))
	done | sort -n | awk '{ v[NR] = $1 } END { printf "%.4f\n", v[int((NR + 1) / 2)] / 1e6 }'
}

floor() { "$work/yaml_floor" <"$work/list"; }
loader() { xargs "$TOP/build/unit/yamlload" -q <"$work/list"; }
check() { "$DEBRIEF" check "$work/records"; }

if [ -x "$DEBRIEF" ] && ! "$DEBRIEF" check /dev/null 2>&1 | grep -q 'not available'; then
	what="debrief check" cmd=check
else
	what="loader only (debrief check not built yet)" cmd=loader
fi
f=$(median floor)
t=$(median $cmd)
awk -v n="$N" -v b="$bytes" -v f="$f" -v t="$t" -v what="$what" -v reps="$REPS" 'BEGIN {
	printf "records: %d (%.1f MB), median of %d runs\n", n, b / 1048576, reps
	printf "libyaml floor: %.3f s, %.0f records/s\n", f, n / f
	printf "%s: %.3f s, %.0f records/s\n", what, t, n / t
	printf "ratio: %.2fx the floor (target <= 2x)\n", t / f
}'
