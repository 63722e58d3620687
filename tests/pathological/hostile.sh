# Hostile repositories (sourced by run.sh): file-system tricks, names and
# Markdown a contributor could plant.  Each case runs the sanitizer build
# under a timeout, so a hang fails instead of stopping the suite.
#   link-*       links planted below -o: nothing written or removed outside
#   fifo-*       a FIFO as record, configuration, template or image: refused
#   dir-loop     links to "." inside the records: each record read once
#   link-outside a record linked from outside the directory walked: not read
#   long-name    a 300-character partner name: the archive is complete
#   umask-*      outputs follow the umask
#   pdf-self     pdf -o a.md a.md leaves the source alone
#   escape-*     file names and record text cannot drive the terminal or CI
#   config-*     a configuration's YAML error has a position; the search
#                stops at the repository's root; each record gets its nearest
#   md-*         long links, autolinks and huge images stay bounded
#   image-link   an image linked from outside the document's directory
H=$WORK/hostile
rm -rf "$H" && mkdir -p "$H"
REC=$TOP/tests/archive/records
T=20 # seconds any case may take under ASan
run() { timeout $T "$DEBRIEF" "$@"; }
# rc_ok NAME RC: the run ended by itself (not killed by timeout) without a
# sanitizer report in $H/err
ended() {
	if [ "$2" = 124 ]; then fail "$1" "hung (killed after $T s)"; return 1; fi
	sanitizer_clean "$1" "$H/err" || return 1
	return 0
}

# ---- links planted below -o ----
A=$H/link-dir
mkdir -p "$A/arc" "$A/victim"
ln -s ../victim "$A/arc/partners"
run archive -o "$A/arc" --today 2025-09-01 --lang en "$REC" >/dev/null 2>"$H/err"
rc=$?
if ended link-subdir $rc; then
	if [ -n "$(ls -A "$A/victim")" ]; then fail link-subdir "wrote through the link: $(ls "$A/victim" | head -n 3)"
	elif [ $rc = 0 ]; then fail link-subdir "exit 0 though pages could not be written"
	elif ! grep -q 'refusing to write through' "$H/err"; then fail link-subdir "no message"; head -n 3 "$H/err"
	else ok link-subdir; fi
fi
# an obsolete page listed in the manifest, its directory now a link
A=$H/link-remove
mkdir -p "$A/victim"
run archive -o "$A/arc" --today 2025-09-01 "$REC" >/dev/null 2>&1
mv "$A/arc/agencies" "$A/agencies.real"
cp "$A/agencies.real/"*.md "$A/victim/"
ln -s ../victim "$A/arc/agencies"
before=$(ls "$A/victim")
mkdir -p "$A/in" && cp "$REC"/2017-07-camau-nagasaki.yaml "$A/in/"
run archive -o "$A/arc" --today 2025-09-01 "$A/in" >/dev/null 2>"$H/err"
rc=$?
if ended link-remove $rc; then
	[ "$(ls "$A/victim")" = "$before" ] && ok link-remove ||
		fail link-remove "removed or wrote a file through the link: $(ls "$A/victim" | tr '\n' ' ')"
fi
# a link planted where an output file goes: replaced, its target untouched
A=$H/link-file
mkdir -p "$A/out" && echo precious >"$A/target"
ln -s ../target "$A/out/2017-07-camau-nagasaki.md"
run report -o "$A/out" --format md --today 2025-09-01 "$REC/2017-07-camau-nagasaki.yaml" >/dev/null 2>"$H/err"
rc=$?
if ended link-file $rc; then
	[ "$(cat "$A/target")" = precious ] && [ -f "$A/out/2017-07-camau-nagasaki.md" ] &&
		[ ! -L "$A/out/2017-07-camau-nagasaki.md" ] && ok link-file ||
		fail link-file "wrote through the link"
fi

# ---- FIFOs ----
F=$H/fifo
mkdir -p "$F/recs" "$F/tpl/en" "$F/doc"
mkfifo "$F/recs/a.yaml" "$F/pipe.yaml" "$F/conf.yaml" "$F/doc/pic.png"
cp "$REC/2017-07-camau-nagasaki.yaml" "$F/recs/b.yaml"
run check --lang en --today 2025-09-01 "$F/recs" >"$H/out" 2>"$H/err"
rc=$?
if ended fifo-walked $rc; then
	grep -q 'a.yaml: not a regular file' "$H/err" && grep -q '1 file checked' "$H/out" &&
		ok fifo-walked || { fail fifo-walked "exit $rc"; head -n 3 "$H/err"; }
fi
run check --lang en --today 2025-09-01 "$F/pipe.yaml" "$F/recs/b.yaml" >"$H/out" 2>"$H/err"
rc=$?
if ended fifo-named $rc; then
	[ $rc = 2 ] && grep -q 'pipe.yaml: not a regular file' "$H/err" &&
		grep -q '1 file checked' "$H/out" && ok fifo-named ||
		{ fail fifo-named "exit $rc"; head -n 3 "$H/err"; }
fi
run check --lang en --config "$F/conf.yaml" "$F/recs/b.yaml" >/dev/null 2>"$H/err"
rc=$?
if ended fifo-config $rc; then
	[ $rc = 2 ] && grep -q 'not a regular file' "$H/err" && ok fifo-config ||
		{ fail fifo-config "exit $rc"; head -n 3 "$H/err"; }
fi
cp "$TOP/templates/en/"*.mustache "$F/tpl/en/"
rm "$F/tpl/en/report.mustache" && mkfifo "$F/tpl/en/report.mustache"
run report -o "$F/out" --lang en --templates "$F/tpl" --today 2025-09-01 "$F/recs/b.yaml" \
	>/dev/null 2>"$H/err"
rc=$?
if ended fifo-template $rc; then
	[ $rc = 2 ] && grep -q 'not a regular file' "$H/err" && ok fifo-template ||
		{ fail fifo-template "exit $rc"; head -n 3 "$H/err"; }
fi
printf '# T\n\n![p](pic.png)\n' >"$F/doc/d.md"
run pdf --lang en -o "$F/doc/d.pdf" "$F/doc/d.md" >/dev/null 2>"$H/err"
rc=$?
if ended fifo-image $rc; then
	[ $rc = 0 ] && grep -q 'not a regular file' "$H/err" && ok fifo-image ||
		{ fail fifo-image "exit $rc"; head -n 3 "$H/err"; }
fi

# ---- directory loops ----
D=$H/loop
mkdir -p "$D/r/sub"
cp "$REC/2017-07-camau-nagasaki.yaml" "$D/r/" && cp "$REC/2019-05-danang-nagasaki.yaml" "$D/r/sub/"
ln -s . "$D/r/self" && ln -s .. "$D/r/sub/up"
run check --lang en --today 2025-09-01 "$D/r" >"$H/out" 2>"$H/err"
rc=$?
if ended dir-loop $rc; then
	grep -q '^2 files checked' "$H/out" && grep -q 'self: a link to a directory, not followed' "$H/err" &&
		ok dir-loop || { fail dir-loop "exit $rc: $(tail -n 1 "$H/out")"; head -n 3 "$H/err"; }
fi
run check --today 2025-09-01 "$D/r" >"$H/out" 2>"$H/err"
rc=$?
if ended dir-loop-vi $rc; then
	grep -q 'self: là liên kết tới thư mục nên bỏ qua' "$H/err" && ok dir-loop-vi ||
		{ fail dir-loop-vi "exit $rc"; head -n 3 "$H/err"; }
fi
# a record that is a link to a file outside the directory walked
mkdir -p "$D/w" && printf 'secret: "do not print"\n' >"$D/secret.txt"
cp "$REC/2017-07-camau-nagasaki.yaml" "$D/w/" && ln -s ../secret.txt "$D/w/key.yaml"
run check --lang en --today 2025-09-01 "$D/w" >"$H/out" 2>"$H/err"
rc=$?
if ended link-outside-walk $rc; then
	[ $rc = 2 ] && grep -q '^1 file checked' "$H/out" && ! grep -q 'do not print' "$H/out" &&
		grep -q 'key.yaml: a link to a file outside' "$H/err" && ok link-outside-walk ||
		{ fail link-outside-walk "exit $rc: $(tail -n 1 "$H/out")"; head -n 3 "$H/err"; }
fi

# ---- a long partner name ----
L=$H/long
mkdir -p "$L/in"
long=$(printf 'Very%.0s Long Partner Name' $(seq 1 14))
sed "s/^  - name: nagasaki$/  - name: $long/" \
	"$REC/2017-07-camau-nagasaki.yaml" >"$L/in/a.yaml"
# another partner: another name, and another local name, which would make
# it the same one
sed "s/^id: .*/id: long-2/; s/^  - name: nagasaki$/  - name: ${long}x/; s/^    local_name: 長崎県$/    local_name: 佐賀県/" \
	"$REC/2017-07-camau-nagasaki.yaml" >"$L/in/b.yaml"
grep -q "$long" "$L/in/a.yaml" || fail long-name "the record lacks the long name"
run archive -o "$L/arc" --today 2025-09-01 "$L/in" >/dev/null 2>"$H/err"
rc=$?
if ended long-name $rc; then
	maxlen=$(cd "$L/arc" && find . -type f | sed 's|.*/||' | awk '{ if (length > m) m = length } END { print m }')
	n=$(ls "$L/arc/partners" | grep -c '^jp-very-long-partner-name.*-[0-9a-f]\{8\}\.md$')
	if [ $rc -gt 1 ]; then fail long-name "exit $rc"; head -n 3 "$H/err"
	elif [ "$n" != 2 ]; then fail long-name "$n cut names with a hash, want 2"; ls "$L/arc/partners"
	elif [ "$maxlen" -gt 200 ]; then fail long-name "a name of $maxlen bytes"
	else ok long-name; fi
fi

# ---- umask ----
for m in 077 022; do
	U=$H/umask-$m
	(umask $m && timeout $T "$DEBRIEF" report -o "$U" --today 2025-09-01 \
		"$REC/2017-07-camau-nagasaki.yaml") >/dev/null 2>"$H/err"
	want=-rw-------
	[ $m = 022 ] && want=-rw-r--r--
	got=$(ls -l "$U/2017-07-camau-nagasaki.pdf" 2>/dev/null | cut -c1-10)
	[ "$got" = "$want" ] && ok "umask-$m" || fail "umask-$m" "mode $got, want $want"
done

# ---- pdf -o a.md a.md ----
P=$H/self
mkdir -p "$P" && printf '# Kept\n' >"$P/a.md" && ln -s a.md "$P/b.md"
run pdf -o "$P/a.md" "$P/a.md" >/dev/null 2>"$H/err"
r1=$?
run pdf -o "$P/b.md" "$P/a.md" >/dev/null 2>>"$H/err"
r2=$?
if ended pdf-self $r1; then
	[ $r1 = 2 ] && [ $r2 = 2 ] && [ "$(cat "$P/a.md")" = '# Kept' ] && ok pdf-self ||
		fail pdf-self "exits $r1 $r2; source now: $(head -c 20 "$P/a.md" | tr -dc '[:print:]')"
fi

# ---- control characters ----
E=$H/esc
mkdir -p "$E"
nl='
'
cp "$REC/2017-07-camau-nagasaki.yaml" "$E/a${nl}::error file=x.yaml::forged${nl}.yaml"
sed 's/^title: .*/title: x/; s/^id: .*/id: esc-1/' "$REC/2017-07-camau-nagasaki.yaml" >"$E/b.yaml"
printf 'tasks:\n  - {task: t, owner: o, due: "\\e]0;PWNED\\a\\e[2J"}\n' >>"$E/b.yaml"
for f in text github; do
	run check --lang en --format $f --today 2025-09-01 "$E" >"$H/out" 2>"$H/err"
	rc=$?
	if ended "escape-$f" $rc; then
		if grep -q '^::error file=x' "$H/out"; then fail "escape-$f" "a forged workflow command"
		elif grep -q "$(printf '\033')" "$H/out"; then fail "escape-$f" "a raw escape sequence"
		elif [ $f = text ] && ! grep -q 'a\\n::error file=x.yaml::forged\\n.yaml' "$H/out"; then
			fail "escape-$f" "file name not shown escaped"; head -n 2 "$H/out"
		else ok "escape-$f"; fi
	fi
done
printf 'schema: debrief/1\nid: "\\e]0;PWNED\\a"\ntitle: x\n' >"$E/c.yaml"
run report -o "$E/out" --lang en --today 2025-09-01 "$E/c.yaml" >/dev/null 2>"$H/err"
rc=$?
if ended escape-report $rc; then
	if grep -q "$(printf '\033')" "$H/err"; then fail escape-report "a raw escape sequence"
	elif ! grep -q 'x1B]0;PWNED' "$H/err"; then fail escape-report "the id not shown escaped"; head -n 3 "$H/err"
	else ok escape-report; fi
fi

# ---- configuration ----
C=$H/config
mkdir -p "$C/repo/.git" "$C/repo/r"
printf 'rules:\n  prep-what: [\n' >"$C/bad.yaml"
run check --lang en --config "$C/bad.yaml" "$REC/2017-07-camau-nagasaki.yaml" >/dev/null 2>"$H/err"
rc=$?
if ended config-yaml-error $rc; then
	[ $rc = 2 ] && grep -q 'bad.yaml:3:1: ' "$H/err" && ok config-yaml-error ||
		{ fail config-yaml-error "exit $rc"; head -n 3 "$H/err"; }
fi
# above the repository's root: not read
printf 'rules:\n  schema-duplicate-id: off\n' >"$C/.debrief.yaml"
cp "$REC/2017-07-camau-nagasaki.yaml" "$C/repo/r/a.yaml"
cp "$REC/2017-07-camau-nagasaki.yaml" "$C/repo/r/b.yaml"
run check --lang en --verbose --today 2025-09-01 "$C/repo/r" >"$H/out" 2>"$H/err"
rc=$?
if ended config-stops-at-repository $rc; then
	grep -q 'schema-duplicate-id' "$H/out" && grep -q 'configuration defaults' "$H/err" &&
		ok config-stops-at-repository || { fail config-stops-at-repository "exit $rc"; head -n 3 "$H/err"; }
fi
# nearest wins, per file
mkdir -p "$C/repo/r/sub"
printf 'rules:\n  schema-duplicate-id: off\n' >"$C/repo/r/sub/.debrief.yaml"
mv "$C/repo/r/b.yaml" "$C/repo/r/sub/b.yaml"
run check --lang en --verbose --today 2025-09-01 "$C/repo/r" >"$H/out" 2>"$H/err"
rc=$?
if ended config-per-file $rc; then
	# the duplicate is reported on b.yaml's side only when its configuration allows
	grep -q 'sub/b.yaml: configuration .*sub/.debrief.yaml' "$H/err" &&
		grep -q 'r/a.yaml: configuration defaults' "$H/err" && ok config-per-file ||
		{ fail config-per-file "exit $rc"; head -n 4 "$H/err"; }
fi
# report too: a record whose nearest configuration is broken gets no report
printf 'rules: [\n' >"$C/repo/r/sub/.debrief.yaml"
sed 's/^id: .*/id: sub-b/' "$C/repo/r/sub/b.yaml" >"$C/repo/r/sub/c.yaml" && rm "$C/repo/r/sub/b.yaml"
run report -o "$C/out" --format md --today 2025-09-01 "$C/repo/r/a.yaml" "$C/repo/r/sub/c.yaml" \
	>/dev/null 2>"$H/err"
rc=$?
if ended config-per-file-report $rc; then
	[ $rc = 2 ] && [ -f "$C/out/2017-07-camau-nagasaki.md" ] && [ ! -f "$C/out/sub-b.md" ] &&
		grep -q 'sub/.debrief.yaml:2:1: ' "$H/err" && ok config-per-file-report ||
		{ fail config-per-file-report "exit $rc"; head -n 4 "$H/err"; }
fi

# ---- Markdown ----
M=$H/md
mkdir -p "$M"
/usr/bin/python3 - "$M" <<'EOF'
import sys, zlib, struct
d = sys.argv[1]
open(d + "/link-70k.md", "w").write("# T\n\n[x](https://example.org/" + "b" * 70000 + ")\n")
open(d + "/autolink-50k.md", "w").write("# T\n\n<https://example.org/" + "a" * 50000 + ">\n")
open(d + "/autolink-500k.md", "w").write("# T\n\n<https://example.org/" + "a" * 500000 + ">\n")
w = h = 20000  # 400 million pixels in a PNG of a few hundred KB
def chunk(t, b):
    return struct.pack(">I", len(b)) + t + b + struct.pack(">I", zlib.crc32(t + b) & 0xffffffff)
c = zlib.compressobj(9)
row = b"\0" * (w + 1)
idat = b"".join(c.compress(row) for _ in range(h)) + c.flush()
with open(d + "/big.png", "wb") as f:
    f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0)))
    f.write(chunk(b"IDAT", idat) + chunk(b"IEND", b""))
open(d + "/image-20000px.md", "w").write("# T\n\n![big](big.png)\n")
EOF
for c in link-70k autolink-50k autolink-500k image-20000px; do
	/usr/bin/time -f "%e %M" -o "$H/time" timeout $T "$DEBRIEF" pdf --lang en -o "$M/$c.pdf" "$M/$c.md" \
		>/dev/null 2>"$H/err"
	rc=$?
	ended "md-$c" $rc || continue
	set -- $(tail -n 1 "$H/time")
	size=0; [ -f "$M/$c.pdf" ] && size=$(wc -c <"$M/$c.pdf")
	if [ $rc != 0 ]; then fail "md-$c" "exit $rc"; head -n 3 "$H/err"
	elif [ "$size" -gt 2000000 ]; then fail "md-$c" "a PDF of $size bytes"
	elif ! within "$2" 409600; then fail "md-$c" "max RSS $2 KB"
	elif ! grep -qE 'longer than 4096 bytes|million pixels' "$H/err"; then fail "md-$c" "no warning"
	else ok "md-$c"; fi
	echo "# md-$c: $1 s, $(($2 / 1024)) MB, PDF $size bytes"
done
echo secret >"$M/outside.png"
mkdir -p "$M/doc" && ln -s ../outside.png "$M/doc/pic.png"
printf '# T\n\n![p](pic.png)\n' >"$M/doc/d.md"
run pdf --lang en -o "$M/doc/d.pdf" "$M/doc/d.md" >/dev/null 2>"$H/err"
rc=$?
if ended image-link $rc; then
	grep -q 'outside the document' "$H/err" && ok image-link ||
		{ fail image-link "exit $rc"; head -n 3 "$H/err"; }
fi
