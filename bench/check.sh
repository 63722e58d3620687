#!/bin/sh
# debrief check over a collection, in two parts.
#
# Speed: 5,000 generated records (bench/gen_records: varied fields,
# Vietnamese text) against a floor measured in the same run, a bare
# libyaml event loop over the same files (bench/yaml_floor.c).  Prints
# records/s for each and the ratio; the target is at most 2x the floor.
# Wall time, median of REPS runs (default 5).  The loader alone (through
# tests/tools/yamlload) is measured too, or instead when "debrief check"
# is not built.
#
# Memory: the complete example of record-format.md 5,000 times, each with
# its own id: peak memory against one record.  Fails when the records
# cost more than 64 KiB each above the floor: records stay alive only
# until the collection rules have run, so this bounds what one record
# keeps.
set -eu
: "${TOP:?}" "${DEBRIEF:=$TOP/build/debrief}"
N=${N:-5000}
REPS=${REPS:-5}
work=$(mktemp -d "${TMPDIR:-/tmp}/debrief-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

cc -O2 -o "$work/yaml_floor" "$TOP/bench/yaml_floor.c" $(pkg-config --cflags --libs yaml-0.1)
make --no-print-directory -C "$TOP" build/unit/yamlload >/dev/null
sh "$TOP/bench/gen_records" "$N" "$work/records"
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
check() { "$DEBRIEF" check --today 2026-11-23 "$work/records"; }

# name seconds: one line of figures against the floor f
report() {
	awk -v n="$N" -v f="$f" -v t="$2" -v what="$1" 'BEGIN {
		printf "%s: %.3f s, %.0f records/s, %.2fx the floor\n", what, t, n / t, t / f }'
}
f=$(median floor)
awk -v n="$N" -v b="$bytes" -v f="$f" -v reps="$REPS" 'BEGIN {
	printf "speed: %d records (%.1f MB), median of %d runs; target: check <= 2x the floor\n",
		n, b / 1048576, reps
	printf "libyaml floor (bare event loop): %.3f s, %.0f records/s\n", f, n / f }'
report "loader (tests/tools/yamlload)" "$(median loader)"
if [ -x "$DEBRIEF" ] && ! "$DEBRIEF" check /dev/null 2>&1 | grep -q 'not available'; then
	report "debrief check" "$(median check)"
else
	echo "debrief check: not built yet"
fi

# ---- memory ----
set +e
M=${BENCH_RECORDS:-5000}
dir=$work/memory
mkdir -p "$dir/one" "$dir/many"
src="$TOP/bench/data/check-record.yaml"
awk -v n="$M" -v out="$dir/many" '
	{ line[NR] = $0 }
	END {
		for (i = 1; i <= n; i++) {
			f = sprintf("%s/r%05d.yaml", out, i)
			for (k = 1; k <= NR; k++) {
				l = line[k]
				if (l ~ /^id: /) l = sprintf("id: bench-%05d", i)
				print l > f
			}
			close(f)
		}
	}' "$src"
cp "$dir/many/r00001.yaml" "$dir/one/"

measure() { # DIR -> "KB SECONDS"
	/usr/bin/time -f '%M %e' -o "$dir/time" "$DEBRIEF" check --today 2026-11-23 \
		--format json "$1" >"$dir/out.json" 2>/dev/null
	rc=$?
	if [ $rc -eq 2 ]; then echo "check failed on $1" >&2; exit 1; fi
	cat "$dir/time"
}
set -- $(measure "$dir/one")
floor_kb=$1 floor_s=$2
set -- $(measure "$dir/many")
kb=$1 s=$2
per=$(( (kb - floor_kb) * 1024 / M ))
echo "check: $M records in ${s}s, peak ${kb} KiB (floor, 1 record: ${floor_kb} KiB, ${floor_s}s)"
echo "check: ${per} bytes of peak memory per record"
[ "$per" -le 65536 ] || { echo "check: more than 64 KiB per record" >&2; exit 1; }
