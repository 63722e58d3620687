#!/bin/sh
# debrief report over generated records (bench/gen_records.sh), Markdown
# alone and Markdown + PDF, beside a bare libyaml parse of the same files
# in the same run (bench/yaml_floor.c).  Prints reports/s, ms per report,
# the ratio to the floor, the median PDF size, and peak memory for N/4 and
# N records: it must not grow with the number of records.  Times are the
# best of REPORT_ROUNDS (default 3) interleaved rounds.
# The same for records whose partners are Lao, Khmer and Thai provinces
# (local names shaped, broken into words).
# Per report, single-threaded (-j 1), against the floor of the same run
# (bench/report_floor.c): parsing the records' YAML and the reports'
# Markdown, deflating the PDFs' streams at the same level, writing the same
# bytes the same way; wall and CPU seconds, best of the rounds each.
# Targets: under 5 ms per report; median PDF under 36 KB; at most 1.5x the
# floor, in time and in instructions (below).
set -eu
: "${TOP:?}" "${DEBRIEF:=$TOP/build/debrief}"
N=${REPORT_RECORDS:-1000}
ROUNDS=${REPORT_ROUNDS:-3}
work=$(mktemp -d "${TMPDIR:-/tmp}/debrief-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
export DEBRIEF_TEMPLATES="$TOP/templates"
export SOURCE_DATE_EPOCH=1763856000

cc -O2 -o "$work/yaml_floor" "$TOP/bench/yaml_floor.c" $(pkg-config --cflags --libs yaml-0.1)
# shellcheck disable=SC2046
cc -std=c11 -O2 -o "$work/report_floor" "$TOP/bench/report_floor.c" \
	$(pkg-config --cflags --libs yaml-0.1 libcmark-gfm zlib) -lcmark-gfm-extensions
sh "$TOP/bench/gen_records" "$N" "$work/all"
sh "$TOP/bench/gen_records" "$N" "$work/sea" sea
mkdir -p "$work/quarter"
find "$work/all" -name '*.yaml' | sort | head -n $((N / 4)) | xargs cp -t "$work/quarter"
find "$work/all" -name '*.yaml' | sort >"$work/list"

# secs CMD...: wall seconds of one run
secs() {
	s=$(date +%s%N)
	"$@" >/dev/null 2>&1 || true
	e=$(date +%s%N)
	echo $(( (e - s) / 1000 )) | awk '{ printf "%.4f\n", $1 / 1e6 }'
}
peak_kb() { # DIR FORMAT
	/usr/bin/time -f '%M' -o "$work/rss" "$DEBRIEF" report -o "$work/out-rss" --format "$2" \
		--today 2026-11-23 "$1" >/dev/null 2>&1 || true
	tail -n 1 "$work/rss" # after "Command exited with non-zero status N" when it did
}

# min A B: the smaller of two times
min() { awk -v a="$1" -v b="$2" 'BEGIN { print (a < b ? a : b) }'; }

# Interleaved rounds, best of each: a neighbour's burst on a shared
# machine slows one run, never speeds one up.
f=1e9 md=1e9 both=1e9 sea=1e9 j1=1e9 j1cpu=1e9 jn=1e9 jncpu=1e9 fl=1e9 flcpu=1e9
J=$(nproc)
# cpu_wall OUT CMD...: "wall cpu" seconds of one run (cpu: user + system)
cpu_wall() {
	o=$1; shift
	/usr/bin/time -f '%e %U %S' -o "$work/tm" "$@" >/dev/null 2>&1 || true
	# the last line: a run that exits 1 (a record given wrongly) adds
	# "Command exited with non-zero status 1" first
	awk 'END { printf "%.3f %.3f\n", $1, $2 + $3 }' "$work/tm" >"$o"
}
r=0
while [ $r -lt "$ROUNDS" ]; do
	# each round writes into directories of its own, all removed at the
	# end: on ext4 without a journal, a file made within half a minute of
	# many being deleted costs a walk over the freed inodes, a cost of the
	# bench's own clean-up that would land on whichever run came next
	rd="$work/round$r"
	mkdir "$rd" "$rd/scratch"
	f=$(min "$f" "$(secs "$work/yaml_floor" <"$work/list")")
	md=$(min "$md" "$(secs "$DEBRIEF" report -o "$rd/md" --format md --today 2026-11-23 "$work/all")")
	both=$(min "$both" "$(secs "$DEBRIEF" report -o "$rd/both" --format md,pdf --today 2026-11-23 "$work/all")")
	sea=$(min "$sea" "$(secs "$DEBRIEF" report -o "$rd/sea-out" --format md,pdf --today 2026-11-23 "$work/sea")")
	cpu_wall "$work/t1" "$DEBRIEF" report -j 1 -o "$rd/j1" --today 2026-11-23 "$work/all"
	cpu_wall "$work/tn" "$DEBRIEF" report -j "$J" -o "$rd/jn" --today 2026-11-23 "$work/all"
	j1=$(min "$j1" "$(cut -d' ' -f1 "$work/t1")") j1cpu=$(min "$j1cpu" "$(cut -d' ' -f2 "$work/t1")")
	jn=$(min "$jn" "$(cut -d' ' -f1 "$work/tn")") jncpu=$(min "$jncpu" "$(cut -d' ' -f2 "$work/tn")")
	"$work/report_floor" "$work/list" "$rd/j1" "$rd/scratch" 3 >"$work/floor"
	fl=$(min "$fl" "$(awk '$1 == "floor" { print $2 }' "$work/floor")")
	flcpu=$(min "$flcpu" "$(awk '$1 == "floor" { print $3 }' "$work/floor")")
	r=$((r + 1))
done
seamade=$(ls "$rd/sea-out"/*.pdf 2>/dev/null | wc -l)
seamedian=$(ls -l "$rd/sea-out"/*.pdf | awk '{ print $5 }' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
made=$(ls "$rd/both"/*.pdf 2>/dev/null | wc -l)
median=$(ls -l "$rd/both"/*.pdf | awk '{ print $5 }' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
awk -v n="$N" -v rounds="$ROUNDS" -v f="$f" -v md="$md" -v both="$both" -v made="$made" -v med="$median" 'BEGIN {
	printf "%d records, %d PDFs written; times are the best of %d interleaved rounds\n", n, made, rounds
	printf "libyaml floor (bare parse):  %.3f s, %.0f records/s\n", f, n / f
	printf "report, Markdown:            %.3f s, %.0f reports/s, %.2f ms/report, %.1fx the floor\n", md, n / md, 1000 * md / n, md / f
	printf "report, Markdown + PDF:      %.3f s, %.0f reports/s, %.2f ms/report, %.1fx the floor\n", both, n / both, 1000 * both / n, both / f
	printf "median PDF: %d bytes (target < 36864): %s\n", med, med < 36864 ? "ok" : "OVER"
	printf "per report: %s (target < 5 ms)\n", 1000 * both / n < 5 ? "ok" : "OVER" }'
awk -v n="$N" -v sea="$sea" -v both="$both" -v made="$seamade" -v med="$seamedian" 'BEGIN {
	printf "report, Markdown + PDF, partners in Lao, Khmer, Thai (%d PDFs): %.3f s, %.2f ms/report, %.2fx the usual; median PDF %d bytes\n", made, sea, 1000 * sea / n, sea / both, med }'
same=$(diff -r "$rd/j1" "$rd/jn" >/dev/null 2>&1 && echo "byte-identical" || echo "DIFFERENT")
awk -v n="$N" -v j="$J" -v w1="$j1" -v c1="$j1cpu" -v wn="$jn" -v cn="$jncpu" -v same="$same" 'BEGIN {
	printf "report, Markdown + PDF, -j 1: %.3f s wall, %.3f s CPU\n", w1, c1
	printf "report, Markdown + PDF, -j %d: %.3f s wall, %.3f s CPU; %.2fx faster in wall time; outputs %s\n",
		j, wn, cn, w1 / wn, same }'
echo "floor of a report, phase by phase (last round):"
grep -v '^floor ' "$work/floor" | sed 's/^/  /'
awk -v n="$N" -v w1="$j1" -v c1="$j1cpu" -v fw="$fl" -v fc="$flcpu" 'BEGIN {
	printf "report floor (yaml + markdown + deflate + write): %.3f s wall, %.3f s CPU; %.2f ms/report wall, %.2f CPU\n",
		fw, fc, 1000 * fw / n, 1000 * fc / n
	printf "report -j 1 against it: %.2f ms/report wall, %.2f CPU; %.2fx the floor in wall time, %.2fx in CPU time (target <= 1.5): %s\n",
		1000 * w1 / n, 1000 * c1 / n, w1 / fw, c1 / fc, (w1 / fw <= 1.5 && c1 / fc <= 1.5) ? "ok" : "OVER" }'
# Instructions, counted by callgrind over the first REPORT_IR_RECORDS
# (default 500) records: the same count on every run whatever else the
# machine does, where the times above move by a quarter from one run to
# the next on a shared machine.  The floor's are those of its timed
# phases alone (--toggle-collect), not of reading and inflating before
# them; the report's include its start (fonts, templates), once a run.
if command -v valgrind >/dev/null 2>&1; then
	M=${REPORT_IR_RECORDS:-500}
	mkdir "$work/ir" "$work/ir-out" "$work/ir-scratch"
	head -n "$M" "$work/list" >"$work/ir.list"
	xargs cp -t "$work/ir" <"$work/ir.list"
	find "$work/ir" -name '*.yaml' | sort >"$work/ir.list"
	valgrind --tool=callgrind --callgrind-out-file="$work/cg.report" "$DEBRIEF" report -j 1 \
		-o "$work/ir-out" --today 2026-11-23 "$work/ir" >/dev/null 2>&1 || true
	valgrind --tool=callgrind --toggle-collect=phases --callgrind-out-file="$work/cg.floor" \
		"$work/report_floor" "$work/ir.list" "$work/ir-out" "$work/ir-scratch" 3 >/dev/null 2>&1 || true
	ri=$(awk '/^summary:/ { print $2 }' "$work/cg.report")
	fi_=$(awk '/^summary:/ { print $2 }' "$work/cg.floor")
	awk -v m="$M" -v r="${ri:-0}" -v f="${fi_:-0}" 'BEGIN {
		if (r == 0 || f == 0) { print "instructions: FAIL, callgrind gave no count"; exit }
		printf "instructions, %d reports: floor %.0fM, report -j 1 %.0fM; %.2fx the floor (target <= 1.5): %s\n",
			m, f / 1e6, r / 1e6, r / f, r / f <= 1.5 ? "ok" : "OVER" }'
else
	echo "instructions: FAIL, valgrind is not installed (sh tools/deps.sh test)"
fi
q=$(peak_kb "$work/quarter" md,pdf)
a=$(peak_kb "$work/all" md,pdf)
awk -v q="$q" -v a="$a" -v n="$N" 'BEGIN {
	printf "peak memory: %d KB for %d records, %d KB for %d records (ratio %.2f; flat means it does not grow)\n",
		q, n / 4, a, n, a / q }'
