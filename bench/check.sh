#!/bin/sh
# debrief check over a collection, in two parts.
#
# Speed: 5,000 generated records (bench/gen_records: varied fields,
# Vietnamese text) against a floor measured in the same run, a bare
# libyaml event loop over the same files (bench/yaml_floor.c).  Prints
# records/s for each and the ratio; the target is at most 2x the floor.
# CPU time of "check -j 1" (the floor runs on one thread too), median of
# REPS interleaved runs (default 5); then the CPU time at the default
# -j (every core), and the wall time of -j 1 against the default.  The
# loader alone (through tests/tools/yamlload) is measured too, or instead
# when "debrief check" is not built.
#
# Memory: the complete example of docs/record-format.md 5,000 and 20,000
# times (BENCH_RECORDS: other sizes, smallest first), each with its own
# id: peak memory against one record, in bytes per record at each size,
# and what each record added from one size to the next.
# Fails when the records cost more than 1.5 KiB each above the floor at
# any size, or when the figure at the largest size is more than a tenth
# above the smallest's (memory growing faster than the records).  A record
# stays alive only until its summary is in the collection; what stays per
# record is that summary (about 0.75 KiB: the archive model's entries for
# the visit, its partner and its two open tasks, its id in the table of
# ids, and what finishing the model makes per visit of a partner), the
# input's own entry and name (about 0.12 KiB) and its findings, packed
# (about 25 bytes for its four); with -j N, what the threads have in
# flight adds a constant, which the smaller size shows most.
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

# CPU seconds (user + system) of one run: steadier than wall time on a
# shared machine, and what the ratio is about.
cpu() {
	/usr/bin/time -f '%U %S %e' -o "$work/cpu" "$@" >/dev/null 2>&1 || true # check exits 1 on findings
	# the last line: a failing command adds "Command exited with non-zero status" first
	awk 'END { printf "%.4f\n", $1 + $2 }' "$work/cpu"
	awk 'END { printf "%.4f\n", $3 }' "$work/cpu" >>"$work/wall"
}
med() { sort -n "$1" | awk '{ v[NR] = $1 } END { printf "%.4f\n", v[int((NR + 1) / 2)] }'; }

floor="\"$work/yaml_floor\" <\"$work/list\""
loader="xargs \"$TOP/build/unit/yamlload\" -q <\"$work/list\""
check="\"$DEBRIEF\" check -j 1 --today 2026-11-23 \"$work/records\""
checkj="\"$DEBRIEF\" check --today 2026-11-23 \"$work/records\"" # -j: every core
have_check=0
if [ -x "$DEBRIEF" ] && ! "$DEBRIEF" check /dev/null 2>&1 | grep -q 'not available'; then
	have_check=1
fi

# The three interleaved, REPS times, so that a change in the machine's load
# falls on all of them alike; medians of each.
: >"$work/t.floor"; : >"$work/t.loader"; : >"$work/t.check"; : >"$work/t.checkj"
: >"$work/w.check"; : >"$work/w.checkj"
i=0
while [ $i -lt "$REPS" ]; do
	cpu sh -c "$floor" >>"$work/t.floor"
	cpu sh -c "$loader" >>"$work/t.loader"
	if [ $have_check = 1 ]; then
		: >"$work/wall"
		cpu sh -c "$check" >>"$work/t.check"
		cpu sh -c "$checkj" >>"$work/t.checkj"
		sed -n 1p "$work/wall" >>"$work/w.check"
		sed -n 2p "$work/wall" >>"$work/w.checkj"
	fi
	i=$((i + 1))
done

# name seconds: one line of figures against the floor f
report() {
	awk -v n="$N" -v f="$f" -v t="$2" -v what="$1" 'BEGIN {
		printf "%s: %.3f s, %.0f records/s, %.2fx the floor\n", what, t, n / t, t / f }'
}
f=$(med "$work/t.floor")
awk -v n="$N" -v b="$bytes" -v f="$f" -v reps="$REPS" 'BEGIN {
	printf "speed: %d records (%.1f MB), CPU time, median of %d interleaved runs; target: check <= 2x the floor\n",
		n, b / 1048576, reps
	printf "libyaml floor (bare event loop): %.3f s, %.0f records/s\n", f, n / f }'
report "loader (tests/tools/yamlload)" "$(med "$work/t.loader")"
if [ $have_check = 1 ]; then
	report "debrief check -j 1" "$(med "$work/t.check")"
	jobs=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo "?")
	report "debrief check -j $jobs (the default)" "$(med "$work/t.checkj")"
	awk -v a="$(med "$work/w.check")" -v b="$(med "$work/w.checkj")" -v j="$jobs" 'BEGIN {
		printf "wall time: check -j 1 %.3f s, -j %s %.3f s (%.2fx)\n", a, j, b, a / b }'
else
	echo "debrief check: not built yet"
fi

# Instructions, counted by callgrind on the first 500 records: the same
# total on every run whatever else the machine does, so this ratio is the
# steady one; CPU time above adds what memory traffic costs.
if [ $have_check = 1 ] && command -v valgrind >/dev/null 2>&1; then
	mkdir -p "$work/some"
	head -n 500 "$work/list" | xargs cp -t "$work/some"
	ls "$work/some"/*.yaml >"$work/some.list"
	ir() { # callgrind's instruction total of a command, standard input from $in
		valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" "$@" <"$in" \
			>/dev/null 2>&1 || true
		awk '/^summary:/ { print $2 }' "$work/cg.out"
	}
	in="$work/some.list" fi_=$(ir "$work/yaml_floor")
	in=/dev/null ci_=$(ir "$DEBRIEF" check -j 1 --today 2026-11-23 "$work/some")
	awk -v f="$fi_" -v c="$ci_" 'BEGIN {
		printf "instructions, 500 records: floor %.0fM, check %.0fM, %.2fx the floor\n",
			f / 1e6, c / 1e6, c / f }'
fi

# ---- memory ----
set +e
dir=$work/memory
src="$TOP/bench/data/check-record.yaml"
# records M: M copies of the example in $dir/M, and one in $dir/one
records() {
	mkdir -p "$dir/$1"
	awk -v n="$1" -v out="$dir/$1" '
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
}

measure() { # DIR -> "KB SECONDS"
	/usr/bin/time -f '%M %e' -o "$dir/time" "$DEBRIEF" check --today 2026-11-23 \
		--format json "$1" >"$dir/out.json" 2>/dev/null
	rc=$?
	if [ $rc -eq 2 ]; then echo "check failed on $1" >&2; exit 1; fi
	cat "$dir/time"
}
mkdir -p "$dir/one"
records 1
mv "$dir/1/r00001.yaml" "$dir/one/"
set -- $(measure "$dir/one")
floor_kb=$1 floor_s=$2
echo "check: floor, 1 record: ${floor_kb} KiB, ${floor_s}s"
first= last= prev_kb= prev_m= fail=0
for M in ${BENCH_RECORDS:-5000 20000}; do
	records "$M"
	set -- $(measure "$dir/$M")
	kb=$1 s=$2
	per=$(( (kb - floor_kb) * 1024 / M ))
	echo "check: $M records in ${s}s, peak ${kb} KiB, ${per} bytes of peak memory per record"
	[ "$per" -le 1536 ] || { echo "check: more than 1.5 KiB per record at $M" >&2; fail=1; }
	if [ -n "$first" ]; then # what each record past the last size added
		echo "check: from $prev_m to $M records: $(( (kb - prev_kb) * 1024 / (M - prev_m) )) bytes per record added"
	fi
	first=${first:-$per} last=$per prev_kb=$kb prev_m=$M
	rm -rf "${dir:?}/$M"
done
if [ $(( last * 10 )) -gt $(( first * 11 )) ]; then
	echo "check: memory per record grows with the records ($first, then $last bytes)" >&2
	fail=1
fi
exit $fail
