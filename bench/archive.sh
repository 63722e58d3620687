#!/bin/sh
# debrief archive over 5,000, 10,000 and 20,000 generated records (awk,
# below): wall time and peak memory of each run, and their ratios to the
# 5,000 run.  Growth must be linear: expected ratios ~2.0 and ~4.0 (time,
# and memory above the floor of a one-record run); the bench fails when
# memory grows past 1.5 times linear (time is only printed: too noisy).
# Partners grow with the collection (one per 20 records), so the number
# of pages does too.  The three runs write Markdown only (--format md), so
# that they measure the archive rather than the PDF stage.  With PDFs, the
# first size is run with -j 1 against -j N (N: the processors) and again
# unchanged (no PDF rendered again), for information; the first and the
# last size are run with PDFs at the default -j, and their peak memory
# must stay under PDF_LIMIT_KB (100 MiB): no page is built whole in memory
# beyond a bound, so the peak grows with the model only.
# At every size, and for the runs with PDFs, a re-run after one task's
# status changed in one record is set against the full run it follows
# ("incremental (one task changed) vs full"): the cache of record
# summaries and the pages whose inputs did not change are reused, and
# the aim is a tenth of the full run or less (printed, not failed on:
# wall time on a shared machine is too noisy; CPU time is shown too).
# Both sides are the best of ARCHIVE_ROUNDS runs (default 3): full runs
# into a fresh directory each, re-runs each after another record's task
# changed; a neighbour's burst slows one run, never speeds one up.  Peak
# memory is the largest of the rounds.
# For Markdown, what copying archive.json whole and syncing it costs is
# printed beside: a floor under any re-run, since that file is made of
# every record.
set -u
PDF_LIMIT_KB=102400
dir=$(mktemp -d "${TMPDIR:-/tmp}/debrief-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT INT TERM
SIZES=${BENCH_ARCHIVE_SIZES:-5000 10000 20000}

# gen N DIR: N records of varied content (localities from the pre-2025
# units, spelling variants, several agencies, partners of ten countries,
# tasks with owners written several ways, contacts, agreements).
gen() {
	mkdir -p "$2"
	awk -v n="$1" -v out="$2" 'BEGIN {
	nl = split("Hà Nội|Thừa Thiên Huế|Lai Châu|Điện Biên|Sơn La|Lạng Sơn|Quảng Ninh|Thanh Hóa|Nghệ An|Hà Tĩnh|Cao Bằng|Tuyên Quang|Hà Giang|Lào Cai|Yên Bái|Thái Nguyên|Bắc Kạn|Phú Thọ|Vĩnh Phúc|Hòa Bình|Bắc Ninh|Bắc Giang|Hưng Yên|Thái Bình|Hải Phòng|Hải Dương|Ninh Bình|Hà Nam|Nam Định|Quảng Trị|Quảng Bình|Đà Nẵng|Quảng Nam|Quảng Ngãi|Kon Tum|Gia Lai|Bình Định|Khánh Hòa|Ninh Thuận|Lâm Đồng|Đắk Nông|Bình Thuận|Đắc Lắc|Phú Yên|TP.HCM|Bình Dương|Bà Rịa-Vũng Tàu|Đồng Nai|Bình Phước|Tây Ninh|Long An|Cần Thơ|Sóc Trăng|Hậu Giang|Vĩnh Long|Bến Tre|Trà Vinh|Đồng Tháp|Tiền Giang|Cà Mau|Bạc Liêu|An Giang|Kiên Giang", loc, "|")
	nc = split("JP FR KR DE BE CN US AU LA TH", cc, " ")
	no = split("Sở Ngoại vụ|sở ngoại vụ|Sở Công Thương|Sở Kế hoạch và Đầu tư|Sở Nông nghiệp và Môi trường|Sở NN&MT|Sở Văn hóa, Thể thao và Du lịch|Sở Giáo dục và Đào tạo|Sở Y tế|Sở Khoa học và Công nghệ|Sở Tài chính|Sở Xây dựng|Ban Quản lý các khu công nghiệp|Trung tâm Xúc tiến Đầu tư|Sở Nội vụ", own, "|")
	split("open in_progress done blocked dropped", st, " ")
	split("prospect exploring mou sister declined", sg, " ")
	split("mou agreement plan letter_of_intent", ak, " ")
	np = int(n / 20); if (np < 50) np = 50
	for (i = 1; i <= n; i++) {
		f = sprintf("%s/r%05d.yaml", out, i)
		y = 2010 + i % 15; m = 1 + i % 12; d = 1 + i % 25
		p = (i * 7) % np; q = (i * 13 + 5) % np
		print "schema: debrief/1" > f
		printf "id: bench-%05d\n", i > f
		printf "title: Đoàn công tác số %d về hợp tác kinh tế, du lịch và đào tạo\n", i > f
		printf "direction: %s\n", (i % 3 ? "outbound" : "inbound") > f
		printf "dates: {start: %04d-%02d-%02d, end: %04d-%02d-%02d}\n", y, m, d, y, m, d + 3 > f
		printf "locality: {name: %s%s, kind: province}\n", (i % 4 ? "" : "Tỉnh "), loc[1 + i % nl] > f
		printf "agency:\n  name: Cơ quan đại diện số %d\n  kind: embassy\n", i % 12 > f
		printf "  staff:\n    - {name: Cán bộ %d, title: Bí thư}\n", i % 40 > f
		print "partners:" > f
		printf "  - name: Partner %05d\n    country: %s\n    kind: prefecture\n", p, cc[1 + p % nc] > f
		printf "    relationship: {stage: %s, since: %04d-%02d}\n", sg[1 + p % 5], 2000 + p % 20, 1 + p % 12 > f
		printf "    profile: {strengths: [du lịch, nông nghiệp], priorities: [đào tạo], updated: %04d-%02d}\n", y, m > f
		if (i % 3 == 0)
			printf "  - {name: Partner %05d, country: %s, kind: city}\n", q, cc[1 + q % nc] > f
		print "tasks:" > f
		for (t = 1; t <= 4; t++) {
			printf "  - task: Nhiệm vụ %d của đoàn %d – chuẩn bị tài liệu và liên hệ đối tác\n", t, i > f
			printf "    owner: %s\n", own[1 + (i + t) % no] > f
			printf "    partner: Partner %05d\n", p > f
			printf "    due: %04d-%02d-%02d\n", y + (t % 2), 1 + (m + t) % 12, d > f
			printf "    status: %s\n", st[1 + (i * t) % 5] > f
			printf "    updates:\n      - {date: %04d-%02d-%02d, note: Đã triển khai bước %d}\n", y, m, d + 3, t > f
		}
		print "contacts:" > f
		printf "  - {name: Contact %d, org: Partner %05d, side: partner, since: %04d-%02d, email: c%d@example.org}\n", i % 500, p, y, m, i % 500 > f
		printf "  - {name: Liaison %d, org: Partner %05d, side: partner}\n", i % 97, p > f
		if (i % 4 == 0)
			printf "agreements:\n  - {kind: %s, title: Văn kiện hợp tác %d, signed: %04d-%02d-%02d, parties: [Partner %05d]}\n", ak[1 + i % 4], i, y, m, d + 1, p > f
		printf "handover: Ghi chú bàn giao của đoàn %d – đầu mối là Contact %d.\n", i, i % 500 > f
		close(f)
	}
	}'
}

measure() { # N DIR [FORMAT [keep]]: one run (into a fresh output directory
	# unless "keep"); sets kb and s
	[ "${4:-}" = keep ] || rm -rf "$dir/out"
	/usr/bin/time -f '%M %e %U %S' -o "$dir/time" "$DEBRIEF" archive ${JOBS:+-j $JOBS} -o "$dir/out" \
		--format "${3:-md}" --lang en --today 2025-09-01 "$2" >"$dir/log" 2>&1
	rc=$?
	if [ $rc -ne 0 ]; then echo "archive failed on $1 records (exit $rc):" >&2; tail -n 5 "$dir/log" >&2; exit 1; fi
	read -r kb s us ss <"$dir/time"
	cpu=$(awk -v u="$us" -v s="$ss" 'BEGIN { printf "%.2f", u + s }')
}

pdf_limit() { # N: the PDF run just measured stays under the limit
	if [ "$kb" -gt "$PDF_LIMIT_KB" ]; then
		echo "archive: $1 records with PDFs peak at $kb KiB, above $PDF_LIMIT_KB KiB" >&2
		status=1
	fi
}

ROUNDS=${ARCHIVE_ROUNDS:-3}

# best N DIR FORMAT [keep]: ROUNDS runs as measure, the best time and CPU
# time, the largest peak; before each round but the first, "$BETWEEN K"
# when set (K the round, from 2)
best() {
	bs=1e9 bc=1e9 bk=0 k=1
	while [ $k -le "$ROUNDS" ]; do
		[ $k -gt 1 ] && [ -n "${BETWEEN:-}" ] && $BETWEEN $k
		measure "$@"
		bs=$(awk -v a="$s" -v b="$bs" 'BEGIN { print (a < b ? a : b) }')
		bc=$(awk -v a="$cpu" -v b="$bc" 'BEGIN { print (a < b ? a : b) }')
		[ "$kb" -gt "$bk" ] && bk=$kb
		k=$((k + 1))
	done
	s=$bs cpu=$bc kb=$bk
}

# one_task DIR N [K]: the first task of record N/2 + K (K: 1) changes status
one_task() {
	f=$(printf '%s/r%05d.yaml' "$1" $(($2 / 2 + ${3:-1})))
	awk '!d && /^    status: / { $0 = ($2 == "done") ? "    status: open" : "    status: done"; d = 1 }
		{ print }' "$f" >"$f.new" && mv "$f.new" "$f"
}

# incremental LABEL N FORMAT FULL_S FULL_CPU: one task changed, a re-run
# into the same directory, against the full run; ROUNDS times, a task of
# another record each time, the best
incremental() {
	inc_n=$2
	BETWEEN=inc_between
	one_task "$dir/r" "$2" 1
	best "$2" "$dir/r" "$3" keep
	BETWEEN=
	echo "archive: $2 records$1, incremental (one task changed) vs full, best of $ROUNDS: ${s}s vs ${4}s," \
		"$(awk -v a="$s" -v b="$4" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }') of the time;" \
		"CPU ${cpu}s vs ${5}s, $(awk -v a="$cpu" -v b="$5" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }');" \
		"$(tail -n 1 "$dir/log" | sed 's/.*: //')"
	if [ "$3" = md ]; then
		# what any re-run pays whatever changed: archive.json is one file,
		# made of every record, and is written again (and synced) whole
		/usr/bin/time -f '%e' -o "$dir/time" sh -c \
			'cat "$1" >"$2" && sync -f "$2"' sh "$dir/out/archive.json" "$dir/copy.json"
		read -r cs <"$dir/time"
		echo "archive: $2 records, writing archive.json alone ($(($(wc -c <"$dir/copy.json") / 1048576)) MiB, synced), a floor under any re-run:" \
			"${cs}s, $(awk -v a="$cs" -v b="$4" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }') of the full run"
		rm -f "$dir/copy.json"
	fi
}

inc_between() { one_task "$dir/r" "$inc_n" "$1"; }

gen 1 "$dir/r1"
measure 1 "$dir/r1"
floor_kb=$kb
echo "archive: floor (1 record): peak ${floor_kb} KiB"
base_s="" base_kb=""
status=0
last=${SIZES##* }
for n in $SIZES; do
	rm -rf "$dir/r"
	gen "$n" "$dir/r"
	best "$n" "$dir/r"
	md_kb=$kb md_s=$s md_cpu=$cpu
	incremental "" "$n" md "$md_s" "$md_cpu"
	if [ -z "$base_s" ] && [ "${BENCH_ARCHIVE_PDF:-1}" = 1 ]; then
		JOBS=1 measure "$n" "$dir/r" md,pdf
		echo "archive: $n records with PDFs, -j 1: ${s}s (CPU ${cpu}s), peak ${kb} KiB"
		s1=$s
		JOBS=$(nproc) best "$n" "$dir/r" md,pdf
		echo "archive: $n records with PDFs, -j $(nproc), best of $ROUNDS: ${s}s (CPU ${cpu}s), peak ${kb} KiB" \
			"(limit $PDF_LIMIT_KB KiB);" \
			"$(awk -v a="$s1" -v b="$s" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')x faster in wall time"
		pdf_limit "$n"
		pdf_s=$s pdf_cpu=$cpu
		measure "$n" "$dir/r" md,pdf keep
		echo "archive: $n records with PDFs, unchanged re-run: ${s}s, peak ${kb} KiB ($(tail -n 1 "$dir/log" | sed 's/.*: //'))"
		incremental " with PDFs" "$n" md,pdf "$pdf_s" "$pdf_cpu"
	elif [ "${BENCH_ARCHIVE_PDF:-1}" = 1 ] && [ "$n" = "$last" ]; then
		best "$n" "$dir/r" md,pdf
		echo "archive: $n records with PDFs, -j $(nproc), best of $ROUNDS: ${s}s (CPU ${cpu}s), peak ${kb} KiB" \
			"(limit $PDF_LIMIT_KB KiB)"
		pdf_limit "$n"
		incremental " with PDFs" "$n" md,pdf "$s" "$cpu"
		echo "archive: $n records with PDFs, incremental run: peak ${kb} KiB (limit $PDF_LIMIT_KB KiB)"
		pdf_limit "$n"
	fi
	kb=$md_kb s=$md_s
	pages=$(find "$dir/out" -name '*.md' | wc -l)
	net=$((kb - floor_kb))
	line="archive: $n records in ${s}s (best of $ROUNDS), peak ${kb} KiB (${net} KiB above the floor), $pages pages"
	if [ -z "$base_s" ]; then
		base_s=$s base_kb=$net base_n=$n
		echo "$line"
	else
		ts=$(awk -v a="$s" -v b="$base_s" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
		ms=$(awk -v a="$net" -v b="$base_kb" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
		want=$(awk -v a="$n" -v b="$base_n" 'BEGIN { printf "%.1f", a / b }')
		echo "$line; ratios to $base_n: time $ts, memory $ms (linear: ~$want)"
		# memory well past linear fails; wall time on a shared machine is
		# too noisy to fail on, it is only printed
		bad=$(awk -v m="$ms" -v w="$want" 'BEGIN { print (m > 1.5 * w) ? 1 : 0 }')
		if [ "$bad" = 1 ]; then echo "archive: growth is not linear" >&2; status=1; fi
	fi
done
exit $status
