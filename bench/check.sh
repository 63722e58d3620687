#!/bin/sh
# debrief check over 5,000 records (the complete example of
# record-format.md, each with its own id): wall time and peak memory,
# against a floor measured in the same run (one record).  Fails when the
# records cost more than 64 KiB each above the floor: records stay alive
# only until the collection rules have run, so this bounds what one
# record keeps.
set -u
N=${BENCH_RECORDS:-5000}
dir=$(mktemp -d "${TMPDIR:-/tmp}/debrief-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT INT TERM
mkdir -p "$dir/one" "$dir/many"
src="$TOP/bench/data/check-record.yaml"
awk -v n="$N" -v out="$dir/many" '
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
per=$(( (kb - floor_kb) * 1024 / N ))
echo "check: $N records in ${s}s, peak ${kb} KiB (floor, 1 record: ${floor_kb} KiB, ${floor_s}s)"
echo "check: ${per} bytes of peak memory per record"
[ "$per" -le 65536 ] || { echo "check: more than 64 KiB per record" >&2; exit 1; }
