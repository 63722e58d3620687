#!/bin/sh
# -j N: report, archive and check run on several threads give the very bytes of
# -j 1, files and messages alike, with messages in input order (bad and
# duplicate records among good ones); files are written in batches, more
# than one batch here, and no temporary is left; -j refuses what is not a
# number of threads.
. ../lib.sh
export TZ=UTC
TODAY=2025-11-23
export DEBRIEF_TEMPLATES="$TOP/templates"
export SOURCE_DATE_EPOCH=1763856000

# A generated collection (two kinds of partner, so that some ids repeat
# across the halves: the later record must be refused whatever the
# threads), with an unreadable record and one without an id among them.
G=$WORK/gen
sh "$TOP/bench/gen_records" 40 "$G/a"
sh "$TOP/bench/gen_records" 12 "$G/b" sea
printf 'schema: debrief/1\nid: [unclosed\n' >"$G/a/00003.yaml"
printf 'schema: debrief/1\nlocality: {name: Cà Mau}\n' >"$G/a/00017.yaml"

# run NAME CMD ARGS...: CMD -o $WORK/NAME ARGS, stderr with the output
# directory's name taken out
run() {
	n=$1 c=$2; shift 2
	"$DEBRIEF" "$c" -o "$WORK/$n" --today $TODAY "$@" >"$WORK/$n.out" 2>"$WORK/$n.raw"
	echo $? >"$WORK/$n.rc"
	sanitizer_clean "$n/sanitizers" "$WORK/$n.raw" || true
	sed "s|$WORK/$n|OUT|g" "$WORK/$n.raw" >"$WORK/$n.err"
}

# same NAME A B: outputs, messages and exit status of runs A and B agree
# (an archive's .debrief-archive.stat describes its files' inodes and times)
same() {
	if ! diff -r -x .debrief-archive.stat "$WORK/$2" "$WORK/$3" >"$WORK/diff.out" 2>&1; then
		fail "$1/files" "$2 and $3 differ"; head -n 10 "$WORK/diff.out"
	else ok "$1/files"; fi
	if ! diff "$WORK/$2.err" "$WORK/$3.err" >"$WORK/diff.out" 2>&1; then
		fail "$1/messages" "$2 and $3 say different things"; head -n 10 "$WORK/diff.out"
	else ok "$1/messages"; fi
	if [ "$(cat "$WORK/$2.rc")" = "$(cat "$WORK/$3.rc")" ]; then ok "$1/exit"; else
		fail "$1/exit" "$(cat "$WORK/$2.rc") against $(cat "$WORK/$3.rc")"; fi
}

# in_order NAME ERR: the records named in ERR come in input (sorted) order
in_order() {
	# the file a message is about opens its line; a duplicate id names the
	# earlier record after it
	grep -o "^$G/[ab]/[0-9]*\.yaml" "$2" | uniq >"$WORK/named"
	if [ -s "$WORK/named" ] && LC_ALL=C sort -c "$WORK/named" 2>/dev/null; then ok "$1"; else
		fail "$1" "messages out of input order"; head -n 10 "$WORK/named"; fi
}

no_temps() {
	t=$(find "$WORK/$2" -name '*.tmp??????' | wc -l)
	if [ "$t" -eq 0 ]; then ok "$1"; else fail "$1" "$t temporaries left"; fi
}

# ---- report ----
run rep-ex-1 report -j 1 "$TOP"/examples/*.yaml
run rep-ex-3 report -j 3 "$TOP"/examples/*.yaml
same report/examples rep-ex-1 rep-ex-3
n=$(ls "$WORK/rep-ex-1" | wc -l)
[ "$n" -ge 24 ] && ok "report/examples/written ($n files)" || fail report/examples/written "$n files"

run rep-gen-1 report -j 1 --format md "$G/a" "$G/b"
run rep-gen-4 report -j 4 --format md "$G/a" "$G/b"
same report/generated rep-gen-1 rep-gen-4
in_order report/generated/order "$WORK/rep-gen-4.err"
has() { if grep -q -- "$3" "$2"; then ok "$1"; else fail "$1" "no '$3' in $2"; fi; }
has report/generated/refused-duplicate "$WORK/rep-gen-4.err" "is already used by\|đã được dùng cho hồ sơ"
has report/generated/unreadable "$WORK/rep-gen-4.err" "$G/a/00003.yaml"
[ "$(cat "$WORK/rep-gen-4.rc")" = 2 ] && ok report/generated/exit-2 ||
	fail report/generated/exit-2 "exited $(cat "$WORK/rep-gen-4.rc")"
n=$(ls "$WORK/rep-gen-4" | wc -l)
[ "$n" -ge 38 ] && ok "report/generated/written ($n files)" || fail report/generated/written "$n files"

# more files than one batch, with PDFs
run rep-pdf-1 report -j 1 "$G/a"
run rep-pdf-2 report -j 2 "$G/a"
same report/generated-pdf rep-pdf-1 rep-pdf-2
n=$(ls "$WORK/rep-pdf-2" | wc -l)
[ "$n" -gt 64 ] && ok "report/generated-pdf/batches ($n files)" ||
	fail report/generated-pdf/batches "$n files, want more than one batch of 64"
no_temps report/no-temporaries rep-pdf-2

# ---- archive ----
run arc-ex-1 archive -j 1 "$TOP/examples"
run arc-ex-3 archive -j 3 "$TOP/examples"
same archive/examples arc-ex-1 arc-ex-3
run arc-gen-1 archive -j 1 --format md "$G/a" "$G/b"
run arc-gen-2 archive -j 2 --format md "$G/a" "$G/b"
same archive/generated arc-gen-1 arc-gen-2
no_temps archive/no-temporaries arc-gen-2
# a second run over the same archive: nothing to write, with any -j
run arc-gen-2 archive -j 2 --format md "$G/a" "$G/b"
has archive/rerun-unchanged "$WORK/arc-gen-2.out" " 0 tệp đã ghi\| 0 files written"

# ---- check ----
# chk NAME ARGS...: debrief check ARGS over the generated collection, its
# output, messages and exit status kept as for run
chk() {
	n=$1; shift
	"$DEBRIEF" check --today $TODAY "$@" >"$WORK/$n.out" 2>"$WORK/$n.raw"
	echo $? >"$WORK/$n.rc"
	sanitizer_clean "$n/sanitizers" "$WORK/$n.raw" || true
	cp "$WORK/$n.raw" "$WORK/$n.err"
}
# same_out NAME A B: standard output, messages and exit status agree
same_out() {
	for k in out err rc; do
		if cmp -s "$WORK/$2.$k" "$WORK/$3.$k"; then ok "$1/$k"; else
			fail "$1/$k" "$2.$k and $3.$k differ"
			diff "$WORK/$2.$k" "$WORK/$3.$k" | head -n 10
		fi
	done
}
for f in text json sarif github; do
	chk chk-$f-1 -j 1 --verbose --format $f "$G/a" "$G/b"
	chk chk-$f-3 -j 3 --verbose --format $f "$G/a" "$G/b"
	same_out check/$f chk-$f-1 chk-$f-3
done
has check/generated/duplicate-id "$WORK/chk-text-3.out" "schema-duplicate-id"
has check/generated/unreadable "$WORK/chk-text-3.err" "$G/a/00003.yaml"
has check/generated/collection "$WORK/chk-text-3.out" "archive-open-tasks\|archive-cold-partner"
[ "$(cat "$WORK/chk-text-3.rc")" = 1 ] && ok check/generated/exit-1 ||
	fail check/generated/exit-1 "exited $(cat "$WORK/chk-text-3.rc")"
# output larger than what check holds before writing: all of it, and a
# failed write still fails the run
n=$(wc -c <"$WORK/chk-text-3.out")
[ "$n" -gt 65536 ] && ok "check/generated/large-output ($n bytes)" ||
	fail check/generated/large-output "only $n bytes: the output is written in one piece"
"$DEBRIEF" check -j 3 --today $TODAY --format json "$G/a" "$G/b" >/dev/full 2>"$WORK/full.err"
rc=$?
if [ $rc = 2 ] && grep -q "không ghi được kết quả" "$WORK/full.err"; then ok check/write-error; else
	fail check/write-error "exit $rc: $(head -n 1 "$WORK/full.err")"; fi
# junit: the same but for the time each file took
chk chk-junit-1 -j 1 --format junit "$G/a" "$G/b"
chk chk-junit-2 -j 2 --format junit "$G/a" "$G/b"
for n in chk-junit-1 chk-junit-2; do
	sed 's/ time="[0-9.]*"//g' "$WORK/$n.out" >"$WORK/$n.notime" && mv "$WORK/$n.notime" "$WORK/$n.out"
done
same_out check/junit chk-junit-1 chk-junit-2

# ---- -j itself ----
for c in report archive check; do
	for bad in 0 x -3 2000; do
		o="-o $WORK/bad"; [ $c = check ] && o=
		# shellcheck disable=SC2086
		"$DEBRIEF" $c -j $bad $o "$TOP/examples" >/dev/null 2>"$WORK/bad.err"
		rc=$?
		if [ $rc = 2 ] && grep -q -- "-j" "$WORK/bad.err"; then ok "$c/jobs-$bad-refused"; else
			fail "$c/jobs-$bad-refused" "exit $rc"; head -n 3 "$WORK/bad.err"; fi
	done
done

# ---- a configuration that cannot be read, first met by an unreadable record ----
# Its message comes with the next record of its directory that can be
# read, as when configurations were found record by record; never when
# no record there can be read.
D=$WORK/cfgdir
rm -rf "$D" && mkdir -p "$D/good" "$D/bad"
cp "$TOP/examples/2018-02-hanoi-fukuoka.yaml" "$D/good/"
cp "$TOP/examples/2017-07-camau-nagasaki.yaml" "$D/bad/b.yaml"
printf 'severity: [oops\n' >"$D/bad/.debrief.yaml"
mkfifo "$D/bad/a.yaml"
(cd "$D" && "$DEBRIEF" report -j 3 -o out --today $TODAY good bad/a.yaml bad/b.yaml) \
	>/dev/null 2>"$WORK/cfg.err"
sanitizer_clean cfg/sanitizers "$WORK/cfg.err" || true
a=$(grep -n 'bad/a.yaml' "$WORK/cfg.err" | head -n 1 | cut -d: -f1)
c=$(grep -n 'debrief: bad/.debrief.yaml' "$WORK/cfg.err" | head -n 1 | cut -d: -f1)
if [ -n "$a" ] && [ -n "$c" ] && [ "$a" -lt "$c" ]; then ok report/config-said-with-readable-record
else fail report/config-said-with-readable-record "unreadable record at line ${a:-none}, configuration at ${c:-none}"
	cat "$WORK/cfg.err"; fi
(cd "$D" && "$DEBRIEF" report -j 3 -o out2 --today $TODAY good bad/a.yaml) >/dev/null 2>"$WORK/cfg2.err"
if grep -q 'bad/.debrief.yaml' "$WORK/cfg2.err"; then
	fail report/config-unsaid-without-readable-record "said: $(grep 'bad/.debrief' "$WORK/cfg2.err" | head -n 1)"
else ok report/config-unsaid-without-readable-record; fi
# check: the same configuration and records on one thread and on three;
# two records read after the unreadable one meet the configuration, and
# the first of them always says what is wrong with it
sed 's/^id: .*/id: 2017-07-another/' "$D/bad/b.yaml" >"$D/bad/c.yaml"
for j in 1 3; do
	(cd "$D" && "$DEBRIEF" check -j $j --verbose --today $TODAY good bad/a.yaml bad/b.yaml \
		bad/c.yaml) \
		>"$WORK/cfgc-$j.out" 2>"$WORK/cfgc-$j.raw"
	echo $? >>"$WORK/cfgc-$j.out"
	sanitizer_clean "cfgc-$j/sanitizers" "$WORK/cfgc-$j.raw" || true
done
if cmp -s "$WORK/cfgc-1.out" "$WORK/cfgc-3.out" && cmp -s "$WORK/cfgc-1.raw" "$WORK/cfgc-3.raw" &&
	grep -q 'bad/.debrief.yaml' "$WORK/cfgc-3.out" "$WORK/cfgc-3.raw"; then
	ok check/config-unreadable-same-with-threads
else
	fail check/config-unreadable-same-with-threads "-j 1 and -j 3 differ"
	diff "$WORK/cfgc-1.out" "$WORK/cfgc-3.out" | head -n 5
fi
