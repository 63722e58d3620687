#!/bin/sh
# archive under a hard stop and alongside another run: every interruption
# is followed by a normal run, which must converge to the archive a fresh
# run writes (same files, same bytes, same manifest, no temporaries).
#   kill-N        strace kills the run (SIGKILL) at its N-th rename, for every
#                 N; the next run (the old collection, then the new one)
#                 must equal a fresh archive of that collection
#   sigint etc.   INT, TERM, HUP while a temporary exists: it is removed
#                 (also archive.json's, written on a thread of its own)
#   sweep-*       temporaries a killed run left are removed by the next
#   rerun         an unchanged re-run renders no PDF and warns of nothing
#   settled-*     the re-run after it opens no page, trusting lstat; a PDF
#                 changed in place, its mtime set back, is rendered again
#   pdf-disagrees a PDF with the manifest's size but other bytes is rendered
#                 again, not kept
#   json-write-refused  the disk refuses archive.json written beside the
#                 pages: exit 2, no temporary, the next run converges
#   damaged       a damaged manifest: a warning, exit 0, the archive rebuilt
#   lock          a run waits while another holds the directory's lock;
#                 two runs at once leave a consistent archive
# The optimised build is used for the many runs under strace; the
# sanitizer build for the rest.
. ../lib.sh
export TZ=UTC
TODAY=2025-09-01
PY=/usr/bin/python3
has() { if grep -qE -- "$3" "$2"; then ok "$1"; else fail "$1" "no '$3' in $2"; fi; }
command -v strace >/dev/null 2>&1 || { fail interrupt "strace is not installed (tools/deps.sh test)"; exit 0; }
command -v flock >/dev/null 2>&1 || { fail interrupt "flock is not installed"; exit 0; }

# Two states of one collection: A, and B where one record changed (its
# partner's page and PDF change), one is gone (a page to remove) and one
# was added.
A=$WORK/a B=$WORK/b
rm -rf "$A" "$B" && mkdir -p "$A" "$B"
cp ../archive/records/*.yaml "$A/" && cp ../archive/records/*.yaml "$B/"
sed 's/^title: .*/title: Đoàn Kitakyushu thăm Hải Phòng (bản sửa)/' \
	../archive/records/2024-04-haiphong-kitakyushu.yaml >"$B/2024-04-haiphong-kitakyushu.yaml"
rm "$B/2022-11-daklak-gangwon.yaml"
sed 's/^id: .*/id: 2026-05-hanoi-fukuoka/; s/2026-04-/2026-05-/g' \
	../archive/records/2026-04-hanoi-fukuoka.yaml >"$B/2026-05-hanoi-fukuoka.yaml"

arc() { # arc BIN DIR COLLECTION [ARGS...]
	b=$1 d=$2 c=$3; shift 3
	"$b" archive -o "$d" --today $TODAY --lang en "$@" "$c"
}
# same NAME GOT WANT: two archives hold the same files with the same bytes
# (what describes the files on this disk aside: .debrief-archive.stat, and
# .debrief-archive.segments, which a run killed between its renames can
# leave naming an archive.json that is not there, and is then not used)
same() {
	if diff -r -x .debrief-archive.lock -x .debrief-archive.stat -x .debrief-archive.segments "$3" "$2" >"$WORK/same.diff" 2>&1; then ok "$1"; else
		fail "$1" "differs from a fresh archive"; head -n 10 "$WORK/same.diff"; fi
}
arc "$DEBRIEF_PLAIN" "$WORK/fresh-a" "$A" >/dev/null 2>&1
arc "$DEBRIEF_PLAIN" "$WORK/fresh-b" "$B" >/dev/null 2>&1
[ -f "$WORK/fresh-a/index.pdf" ] && [ -f "$WORK/fresh-b/index.pdf" ] && ok fresh-archives ||
	fail fresh-archives "no archive written"

# ---- an unchanged re-run trusts its manifest: no warning, no PDF rendered
# (rendering opens font files), every file unchanged ----
U=$WORK/unchanged
rm -rf "$U" && cp -R "$WORK/fresh-a" "$U"
strace -f -o "$WORK/unchanged.trace" -e trace=openat \
	"$DEBRIEF_PLAIN" archive -o "$U" --today $TODAY --lang en "$A" >"$WORK/unchanged.out" 2>"$WORK/unchanged.err"
rc=$?
fonts=$(grep -cE '\.(ttf|otf|ttc)"' "$WORK/unchanged.trace")
if [ $rc != 0 ]; then fail rerun-renders-nothing "exit $rc"
elif grep -q 'debrief archive:' "$WORK/unchanged.err"; then
	fail rerun-renders-nothing "a warning"; grep 'debrief archive:' "$WORK/unchanged.err" | head -n 3
elif [ "$fonts" != 0 ]; then fail rerun-renders-nothing "$fonts font files opened: PDFs rendered again"
elif ! grep -q ' 0 written, ' "$WORK/unchanged.out"; then fail rerun-renders-nothing "$(cat "$WORK/unchanged.out")"
else ok rerun-renders-nothing; fi

# ---- a settled archive is vouched for by lstat (.debrief-archive.stat):
# the re-run after that re-run opens none of its pages, yet a PDF changed
# in place with its size kept and its mtime set back is still rendered
# again (its ctime moved) ----
strace -f -o "$WORK/settled.trace" -e trace=openat \
	"$DEBRIEF_PLAIN" archive -o "$U" --today $TODAY --lang en "$A" >"$WORK/settled.out" 2>&1
# every entry is older than the file that records them (else, on a file
# system with coarse timestamps, they are read, as they must be)
fresh=$($PY -c 'import os, sys
f = sys.argv[1] + "/.debrief-archive.stat"
if not os.path.exists(f): print("none"); sys.exit()
at = os.stat(f).st_mtime_ns
print(sum(1 for l in open(f).readlines()[1:] if int(l.split()[4]) >= at or int(l.split()[5]) >= at))' "$U")
opened=$(grep -cE "$U/[^\"]*\.(pdf|md)\"" "$WORK/settled.trace")
if [ "$fresh" = none ]; then fail settled-rerun-opens-no-page "no .debrief-archive.stat written"
elif [ "$fresh" != 0 ]; then ok "settled-rerun-opens-no-page (not checked: $fresh entries as new as the file)"
elif [ "$opened" != 0 ]; then fail settled-rerun-opens-no-page "$opened pages opened"
	grep -E "$U/[^\"]*\.(pdf|md)\"" "$WORK/settled.trace" | head -n 3
else ok settled-rerun-opens-no-page; fi
$PY -c 'import os, sys
p = sys.argv[1]; st = os.stat(p)
d = bytearray(open(p, "rb").read()); d[len(d) // 2] ^= 1
open(p, "r+b").write(d)
os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns))' "$U/partners/jp-nagasaki.pdf"
arc "$DEBRIEF" "$U" "$A" >"$WORK/settled-damaged.out" 2>"$WORK/settled-damaged.err"
sanitizer_clean settled-damaged "$WORK/settled-damaged.err" || true
has settled-pdf-changed-in-place-rendered-again "$WORK/settled-damaged.out" ' 1 written, '
same settled-pdf-changed-in-place-same-as-fresh "$U" "$WORK/fresh-a"

# ---- a hard stop after each rename in turn ----
renames=$(strace -f -c -o "$WORK/count" -e trace=rename,renameat,renameat2 \
	"$DEBRIEF_PLAIN" archive -o "$WORK/count-arc" --today $TODAY "$B" >/dev/null 2>&1;
	awk '$NF == "total" { print $(NF-1) }' "$WORK/count")
cp -R "$WORK/fresh-a" "$WORK/count-base"
rm -rf "$WORK/count-arc"
if [ "${renames:-0}" -lt 10 ]; then
	fail kill "counted ${renames:-no} renames in a run"
else
	bad=0 n=1
	while [ $n -le $((renames + 1)) ]; do
		for next in a b; do
			K=$WORK/kill
			rm -rf "$K" && cp -R "$WORK/fresh-a" "$K"
			strace -f -o /dev/null -e trace=rename,renameat,renameat2 \
				-e inject=rename,renameat,renameat2:signal=KILL:when=$n \
				"$DEBRIEF_PLAIN" archive -o "$K" --today $TODAY --lang en "$B" >/dev/null 2>&1
			if [ $next = a ]; then c=$A; else c=$B; fi
			arc "$DEBRIEF_PLAIN" "$K" "$c" >/dev/null 2>"$WORK/kill.err"
			rc=$?
			if [ $rc -gt 1 ]; then bad=1; echo "  kill at rename $n, then $next: exit $rc"
			elif ! diff -r -x .debrief-archive.lock -x .debrief-archive.stat -x .debrief-archive.segments "$WORK/fresh-$next" "$K" >"$WORK/kill.diff" 2>&1; then
				bad=1; echo "  kill at rename $n, then $next:"; head -n 5 "$WORK/kill.diff"
			fi
		done
		n=$((n + 1))
	done
	[ $bad = 0 ] && ok "kill-after-each-of-$renames-renames" ||
		fail "kill-after-each-of-$renames-renames" "the next run did not converge"
fi

# ---- INT, TERM, HUP: the temporaries written are removed ----
# signalled NAME SIG CALL [ARGS...]: SIG comes at the run's first CALL;
# the run must end by it and leave no temporary
signalled() {
	name=$1 sig=$2 call=$3; shift 3
	# a signal ignored when the tests began stays ignored, as nohup wants
	# (a shell started in the background ignores INT): nothing to see then
	case $sig in HUP) n=1 ;; INT) n=2 ;; TERM) n=15 ;; *) n= ;; esac
	ign=$(awk '$1 == "SigIgn:" { print substr($2, length($2) - 7) }' /proc/$$/status 2>/dev/null)
	if [ -n "$n" ] && [ -n "$ign" ] && [ $(((0x$ign >> (n - 1)) & 1)) = 1 ]; then
		fail "signal-$name" "not run: SIG$sig is ignored where the tests run (started in the background?); run them in the foreground"
		return
	fi
	S=$WORK/sig-$name
	rm -rf "$S"
	strace -f -o /dev/null -e trace=$call -e inject=$call:signal=$sig:when=1 \
		"$DEBRIEF" archive "$@" -o "$S" --today $TODAY --lang en "$A" >/dev/null 2>"$WORK/sig.err"
	rc=$?
	left=$(find "$S" -name '*.tmp*' | wc -l)
	if [ $rc -lt 128 ]; then fail "signal-$name" "exit $rc: the signal did not end the run"
	elif [ "$left" != 0 ]; then fail "signal-$name" "$left temporary files left"
	else ok "signal-$name"; fi
}
# at the batch's first sync, when every page of it is still a temporary
for sig in INT TERM HUP; do signalled $sig $sig syncfs; done
# while archive.json is written beside the pages, on a thread of its own
# (-j 2), as it is synced
for sig in INT TERM; do signalled $sig-archive-json-aside $sig fdatasync -j 2; done

# ---- the disk refuses archive.json while it is written beside the pages
# (-j 2; a file size limit, SIGXFSZ ignored, makes its write fail): exit
# 2 naming it, no temporary left, and the next run converges ----
M=$WORK/md-fresh
rm -rf "$M" && arc "$DEBRIEF_PLAIN" "$M" "$A" --format md >/dev/null 2>&1
json=$(wc -c <"$M/archive.json") page=$(find "$M" -name '*.md' -exec wc -c {} + | sort -n | tail -n 2 | head -n 1 | awk '{ print $1 }')
# a limit that lets every page through and stops archive.json whether the
# shell counts blocks of 512 bytes or of 1024
blocks=$((page / 512 + 1))
if [ $((blocks * 1024)) -ge "$json" ]; then
	fail json-write-refused "not run: archive.json ($json bytes) is not over twice the largest page ($page)"
else
	F=$WORK/json-refused
	rm -rf "$F"
	(trap '' XFSZ; ulimit -f $blocks && exec "$DEBRIEF" archive -j 2 -o "$F" --format md --today $TODAY --lang en "$A") \
		>/dev/null 2>"$WORK/refused.err"
	rc=$?
	left=$(find "$F" -name '*.tmp*' | wc -l)
	if [ $rc != 2 ] || ! grep -q 'archive.json' "$WORK/refused.err"; then
		fail json-write-refused "exit $rc: $(grep -v ': info: \|: warning: ' "$WORK/refused.err" | tail -n 1)"
	elif [ "$left" != 0 ]; then fail json-write-refused "$left temporary files left"
	else ok json-write-refused; fi
	arc "$DEBRIEF" "$F" "$A" --format md >/dev/null 2>&1
	same json-write-refused-then-converges "$F" "$M"
fi

# ---- temporaries a killed run left are swept ----
S=$WORK/sweep
rm -rf "$S" && cp -R "$WORK/fresh-a" "$S"
echo x >"$S/partners/jp-nagasaki.md.tmpAb12Cd"
echo x >"$S/index.pdf.tmpZZ9zz9"
echo keep >"$S/notes.tmp-by-hand"
arc "$DEBRIEF" "$S" "$A" >/dev/null 2>"$WORK/sweep.err"
rc=$?
sanitizer_clean sweep "$WORK/sweep.err" || true
if [ $rc != 0 ] || [ -n "$(find "$S" -name '*.tmp[A-Za-z0-9]*')" ] || [ ! -f "$S/notes.tmp-by-hand" ]; then
	fail sweep-stale-temporaries "exit $rc; $(find "$S" -name '*.tmp*' | tr '\n' ' ')"
elif ! grep -q 'removed 2 temporary files' "$WORK/sweep.err"; then
	fail sweep-stale-temporaries "no message"; cat "$WORK/sweep.err"
else ok sweep-stale-temporaries; fi
# report and pdf: a killed run's temporaries go, a fresh one (another run
# writing now) and files debrief does not write stay
R=$WORK/sweep-report
rm -rf "$R" && mkdir -p "$R"
touch -d '2 hours ago' "$R/2017-07-camau-nagasaki.pdf.tmpAbC123" "$R/other.md.tmpQQQQQQ" \
	"$R/notes.txt.tmpAAAAAA"
touch "$R/fresh.md.tmpZZZZZZ"
"$DEBRIEF" report -o "$R" --today $TODAY "$A/2017-07-camau-nagasaki.yaml" >/dev/null 2>"$WORK/sr.err"
sanitizer_clean sweep-report "$WORK/sr.err" || true
left=$(cd "$R" && ls | tr '\n' ' ')
[ "$left" = "2017-07-camau-nagasaki.md 2017-07-camau-nagasaki.pdf fresh.md.tmpZZZZZZ notes.txt.tmpAAAAAA " ] &&
	ok sweep-report || fail sweep-report "left: $left"
printf '# x\n' >"$R/p.md"
touch -d '2 hours ago' "$R/p.pdf.tmpabcdef" "$R/q.pdf.tmpabcdef"
"$DEBRIEF" pdf "$R/p.md" >/dev/null 2>"$WORK/sp.err"
sanitizer_clean sweep-pdf "$WORK/sp.err" || true
[ ! -e "$R/p.pdf.tmpabcdef" ] && [ -e "$R/q.pdf.tmpabcdef" ] && [ -f "$R/p.pdf" ] && ok sweep-pdf ||
	fail sweep-pdf "left: $(cd "$R" && ls | tr '\n' ' ')"

# ---- a PDF whose bytes are not those the manifest records ----
P=$WORK/pdf
rm -rf "$P" && cp -R "$WORK/fresh-a" "$P"
size=$(wc -c <"$P/partners/jp-nagasaki.pdf")
head -c "$size" /dev/zero >"$P/partners/jp-nagasaki.pdf"
arc "$DEBRIEF" "$P" "$A" >/dev/null 2>"$WORK/pdf.err"
sanitizer_clean pdf-disagrees "$WORK/pdf.err" || true
same pdf-disagrees-rendered-again "$P" "$WORK/fresh-a"

# ---- a damaged manifest ----
for how in garbage slash nul truncated; do
	M=$WORK/damaged-$how
	rm -rf "$M" && cp -R "$WORK/fresh-b" "$M"
	f=$M/.debrief-archive
	case $how in
	garbage) sed '3s/.*/this is not a manifest line/' "$f" >"$f.x" ;;
	slash) sed '3s|\([^ ]*\)$|\1/|' "$f" >"$f.x" ;;
	nul) { head -n 3 "$f"; printf 'ab\000cd\n'; tail -n +4 "$f"; } >"$f.x" ;;
	truncated) head -c 200 "$f" >"$f.x" ;;
	esac
	mv "$f.x" "$f"
	# a PDF the damaged manifest can no longer vouch for
	head -c "$(wc -c <"$M/index.pdf")" /dev/zero >"$M/index.pdf"
	arc "$DEBRIEF" "$M" "$B" >/dev/null 2>"$WORK/damaged.err"
	rc=$?
	sanitizer_clean "damaged-$how" "$WORK/damaged.err" || continue
	if [ $rc != 0 ]; then fail "damaged-manifest-$how" "exit $rc"; head -n 3 "$WORK/damaged.err"
	elif ! grep -q 'is damaged; the archive is rebuilt' "$WORK/damaged.err"; then
		fail "damaged-manifest-$how" "no warning"; head -n 3 "$WORK/damaged.err"
	else same "damaged-manifest-$how" "$M" "$WORK/fresh-b"; fi
done

# ---- one run at a time ----
L=$WORK/lock
rm -rf "$L" && mkdir -p "$L"
flock "$L/.debrief-archive.lock" sleep 3 &
holder=$!
i=0 # until the holder has it
while flock -n "$L/.debrief-archive.lock" true 2>/dev/null && [ $i -lt 50 ]; do
	sleep 0.1; i=$((i + 1))
done
start=$(date +%s)
arc "$DEBRIEF" "$L" "$A" >/dev/null 2>"$WORK/lock.err"
rc=$?
took=$(( $(date +%s) - start ))
wait $holder
sanitizer_clean lock "$WORK/lock.err" || true
if [ $rc != 0 ]; then fail lock-waits "exit $rc"
elif [ $took -lt 1 ] || ! grep -q 'another run is writing to this directory' "$WORK/lock.err"; then
	fail lock-waits "did not wait for the lock's holder (${took}s)"
else same lock-waits "$L" "$WORK/fresh-a"; fi
# Two runs at once, A and B, several times: the archive is one of the two.
C=$WORK/concurrent
bad=0
for i in 1 2 3; do
	rm -rf "$C"
	arc "$DEBRIEF_PLAIN" "$C" "$A" >/dev/null 2>&1 &
	p1=$!
	arc "$DEBRIEF_PLAIN" "$C" "$B" >/dev/null 2>&1 &
	p2=$!
	wait $p1; r1=$?
	wait $p2; r2=$?
	[ $r1 = 0 ] && [ $r2 = 0 ] || { bad=1; echo "  exits $r1 $r2"; }
	if diff -r -x .debrief-archive.lock -x .debrief-archive.stat -x .debrief-archive.segments "$WORK/fresh-a" "$C" >/dev/null 2>&1 ||
		diff -r -x .debrief-archive.lock -x .debrief-archive.stat -x .debrief-archive.segments "$WORK/fresh-b" "$C" >/dev/null 2>&1; then :; else
		bad=1; echo "  round $i: neither archive"; diff -r -x .debrief-archive.lock -x .debrief-archive.stat -x .debrief-archive.segments "$WORK/fresh-b" "$C" | head -n 5
	fi
done
[ $bad = 0 ] && ok concurrent-runs || fail concurrent-runs "two runs at once left a mixed archive"
