#!/bin/sh
# The Markdown -> PDF stage and `debrief pdf`: pages compared with reviewed
# reference images, text read back by poppler, mupdf and Ghostscript, the
# PDF structure (fonts, ToUnicode, bookmarks, links, info) read with qpdf,
# every CommonMark and GFM spec example, pathological inputs in bounded
# time, determinism and size.  UPDATE=1 rewrites reference images and
# golden files (look at them before committing).
. ../lib.sh
set -u

D=$DEBRIEF
HERE=$(pwd)
CASES=$HERE/cases
REF=$HERE/ref
PY=/usr/bin/python3
W=$WORK

# ---- helpers ----

# render NAME FILE.md [ARGS...]: $W/NAME.pdf, stderr in $W/NAME.err; 0 when
# debrief exited 0 with no sanitizer report
render() {
	n=$1 md=$2
	shift 2
	"$D" pdf "$@" -o "$W/$n.pdf" "$md" 2>"$W/$n.err"
	rc=$?
	sanitizer_clean "$n/sanitizers" "$W/$n.err" || return 1
	[ $rc -eq 0 ] || { fail "$n" "debrief exited $rc"; head -n 5 "$W/$n.err"; return 1; }
	return 0
}

# page_matches NAME PDF PAGE DPI: page rendered grey against ref/NAME.png
page_matches() {
	t=pdf/image/$1
	pdftoppm -r "$4" -gray -png -f "$3" -l "$3" -singlefile "$2" "$W/$1.got" 2>/dev/null ||
		{ fail "$t" "pdftoppm failed"; return; }
	if [ "${UPDATE:-0}" = 1 ]; then cp "$W/$1.got.png" "$REF/$1.png"; ok "$t"; return; fi
	[ -f "$REF/$1.png" ] || { fail "$t" "missing reference $REF/$1.png"; return; }
	if "$W/imgcmp" "$REF/$1.png" "$W/$1.got.png" "$W/$1.diff.png" >"$W/$1.cmp" 2>&1; then
		ok "$t"
	else
		fail "$t" "page $3 differs from ref/$1.png: $(cat "$W/$1.cmp") (see $W/$1.diff.png)"
	fi
}

# words FILE: whitespace-separated words, one per line (extractors differ
# only in how they lay out lines)
words() { tr -s ' \t\f\r' '\n\n\n\n' <"$1" | sed '/^$/d'; }

# same_words NAME EXPECTED GOT
same_words() {
	k=$(echo "$1" | tr / _)
	words "$2" >"$W/$k.want"
	words "$3" >"$W/$k.have"
	if [ -s "$W/$k.want" ] && cmp -s "$W/$k.want" "$W/$k.have"; then ok "$1"; else
		fail "$1" "extracted words differ"; diff "$W/$k.want" "$W/$k.have" | head -n 10
	fi
}

# qdf NAME PDF: uncompressed form for grep
qdf() { qpdf --qdf --object-streams=disable "$2" "$W/$1.qdf" >/dev/null 2>&1; }

# ---- tools ----

cc -O2 -o "$W/imgcmp" imgcmp.c $(pkg-config --cflags --libs libpng) ||
	fail pdf/build/imgcmp "cannot build imgcmp"
SPECPDF=$UNITDIR/specpdf # tests/tools/specpdf.c, built with sanitizers
[ -x "$SPECPDF" ] || fail pdf/build/specpdf "not built: $SPECPDF"

# ---- appearance: reviewed reference images ----

# every Vietnamese vowel with every tone mark, regular, bold, italic, bold
# italic and mono
if render vowels "$CASES/vowels.md"; then
	page_matches vowels "$W/vowels.pdf" 1 150
	# the comparison sees one lost breve: "ẵ" drawn as "ã" in 11 pt
	sed '0,/ẵ/s//ã/' "$CASES/vowels.md" >"$W/vowels-broken.md"
	"$D" pdf -o "$W/vowels-broken.pdf" "$W/vowels-broken.md" 2>/dev/null
	pdftoppm -r 150 -gray -png -singlefile "$W/vowels-broken.pdf" "$W/vowels-broken"
	if cmp -s "$W/vowels-broken.md" "$CASES/vowels.md" || [ ! -s "$W/vowels-broken.png" ]; then
		fail pdf/vowels/comparison-sees-a-lost-mark "no broken rendering to compare"
	elif "$W/imgcmp" "$REF/vowels.png" "$W/vowels-broken.png" >/dev/null 2>&1; then
		fail pdf/vowels/comparison-sees-a-lost-mark "a missing breve went unnoticed"
	else ok pdf/vowels/comparison-sees-a-lost-mark; fi
fi

# DejaVu has nested composite glyphs (ế = e + [circumflex + acute]) that
# libharu 2.3.0 loses when it writes a font itself: the subset is embedded
# as HarfBuzz made it
if render vowels-dejavu "$CASES/vowels.md" --font "DejaVu Serif"; then
	page_matches vowels-dejavu "$W/vowels-dejavu.pdf" 1 150
fi

# the same text decomposed (NFD) looks and reads the same: input is NFC'd
$PY -c 'import sys,unicodedata; sys.stdout.write(unicodedata.normalize("NFD", open(sys.argv[1], encoding="utf-8").read()))' \
	"$CASES/vowels.md" >"$W/vowels-nfd.md"
cmp -s "$W/vowels-nfd.md" "$CASES/vowels.md" && fail pdf/nfd/input "NFD input equals NFC"
if render vowels-nfd "$W/vowels-nfd.md"; then
	pdftoppm -r 150 -gray -png -singlefile "$W/vowels-nfd.pdf" "$W/vowels-nfd"
	if "$W/imgcmp" "$REF/vowels.png" "$W/vowels-nfd.png" >"$W/nfd.cmp" 2>&1; then
		ok pdf/nfd/looks-like-nfc
	else fail pdf/nfd/looks-like-nfc "$(cat "$W/nfd.cmp")"; fi
	pdftotext "$W/vowels-nfd.pdf" "$W/vowels-nfd.txt"
	pdftotext "$W/vowels.pdf" "$W/vowels.txt"
	if cmp -s "$W/vowels.txt" "$W/vowels-nfd.txt"; then ok pdf/nfd/extracts-nfc; else
		fail pdf/nfd/extracts-nfc "text of NFD input differs"; fi
fi

# a one-page report: headings, table, task list, quote, link, CJK, hangul
export SOURCE_DATE_EPOCH=1500000000
if render report "$CASES/report.md"; then
	page_matches report "$W/report.pdf" 1 100
	size=$(wc -c <"$W/report.pdf")
	if [ "$size" -lt 36864 ]; then ok "pdf/report/under-36k ($size bytes)"; else
		fail pdf/report/under-36k "$size bytes"; fi
fi

# the form of an administrative document (docs/official-report.md): a
# report's Markdown with its front matter, first and last pages; a draft in
# English, its first page
if render official "$CASES/official.md"; then
	page_matches official-1 "$W/official.pdf" 1 70
	last=$(pdfinfo "$W/official.pdf" | sed -n 's/^Pages: *//p')
	page_matches official-last "$W/official.pdf" "$last" 70
	pdfinfo "$W/official.pdf" >"$W/official.info"
	if grep -q '^Title: *Kết quả chuyến công tác của Đoàn đại biểu tỉnh Cà Mau tại tỉnh Nagasaki, Nhật Bản$' "$W/official.info" &&
		grep -q '^Author: *SỞ NGOẠI VỤ$' "$W/official.info"; then ok pdf/official/info-from-front-matter
	else fail pdf/official/info-from-front-matter "$(grep -e Title -e Author "$W/official.info")"; fi
fi
# an issuing body left blank for the clerk (no office profile) is no
# author: the document information holds no dot leaders
sed 's/^issuer: .*/issuer: "……………"/' "$CASES/official.md" >"$W/official-blank.md"
if render official-blank "$W/official-blank.md"; then
	if pdfinfo "$W/official-blank.pdf" | grep -q '^Author:'; then
		fail pdf/official/blank-issuer-no-author "$(pdfinfo "$W/official-blank.pdf" | grep Author)"
	else ok pdf/official/blank-issuer-no-author; fi
fi
if render official-draft-en "$CASES/official-draft-en.md"; then
	page_matches official-draft-en-1 "$W/official-draft-en.pdf" 1 70
fi
# a body's name too long for its column is broken before the place it is of
# or in, never inside the place's own name ("TỈNH TUYÊN" / "QUANG")
for v in "ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG|ĐẠI SỨ QUÁN VIỆT NAM TẠI CAMPUCHIA|ỦY BAN NHÂN DÂN|TỈNH TUYÊN QUANG|ĐẠI SỨ QUÁN VIỆT NAM|TẠI CAMPUCHIA" \
	"TUYEN QUANG PROVINCIAL PEOPLE'S COMMITTEE|CONSULATE GENERAL OF VIET NAM IN LUANG PRABANG|TUYEN QUANG PROVINCIAL|PEOPLE'S COMMITTEE|CONSULATE GENERAL OF|VIET NAM IN LUANG PRABANG"; do
	IFS='|' read -r parent issuer l1 l2 l3 l4 <<EOF
$v
EOF
	sed -e "s/^parent: .*/parent: \"$parent\"/" -e "s/^issuer: .*/issuer: \"$issuer\"/" \
		"$CASES/official.md" >"$W/body-break.md"
	if render body-break "$W/body-break.md"; then
		pdftotext -l 1 "$W/body-break.pdf" - | sed -n 1,5p >"$W/body-break.txt"
		printf '%s\n' "$l1" "$l2" "$l3" "$l4" >"$W/body-break.want"
		grep -vxF -e '' -e 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' "$W/body-break.txt" | head -n 4 |
			cmp -s "$W/body-break.want" - && ok "pdf/official/body-broken-before-place ($l2)" ||
			fail pdf/official/body-broken-before-place "$(tr '\n' '/' <"$W/body-break.txt")"
	fi
done

# a body's name that would all but touch the national title beside it
# (1.8 mm) takes two lines: the header keeps a gutter between its columns
sed -e 's/^parent: .*/parent: "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN"/' -e 's/^issuer: .*/issuer: "SỞ NGOẠI VỤ"/' \
	"$CASES/official.md" >"$W/body-gutter.md"
if render body-gutter "$W/body-gutter.md"; then
	pdftotext -l 1 "$W/body-gutter.pdf" - | sed -n 1,6p | grep -vxF -e '' -e 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' |
		head -n 3 >"$W/body-gutter.txt"
	printf '%s\n' 'ỦY BAN NHÂN DÂN' 'TỈNH LẠNG SƠN' 'SỞ NGOẠI VỤ' | cmp -s - "$W/body-gutter.txt" &&
		ok pdf/official/body-keeps-clear-of-national-title ||
		fail pdf/official/body-keeps-clear-of-national-title "$(tr '\n' '/' <"$W/body-gutter.txt")"
fi
# blocks and inline content: lists, quotes, code wrapping, HTML, images,
# strike-through, boxes for characters no font has, table alignment
if render blocks "$CASES/blocks.md"; then
	page_matches blocks "$W/blocks.pdf" 1 100
fi
unset SOURCE_DATE_EPOCH

# ---- Lao, Khmer, Thai and Myanmar: shaped, in serif faces, by word ----

# a page per script (regular, bold, italic, beside Vietnamese) at 200 dpi,
# where stacked marks and subscripts are visible; reviewed by eye
export SOURCE_DATE_EPOCH=1500000000
for s in lao khmer thai myanmar; do
	render "$s" "$CASES/$s.md" || continue
	page_matches "script-$s" "$W/$s.pdf" 1 200
	[ -s "$W/$s.err" ] && fail "pdf/scripts/$s/no-warning" "$(head -n 2 "$W/$s.err")" ||
		ok "pdf/scripts/$s/no-warning"
	# the script's serif face, regular and bold; italic runs in the regular
	# face (these families have no italic)
	case $s in lao) fam=NotoSerifLao ;; khmer) fam=NotoSerifKhmer ;; thai) fam=NotoSerifThai ;;
	*) fam=NotoSerifMyanmar ;; esac
	pdffonts "$W/$s.pdf" | sed -n "s/^[A-Z]\{6\}+\($fam[^ ]*\) .*/\1/p" | sort >"$W/$s.faces"
	printf '%s\n' "$fam-Bold" "$fam-Regular" >"$W/$s.faces-want"
	cmp -s "$W/$s.faces" "$W/$s.faces-want" && ok "pdf/scripts/$s/serif-regular-and-bold" ||
		fail "pdf/scripts/$s/serif-regular-and-bold" "$(tr '\n' ' ' <"$W/$s.faces")"
done
unset SOURCE_DATE_EPOCH

# glyphs and positions in the PDF are hb-shape's for the same font and
# size, word by word, regular and bold
shape_word() { # SCRIPT STYLE WORD (these families have no italic: regular)
	face=$2
	[ "$2" = Italic ] && face=Regular
	f=$(fc-match -f '%{file}' "Noto Serif $1:style=$face")
	ps=NotoSerif$1-$face
	k=$(printf '%s-%s-%s' "$1" "$2" "$3" | cksum | cut -d' ' -f1)
	case $2 in
	Bold) printf '**%s**\n' "$3" ;;
	Italic) printf '*%s*\n' "$3" ;;
	*) printf '%s\n' "$3" ;;
	esac >"$W/sw-$k.md"
	"$D" pdf -o "$W/sw-$k.pdf" "$W/sw-$k.md" 2>/dev/null &&
		$PY "$HERE/shape.py" "$W/sw-$k.pdf" "$f" "$ps" "$3" >"$W/sw-$k.out" 2>&1 &&
		ok "pdf/shape/hb-shape/$1/$2/$3" ||
		fail "pdf/shape/hb-shape/$1/$2/$3" "$(head -c 300 "$W/sw-$k.out")"
}
if command -v hb-shape >/dev/null 2>&1; then
	for st in Regular Bold; do
		for w in ຫຼວງພະບາງ ສະຫວັນນະເຂດ ເຈົ້າ ນ້ຳ ເຈົ້າແຂວງ; do shape_word Lao $st "$w"; done
		for w in កំពត ស្វាយរៀង ព្រះរាជាណាចក្រកម្ពុជា ស្ត្រី ក្រសួងការបរទេស; do
			shape_word Khmer $st "$w"
		done
		for w in นครพนม ผู้ว่าราชการจังหวัด ปี่ ฝั่ง กิ๊ก; do shape_word Thai $st "$w"; done
		for w in မြန်မာ နေပြည်တော် မန္တလေး; do shape_word Myanmar $st "$w"; done
	done
	shape_word Lao Italic ຫຼວງພະບາງ
	shape_word Khmer Italic ស្វាយរៀង
	shape_word Thai Italic ผู้ว่าราชการจังหวัด
	shape_word Myanmar Italic နေပြည်တော်
	# the comparison can fail: one word's PDF against another's shaping
	f=$(fc-match -f '%{file}' "Noto Serif Khmer:style=Regular")
	printf 'ស្វាយរៀង\n' >"$W/sw-wrong.md"
	"$D" pdf -o "$W/sw-wrong.pdf" "$W/sw-wrong.md" 2>/dev/null
	$PY "$HERE/shape.py" "$W/sw-wrong.pdf" "$f" NotoSerifKhmer-Regular 'ស្វាយរៀ' >/dev/null 2>&1 &&
		fail pdf/shape/hb-shape/comparison-can-fail "passed" || ok pdf/shape/hb-shape/comparison-can-fail
else
	fail pdf/shape/hb-shape "hb-shape not installed (libharfbuzz-bin)"
fi

# a Khmer name without spaces in a narrow table cell: wrapped between
# words, inside its cell
if render khmer-cell "$CASES/khmer-cell.md"; then
	$PY - "$W/khmer-cell.pdf" >"$W/khmer-cell.out" 2>&1 <<'PY'
import re, subprocess, sys
trace = subprocess.run(['mutool', 'trace', sys.argv[1]], capture_output=True, text=True).stdout
lines, font, right = {}, '', None
for line in trace.splitlines():
    m = re.search(r'<span font="[A-Z]{6}\+([^"]+)".* trm="([-\d.]+) ', line)
    if m:
        font, size = m[1], float(m[2])
    m = re.search(r'<g unicode="(.*)" glyph="\d+" x="([-\d.]+)" y="([-\d.]+)" adv="([-\d.]+)"', line)
    if not m:
        continue
    x, y = float(m[2]), float(m[3])
    if font.startswith('NotoSerifKhmer'):
        lines.setdefault(y, []).append((m[1], x + float(m[4]) * size))
    elif m[1] == 'V' and right is None:  # "Việc 1", the next column's header
        right = x
words = ['អភិបាលខេត្ត', 'ស្វាយរៀង', 'ព្រះរាជាណាចក្រកម្ពុជា']
got = [''.join(c for c, _ in lines[y]) for y in sorted(lines, reverse=True)]
edge = max(e for y in lines for _, e in lines[y])
print('lines:', got, 'right edge %.2f, next column %.2f' % (edge, right or 0))
# every line whole words, in order, on more than one line
def whole(line, ws):
    while line:
        if not ws or not line.startswith(ws[0]):
            return None
        line, ws = line[len(ws[0]):], ws[1:]
    return ws
left = words
for line in got:
    left = whole(line, left) if left is not None else None
ok = len(got) > 1 and left == [] and right is not None and edge < right
sys.exit(0 if ok else 1)
PY
	[ $? = 0 ] && ok pdf/shape/khmer-cell/wraps-between-words-inside-cell ||
		fail pdf/shape/khmer-cell/wraps-between-words-inside-cell "$(cat "$W/khmer-cell.out")"
	page_matches khmer-cell "$W/khmer-cell.pdf" 1 150
fi

# ---- text: three extractors give the words back exactly ----

render extract "$CASES/extract.md"
for t in vowels extract lao khmer thai myanmar; do
	[ -f "$W/$t.pdf" ] || continue
	# expected: the Markdown without its markup (headings, emphasis, fences)
	sed -e 's/^#* //' -e 's/\*//g' -e '/^```/d' -e 's/  $//' "$CASES/$t.md" >"$W/$t.expect"
	# pdftotext's layout guess joins a line of single letters each followed
	# by one space ("a b c" -> "abc", Ghostscript's own PDFs too): the
	# vowel table is read in content order (-raw), prose as it is
	raw=; [ $t = vowels ] && raw=-raw
	pdftotext $raw -enc UTF-8 "$W/$t.pdf" "$W/$t.poppler" 2>"$W/$t.poppler.err"
	mutool draw -q -F txt -o "$W/$t.mupdf" "$W/$t.pdf" 2>/dev/null
	gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=txtwrite -sOutputFile="$W/$t.gs" "$W/$t.pdf" 2>/dev/null
	for x in poppler mupdf gs; do
		# the page number is the only text not in the Markdown
		tr -d '\r' <"$W/$t.$x" | grep -v '^ *1 */ *1 *$' >"$W/$t.$x.body"
		same_words "pdf/text/$t/$x" "$W/$t.expect" "$W/$t.$x.body"
	done
	if [ -s "$W/$t.poppler.err" ]; then
		fail "pdf/text/$t/poppler-silent" "$(head -n 2 "$W/$t.poppler.err")"
	else ok "pdf/text/$t/poppler-silent"; fi
done

# Arabic and Hebrew among Vietnamese are drawn from right to left: read in
# the order drawn (mupdf), a name comes reversed; poppler, which reorders
# what it reads, gives it back as written
if render right-to-left "$CASES/right-to-left.md"; then
	pdftotext -enc UTF-8 "$W/right-to-left.pdf" "$W/rtl.poppler"
	mutool draw -q -F txt -o "$W/rtl.mupdf" "$W/right-to-left.pdf" 2>/dev/null
	rtl_ok=1
	for w in 'غرفة الرياض' 'عبد الله بن محمد' 'שלום כהן' 'משרד החוץ'; do
		grep -qF "$w" "$W/rtl.poppler" || rtl_ok=0
		rev=$(printf '%s' "$w" | $PY -c 'import sys; print(sys.stdin.read()[::-1])')
		grep -qF "$rev" "$W/rtl.mupdf" || rtl_ok=0
	done
	grep -q '^Đoàn Phòng Thương mại Riyadh (' "$W/rtl.poppler" || rtl_ok=0
	[ $rtl_ok = 1 ] && ok pdf/text/right-to-left-drawn-reversed ||
		fail pdf/text/right-to-left-drawn-reversed "$(cat "$W/rtl.poppler" "$W/rtl.mupdf" | head -n 12)"
fi

# ToUnicode maps are bfchar (libharu's own is an invalid cidrange CMap)
if [ -f "$W/report.pdf" ] && ! qdf report "$W/report.pdf"; then
	fail pdf/tounicode/bfchar "qpdf cannot rewrite report.pdf; the font checks did not run"
elif [ -f "$W/report.pdf" ]; then
	nfonts=$(pdffonts "$W/report.pdf" | tail -n +3 | wc -l)
	nbf=$(grep -ac 'beginbfchar' "$W/report.qdf")
	if [ "$nbf" -ge "$nfonts" ] && ! grep -aq 'begincidrange' "$W/report.qdf"; then
		ok pdf/tounicode/bfchar
	else fail pdf/tounicode/bfchar "$nbf bfchar blocks for $nfonts fonts, or a cidrange left"; fi
	# fonts: embedded subsets of the serif family, its mono, and fallbacks
	pdffonts "$W/report.pdf" >"$W/report.fonts"
	for f in LiberationSerif LiberationSerif-Bold LiberationSerif-Italic LiberationMono \
		DroidSansFallback NanumGothic; do
		if grep -Eq "^[A-Z]{6}\+$f[ ,].*Identity-H +yes yes yes" "$W/report.fonts"; then
			ok "pdf/fonts/$f-embedded-subset"
		else fail "pdf/fonts/$f-embedded-subset" "not in pdffonts"; fi
	done
fi

# ---- document: info, bookmarks, links, page numbers, determinism ----

if [ -f "$W/report.pdf" ]; then
	pdfinfo "$W/report.pdf" >"$W/report.info"
	if grep -q '^Title: *Báo cáo sau chuyến thăm tỉnh Nagasaki (長崎県), Nhật Bản$' "$W/report.info"; then
		ok pdf/info/title-from-first-heading
	else fail pdf/info/title-from-first-heading "$(grep Title "$W/report.info")"; fi
	if grep -q '^CreationDate:.*Jul 14 02:40:00 2017 UTC' "$W/report.info"; then
		ok pdf/info/date-from-source-date-epoch
	else fail pdf/info/date-from-source-date-epoch "$(grep Date "$W/report.info")"; fi
	grep -q '^Page size: *595.276 x 841.89 pts (A4)' "$W/report.info" && ok pdf/info/a4 ||
		fail pdf/info/a4 "$(grep 'Page size' "$W/report.info")"
fi
if render nodate "$CASES/report.md" --title "Tiêu đề riêng"; then
	pdfinfo "$W/nodate.pdf" >"$W/nodate.info"
	if ! grep -q '^Pages:' "$W/nodate.info"; then fail pdf/info/no-date-without-epoch "pdfinfo read nothing"
	elif grep -q 'Date' "$W/nodate.info"; then fail pdf/info/no-date-without-epoch "$(grep Date "$W/nodate.info")"
	else ok pdf/info/no-date-without-epoch; fi
	grep -q '^Title: *Tiêu đề riêng$' "$W/nodate.info" && ok pdf/info/title-option ||
		fail pdf/info/title-option "$(grep Title "$W/nodate.info")"
fi
# a title in UTF-16 is written as a literal string of its bytes: the
# bytes a literal string escapes, '(' ')' '\' and the ends of lines (č is
# 01 0D, Ċ is 01 0A), come back as they were
if render escaped "$CASES/report.md" --title 'Báo cáo (nháp) \ č Ċ'; then
	if pdfinfo "$W/escaped.pdf" | grep -qxF 'Title:           Báo cáo (nháp) \ č Ċ' &&
		qpdf --check "$W/escaped.pdf" >/dev/null 2>&1
	then ok pdf/info/title-bytes-escaped
	else fail pdf/info/title-bytes-escaped "$(pdfinfo "$W/escaped.pdf" | grep Title)"; fi
fi
# the document's language (/Lang in the catalog, for readers and screen
# readers): the front matter's, as report writes it; a plain Markdown file
# says none, since nothing tells which language it is in
lang_is() { # NAME PDF WANT: the catalog's /Lang, "none" when there is none
	[ -f "$2" ] || { fail "pdf/lang/$1" "$2 was not rendered"; return; }
	qdf "lang-$1" "$2" || { fail "pdf/lang/$1" "qpdf cannot rewrite $2"; return; }
	have=$(grep -ao '/Lang ([a-z]*)' "$W/lang-$1.qdf" | sed 's/^.Lang (//; s/)$//')
	[ "${have:-none}" = "$3" ] && ok "pdf/lang/$1" || fail "pdf/lang/$1" "/Lang ${have:-none}, want $3"
}
lang_is front-matter-vi "$W/official.pdf" vi
lang_is front-matter-en "$W/official-draft-en.pdf" en
lang_is plain-none "$W/report.pdf" none
printf 'Không có tiêu đề, chỉ một đoạn.\n' >"$W/bien-ban-hop.md"
if render untitled "$W/bien-ban-hop.md"; then
	pdfinfo "$W/untitled.pdf" | grep -q '^Title: *bien-ban-hop$' && ok pdf/info/title-from-file-name ||
		fail pdf/info/title-from-file-name "$(pdfinfo "$W/untitled.pdf" | grep Title)"
fi

cat >"$W/outline.md" <<'EOF'
# Chương 1: Đà Nẵng

## Mục 1.1 — Nagasaki (長崎県)

### Tiểu mục sâu

## Mục 1.2

# Chương 2: Hà Nội

Về [đầu tài liệu](#chương-1-đà-nẵng), [trang web](https://vi.wikipedia.org/wiki/Đà_Nẵng),
[không cho phép](javascript:alert(1)) và [không có đích](#khong-co).
EOF
if render outline "$W/outline.md"; then
	mutool show "$W/outline.pdf" outline >"$W/outline.got" 2>&1
	golden pdf/bookmarks/nested-vietnamese "$REF/outline.txt" "$W/outline.got"
	qdf outline "$W/outline.pdf" || fail pdf/links/qdf "qpdf cannot rewrite outline.pdf"
	n=$(grep -ac '/URI (https://vi.wikipedia.org/wiki/%C4%90%C3%A0_N%E1%BA%B5ng)' "$W/outline.qdf")
	[ "$n" = 1 ] && ok pdf/links/uri-percent-encoded || fail pdf/links/uri-percent-encoded "$n URIs"
	if [ ! -s "$W/outline.qdf" ]; then fail pdf/links/javascript-dropped "no uncompressed PDF to read"
	elif grep -aq 'javascript' "$W/outline.qdf"; then fail pdf/links/javascript-dropped "found"
	else ok pdf/links/javascript-dropped; fi
	n=$(grep -ac '/Subtype /Link' "$W/outline.qdf")
	[ "$n" = 2 ] && ok pdf/links/internal-and-uri-only || fail pdf/links/internal-and-uri-only "$n links"
	grep -aq '/Dest \[' "$W/outline.qdf" || grep -aq '/Dest [0-9]* 0 R' "$W/outline.qdf" &&
		ok pdf/links/internal-destination || fail pdf/links/internal-destination "no /Dest"
fi

# page numbers "N / M" on every page of a long document
$PY - "$W/long.md" <<'EOF'
import sys
with open(sys.argv[1], 'w', encoding='utf-8') as f:
    for i in range(1, 121):
        f.write('## Phần %d\n\nĐoạn %d của báo cáo dài về hợp tác giữa tỉnh Cà Mau và các đối tác; '
                'nội dung lặp lại để lấp đầy trang giấy.\n\n' % (i, i))
EOF
if render long "$W/long.md"; then
	np=$(pdfinfo "$W/long.pdf" | sed -n 's/^Pages: *//p')
	good=1
	for p in 1 2 "$np"; do
		pdftotext -f "$p" -l "$p" -layout "$W/long.pdf" - | grep -q "^ *$p / $np *$" || good=0
	done
	[ "$np" -ge 3 ] && [ $good = 1 ] && ok "pdf/pages/numbered-n-of-m ($np pages)" ||
		fail pdf/pages/numbered-n-of-m "pages $np, numbers missing"
fi

# same input, same bytes: twice, and from the optimised build
if [ -f "$W/report.pdf" ]; then
	SOURCE_DATE_EPOCH=1500000000 "$D" pdf -o "$W/again.pdf" "$CASES/report.md" 2>/dev/null
	SOURCE_DATE_EPOCH=1500000000 "$DEBRIEF_PLAIN" pdf -o "$W/plain.pdf" "$CASES/report.md" 2>/dev/null
	cmp -s "$W/report.pdf" "$W/again.pdf" && ok pdf/deterministic/twice ||
		fail pdf/deterministic/twice "bytes differ"
	cmp -s "$W/report.pdf" "$W/plain.pdf" && ok pdf/deterministic/across-builds ||
		fail pdf/deterministic/across-builds "bytes differ"
fi

# ---- tables across pages ----

$PY - "$W/table.md" <<'EOF'
import sys
with open(sys.argv[1], 'w', encoding='utf-8') as f:
    f.write('# Bảng dài\n\n| Sở phụ trách | Nhiệm vụ cụ thể | Hạn chót |\n|---|---|--:|\n')
    for i in range(1, 91):
        f.write('| Sở số %d | Nhiệm vụ %d: liên hệ đối tác và báo cáo kết quả | %02d/09/2025 |\n'
                % (i, i, i % 28 + 1))
    f.write('| Sở cuối | ' + ' '.join('từ%d' % i for i in range(1, 1601)) + ' | 30/12/2025 |\n')
EOF
# A column as wide as its one long word, a cell of that word alone under a
# shorter header, does not cut it ("Partne" over "r").
printf '| Side |\n|---|\n| Partner |\n\n| Name | Title | Side |\n|---|---|---|\n| Li | Deputy Director | Partner |\n' >"$W/colword.md"
if render colword "$W/colword.md" &&
	[ "$(pdftotext "$W/colword.pdf" - | tr -s " \n" "\n\n" | grep -c "^Partner$")" = 2 ]
then ok pdf/table/column-as-wide-as-its-word-keeps-it
else fail pdf/table/column-as-wide-as-its-word-keeps-it "$(pdftotext "$W/colword.pdf" - | head -n 12)"; fi
if render table "$W/table.md"; then
	np=$(pdfinfo "$W/table.pdf" | sed -n 's/^Pages: *//p')
	good=1
	for p in $(seq 1 "$np"); do
		pdftotext -f "$p" -l "$p" "$W/table.pdf" - | grep -q 'Nhiệm vụ cụ thể' || good=0
	done
	[ "$np" -ge 4 ] && [ $good = 1 ] && ok "pdf/table/header-on-every-page ($np pages)" ||
		fail pdf/table/header-on-every-page "$np pages, header missing on some"
	page_matches table-page2 "$W/table.pdf" 2 60
	pdftotext "$W/table.pdf" - | tr -s ' \n' '\n\n' | grep -c '^từ[0-9]*$' >"$W/table.n"
	[ "$(cat "$W/table.n")" = 1600 ] && ok pdf/table/tall-row-split-keeps-every-word ||
		fail pdf/table/tall-row-split-keeps-every-word "$(cat "$W/table.n") of 1600 words"
fi

# a heading keeps the table's header row and whole first row below it,
# and the header keeps that row, however tall the row is (wrapped words,
# Thai, images), measured as drawn: with N list lines before them, every
# page that shows the heading or the header shows the first row too
cp "$CASES/hinh.png" "$W/hinh.png"
keep_table() { # FILE N HEADING FIRST-CELL [FRONT-MATTER-FILE]
	{
		[ -n "${5:-}" ] && cat "$5"
		echo "# Báo cáo"
		i=0; while [ $i -lt "$2" ]; do i=$((i+1)); echo "- dòng $i"; done
		echo
		if [ -n "$3" ]; then printf '## %s\n\n' "$3"; else printf 'Đoạn trước bảng.\n\n'; fi
		echo "| Hạn | Nhiệm vụ | Đơn vị chủ trì | Trạng thái | Cập nhật gần nhất | Hồ sơ |"
		echo "| --- | --- | --- | --- | --- | --- |"
		echo "| 2024-06-30 | $4 | Sở Văn hóa, Thể thao và Du lịch (Cà Mau) | chưa thực hiện |  | 2024-03-camau-svayrieng / T1 |"
		echo "| 2024-09-30 | dòng sau | Sở Ngoại vụ | đã xong |  | T2 |"
	} >"$1"
}
lorem='lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua ut enim ad minim veniam quis'
thai='ผู้ว่าราชการจังหวัดนครพนม ผู้ว่าราชการจังหวัดนครพนม ผู้ว่าราชการจังหวัดนครพนม ผู้ว่าราชการจังหวัดนครพนม'
awk '{ print } /^---$/ && ++k == 2 { exit }' "$CASES/official.md" >"$W/front.txt"
[ "$(grep -c '^---$' "$W/front.txt")" = 2 ] || fail pdf/table/keep/front-matter "no front matter read"
for v in lorem thai image none official; do
	bad= n=30
	while [ $n -le 46 ]; do
		case $v in
		lorem) keep_table "$W/keep.md" $n "Nhiệm vụ còn mở" "$lorem" ;;
		thai) keep_table "$W/keep.md" $n "Các chuyến thăm gần nhất" "$thai" ;;
		image) keep_table "$W/keep.md" $n "Nhiệm vụ có ảnh" "ảnh ![hình](hinh.png) ![hình](hinh.png) hết" ;;
		none) keep_table "$W/keep.md" $n "" "$lorem" ;;
		official) keep_table "$W/keep.md" $((n - 22)) "Nhiệm vụ còn mở" "$lorem $lorem" "$W/front.txt" ;;
		esac
		"$D" pdf -o "$W/keep.pdf" "$W/keep.md" 2>"$W/keep.err" || { bad="$bad $n:exit"; n=$((n+1)); continue; }
		sanitizer_clean "pdf/table/keep/$v/sanitizers" "$W/keep.err" || break
		np=$(pdfinfo "$W/keep.pdf" | sed -n 's/^Pages: *//p')
		p=1
		while [ $p -le "${np:-0}" ]; do
			pdftotext -f $p -l $p "$W/keep.pdf" "$W/keep.txt"
			# the heading: the header and the first row below it
			if grep -q -e 'Nhiệm vụ còn mở' -e 'Các chuyến thăm gần nhất' -e 'Nhiệm vụ có ảnh' "$W/keep.txt" &&
				! { grep -qx 'Hạn' "$W/keep.txt" && grep -q '2024-06-30' "$W/keep.txt"; }; then
				bad="$bad $n:p$p"
			fi
			# the header (repeated too): a row below it
			if grep -qx 'Hạn' "$W/keep.txt" && ! grep -q -e '2024-06-30' -e '2024-09-30' "$W/keep.txt"; then
				bad="$bad $n:p$p"
			fi
			p=$((p+1))
		done
		n=$((n+1))
	done
	[ -z "$bad" ] && ok "pdf/table/keep/$v/heading-header-first-row-together" ||
		fail "pdf/table/keep/$v/heading-header-first-row-together" "alone at a page's foot with N list lines:$bad"
done
# the user's case, seen: heading, header and first row all on page 2
keep_table "$W/keep38.md" 38 "Nhiệm vụ còn mở" "$lorem"
if render keep38 "$W/keep38.md"; then page_matches table-keep-page2 "$W/keep38.pdf" 2 50; fi
# a first row taller than a page: the heading, the header and the row's
# first lines share the heading's page, and the rest follows
words=$($PY -c "print(' '.join('từ%d' % i for i in range(1, 1200)))")
keep_table "$W/keep-tall.md" 20 "Nhiệm vụ còn mở" "$words"
if render keep-tall "$W/keep-tall.md"; then
	pdftotext -f 1 -l 1 "$W/keep-tall.pdf" "$W/keep-tall.1"
	pdftotext "$W/keep-tall.pdf" - | tr -s ' \n' '\n\n' | grep -c '^từ[0-9]*$' >"$W/keep-tall.n"
	grep -q 'Nhiệm vụ còn mở' "$W/keep-tall.1" && grep -qx 'Hạn' "$W/keep-tall.1" &&
		grep -q 'từ1 ' "$W/keep-tall.1" && [ "$(cat "$W/keep-tall.n")" = 1199 ] &&
		ok pdf/table/keep/taller-than-a-page-split-under-heading ||
		fail pdf/table/keep/taller-than-a-page-split-under-heading "page 1: $(tr '\n' ' ' <"$W/keep-tall.1" | cut -c1-200); $(cat "$W/keep-tall.n") words"
fi

# ---- the command line ----

cp "$CASES/report.md" "$W/bao-cao.md"
"$D" pdf "$W/bao-cao.md" 2>"$W/default.err" && [ -s "$W/bao-cao.pdf" ] &&
	ok pdf/cli/default-output-beside-input || fail pdf/cli/default-output-beside-input "no bao-cao.pdf"
"$D" pdf - <"$CASES/report.md" >"$W/stdout.pdf" 2>"$W/stdin.err" &&
	head -c 5 "$W/stdout.pdf" | grep -q '%PDF-' && ok pdf/cli/stdin-to-stdout ||
	fail pdf/cli/stdin-to-stdout "$(head -n 3 "$W/stdin.err")"
"$D" pdf -o "$W/sub/out.pdf" - <"$CASES/report.md" 2>/dev/null && [ -s "$W/sub/out.pdf" ] &&
	ok pdf/cli/stdin-to-file || fail pdf/cli/stdin-to-file "no file"
"$D" pdf >/dev/null 2>&1; [ $? = 2 ] && ok pdf/cli/no-file-is-usage || fail pdf/cli/no-file-is-usage "exit not 2"
"$D" pdf --bogus x.md >/dev/null 2>&1; [ $? = 2 ] && ok pdf/cli/bad-option || fail pdf/cli/bad-option "exit not 2"
"$D" pdf --lang en "$W/khong-co.md" 2>"$W/missing.err"; rc=$?
[ $rc = 2 ] && grep -q 'khong-co.md: cannot open' "$W/missing.err" && ok pdf/cli/missing-input ||
	fail pdf/cli/missing-input "exit $rc: $(cat "$W/missing.err")"
printf 'Dòng một\nhai \303( ba\n' >"$W/bad.md"
"$D" pdf --lang en -o "$W/bad.pdf" "$W/bad.md" 2>"$W/bad.err"; rc=$?
[ $rc = 0 ] && grep -q 'bad.md:2:5: warning: invalid UTF-8' "$W/bad.err" &&
	pdftotext "$W/bad.pdf" - | grep -q 'hai �( ba' && ok pdf/cli/invalid-utf8-replaced ||
	fail pdf/cli/invalid-utf8-replaced "exit $rc: $(cat "$W/bad.err")"
"$D" pdf --font "DejaVu Serif" -o "$W/dejavu.pdf" "$CASES/vowels.md" 2>/dev/null &&
	pdffonts "$W/dejavu.pdf" | grep -q 'DejaVuSerif-Bold' && ok pdf/cli/font-option ||
	fail pdf/cli/font-option "no DejaVu Serif"
"$D" pdf --lang en --font "Không Có Phông" -o "$W/nofont.pdf" "$CASES/vowels.md" 2>"$W/nofont.err"; rc=$?
[ $rc = 2 ] && grep -q "'Không Có Phông' not found" "$W/nofont.err" && [ ! -f "$W/nofont.pdf" ] &&
	ok pdf/cli/unknown-font || fail pdf/cli/unknown-font "exit $rc: $(cat "$W/nofont.err")"
"$D" pdf --font "Nimbus Roman" -o "$W/cff.pdf" "$CASES/vowels.md" 2>/dev/null; rc=$?
[ $rc = 2 ] && ok pdf/cli/cff-font-refused || fail pdf/cli/cff-font-refused "exit $rc"

# the manual describes every option the usage names
"$D" pdf --help >"$W/help.txt" 2>&1
sed -n '/^\.Ss pdf/,/^\.Ss rules/p' "$TOP/man/debrief.1" >"$W/man-pdf"
missing=
for o in $(head -n 1 "$W/help.txt" | grep -o -- '\[-[a-z-]*' | tr -d '[' | sort -u); do
	case $o in
	--*) grep -q "^\.It Fl \\\\${o#-}\( \|$\)" "$W/man-pdf" || missing="$missing $o" ;;
	-?) grep -q "^\.It Fl ${o#-}\( \|$\)" "$W/man-pdf" || missing="$missing $o" ;;
	esac
done
[ -z "$missing" ] && grep -q -- '--font' "$W/help.txt" && ok pdf/cli/options-in-manual ||
	fail pdf/cli/options-in-manual "not described:$missing"
# the note under the usage in the run's language, Vietnamese by default
"$D" pdf --help --lang en >"$W/help-en.txt" 2>&1
grep -q '^FILE.md là - thì đọc từ đầu vào chuẩn' "$W/help.txt" && ! grep -q 'reads standard input' "$W/help.txt" &&
	grep -q '^FILE.md - reads standard input' "$W/help-en.txt" && ok pdf/cli/help-note-in-run-language ||
	fail pdf/cli/help-note-in-run-language "$(tail -n 2 "$W/help.txt")"

# warnings: each missing character once; images embedded or alt text
if [ -f "$W/blocks.pdf" ]; then
	n=$(grep -c 'U+2FFFD' "$W/blocks.err")
	[ "$n" = 1 ] && grep -q 'U+0378' "$W/blocks.err" && ok pdf/glyphs/missing-reported-once ||
		fail pdf/glyphs/missing-reported-once "$n reports"
	# (the warnings are there: U+2FFFD is reported just above)
	if ! grep -q 'U+2FFFD' "$W/blocks.err"; then fail pdf/glyphs/astral-drawn "no warnings to read"
	elif grep -q 'U+1F600' "$W/blocks.err"; then fail pdf/glyphs/astral-drawn "😀 reported missing"
	else ok pdf/glyphs/astral-drawn; fi
	pdftotext "$W/blocks.pdf" "$W/blocks.txt"
	grep -q 'BMP: 😀; không phông nào có: 𯿽 và ͸ (hai ô vuông)' "$W/blocks.txt" &&
		ok pdf/glyphs/missing-still-extracted || fail pdf/glyphs/missing-still-extracted "not in text"
	n=$(pdfimages -list "$W/blocks.pdf" | tail -n +3 | wc -l)
	[ "$n" = 2 ] && ok pdf/images/png-and-jpeg-embedded || fail pdf/images/png-and-jpeg-embedded "$n images"
	grep -q 'blocks.md:36:70: warning: ảnh khong-co.png: ' "$W/blocks.err" && grep -q 'ảnh không có' "$W/blocks.txt" &&
		ok pdf/images/missing-shows-alt-said-at-line-col || fail pdf/images/missing-shows-alt-said-at-line-col \
		"no warning at 36:70 or no alt: $(grep khong-co "$W/blocks.err")"
	pdftotext "$W/report.pdf" - | grep -q '^\[x\] Cung cấp tài liệu' && ok pdf/tasks/state-in-text ||
		fail pdf/tasks/state-in-text "no '[x] ' before the done task"
	grep -q '^HTML thô hiện ra như văn bản$' "$W/blocks.txt" && ! grep -q '<div' "$W/blocks.txt" &&
		grep -q 'blocks.md:34:1: warning: bỏ HTML thô <div>, chỉ hiện chữ của nó$' "$W/blocks.err" &&
		grep -q 'blocks.md:43:.*: warning: bỏ HTML thô <b>$' "$W/blocks.err" &&
		ok pdf/html/text-without-markup-and-said || fail pdf/html/text-without-markup-and-said \
		"$(grep -e HTML -e '<' "$W/blocks.txt" | head -n 3) / $(grep HTML "$W/blocks.err" | head -n 3)"
	tr -d '\n' <"$W/blocks.txt" | grep -q 'ẮẰẲẴẶ ỨỪỬỮỰ *0123456789' && ok pdf/code/wrapped-keeps-text ||
		fail pdf/code/wrapped-keeps-text "code line lost text"
fi
if render prep "$CASES/regress-libharu-prep.md"; then ok pdf/regress/libharu-empty-prep; fi

# footnotes: a raised number in the text, the notes numbered after a rule at
# the end; <br> a line break (in a table cell too); other raw HTML left out
# (an HTML block's text kept) and said at FILE:LINE:COL
if render notes "$CASES/footnotes-html.md" --lang en; then
	pdftotext "$W/notes.pdf" "$W/notes.txt"
	grep -q '^Đoạn có chú thích1 và một chú thích khác2, lặp lại1, chưa định nghĩa\[^zz\]\.$' "$W/notes.txt" &&
		grep -q '^1\. Nội dung chú thích\.$' "$W/notes.txt" &&
		grep -q '^2\. Chú thích thứ hai, hai dòng\.$' "$W/notes.txt" &&
		! grep -q '\[^1\]' "$W/notes.txt" && ok pdf/footnotes/numbered-at-the-end ||
		fail pdf/footnotes/numbered-at-the-end "$(grep -i -e 'chú thích' "$W/notes.txt" | head -n 4)"
	# the number is raised and smaller than the text of its line
	$PY - "$W/notes.pdf" >"$W/notes.sup" 2>&1 <<'PY'
import re, subprocess, sys
trace = subprocess.run(['mutool', 'trace', sys.argv[1]], capture_output=True, text=True).stdout
size, text, sup = None, None, None
for line in trace.splitlines():
    m = re.search(r' trm="([-\d.]+) ', line)
    if m:
        size = float(m[1])
    m = re.search(r'<g unicode="(.)" glyph="\d+" x="[-\d.]+" y="([-\d.]+)"', line)
    if not m:
        continue
    if m[1] == 'Đ' and text is None:
        text = (float(m[2]), size)
    if m[1] == '1' and text and sup is None:
        sup = (float(m[2]), size)
print('text (y, size)', text, 'number', sup)
# y grows upwards
sys.exit(0 if text and sup and sup[1] < text[1] and sup[0] > text[0] + 2 else 1)
PY
	[ $? = 0 ] && ok pdf/footnotes/number-raised-and-smaller ||
		fail pdf/footnotes/number-raised-and-smaller "$(cat "$W/notes.sup")"
	grep -q '^dòng một' "$W/notes.txt" && grep -q '^dòng hai$' "$W/notes.txt" &&
		grep -q '^Inline  *và$' "$W/notes.txt" && ! grep -q '<' "$W/notes.txt" &&
		grep -q '^HTML thô đậm & Đủ$' "$W/notes.txt" && ok pdf/html/br-breaks-other-markup-left-out ||
		fail pdf/html/br-breaks-other-markup-left-out "$(grep -e dòng -e '<' -e HTML "$W/notes.txt" | head -n 5)"
	f=$CASES/footnotes-html.md
	printf '%s\n' "$f:7:1: warning: raw HTML <div>, <b> left out, its text shown" \
		"$f:11:32: warning: raw HTML <span> left out" \
		"$f:11:39: warning: raw HTML </span> left out" \
		"$f:13:8: warning: raw HTML <!-- bình luận --> left out" \
		"$f:15:1: warning: raw HTML <!-- một chú thích HTML nhiều dòng --> left out" >"$W/notes.want"
	cmp -s "$W/notes.want" "$W/notes.err" && ok pdf/html/left-out-said-at-file-line-col ||
		{ fail pdf/html/left-out-said-at-file-line-col "warnings differ"; diff "$W/notes.want" "$W/notes.err" | head; }
fi
# the front matter's lines count in the place said
{ awk '{ print } /^---$/ && ++k == 2 { exit }' "$CASES/official.md"; printf '\nx <b>y</b>\n'; } >"$W/notes-form.md"
xline=$(grep -c '' "$W/notes-form.md") # render sets n
if render notes-form "$W/notes-form.md" --lang en; then
	grep -q "notes-form.md:$xline:3: warning: raw HTML <b> left out" "$W/notes-form.err" &&
		ok pdf/html/line-counts-front-matter || fail pdf/html/line-counts-front-matter "$(head -n 2 "$W/notes-form.err")"
fi

# a front matter's own lines inside a message ("first at line 4", "started
# at line 2") are the file's, as the line the message is at
awk 'NR == 4 { print "issuer: \"SỞ NGOẠI VỤ TỈNH CÀ MAU\"" } { print }' "$CASES/official.md" >"$W/fm-repeat.md"
printf -- '---\nlang: "vi"\ntype: [BÁO CÁO\n---\nx\n' >"$W/fm-broken.md"
"$D" pdf --lang en -o "$W/fm-repeat.pdf" "$W/fm-repeat.md" 2>"$W/fm-repeat.err"
"$D" pdf --lang en -o "$W/fm-broken.pdf" "$W/fm-broken.md" 2>"$W/fm-broken.err"
if grep -q "fm-repeat.md:5:1: error: duplicate key 'issuer' (first at line 4, column 1)" "$W/fm-repeat.err" &&
	grep -q "fm-broken.md:4:1: error: .*flow sequence started at line 3, column 7)" "$W/fm-broken.err"; then
	ok pdf/front-matter/lines-in-messages
else fail pdf/front-matter/lines-in-messages "$(cat "$W/fm-repeat.err" "$W/fm-broken.err")"; fi

# ---- pathological inputs: bounded time, legible output ----

$PY - "$W" <<'EOF'
import sys
d = sys.argv[1]
def w(n, s):
    open('%s/%s.md' % (d, n), 'w', encoding='utf-8').write(s)
w('quotes', '> ' * 10000 + 'trích dẫn sâu nhất\n')
w('lists', '- ' * 10000 + 'mục sâu nhất\n')
w('olists', ''.join('  ' * i + '1. mục %d\n' % i for i in range(2000)))
w('longpara', 'x' * 1000000 + '\n')
w('wide', '|' + '|'.join('c%d' % i for i in range(500)) + '|\n|' + '---|' * 500 + '\n'
  + ('|' + '|'.join('v%d' % i for i in range(500)) + '|\n') * 3)
w('longword', 'Từ ' + 'Nghiêng' * 300 + ' cuối.\n')
w('headings', '# Mục\n\n' * 20000 + ''.join('[l](#mục-%d) ' % i for i in range(1, 20000)) + 'hết\n')
# shaped text: a Khmer paragraph of 105,000 characters without a space,
# and one cluster of 20,000 combining marks
w('khmerlong', 'ព្រះរាជាណាចក្រកម្ពុជា' * 5000 + '\n')
w('marks', 'a' + '\u0301' * 20000 + ' hết\n')
# 12,000 distinct ideographs in one face: /W comes in runs of 8,192 codes
w('manychars', ''.join(''.join(chr(0x4E00 + i) for i in range(k, k + 100)) + '\n\n'
                       for k in range(0, 12000, 100)) + 'hết\n')
EOF
patho() {
	n=$1 want=$2
	start=$(date +%s)
	timeout 120 "$D" pdf -o "$W/$n.pdf" "$W/$n.md" 2>"$W/$n.err"
	rc=$?
	secs=$(( $(date +%s) - start ))
	sanitizer_clean "pdf/patho/$n" "$W/$n.err" || return
	[ $rc = 0 ] || { fail "pdf/patho/$n" "exit $rc after ${secs}s"; return; }
	qpdf --check "$W/$n.pdf" >/dev/null 2>&1 || { fail "pdf/patho/$n" "qpdf --check"; return; }
	got=$(pdftotext "$W/$n.pdf" - | tr -d ' \n\f' | grep -o "$want" | head -n 1)
	[ -n "$got" ] && ok "pdf/patho/$n (${secs}s)" || fail "pdf/patho/$n" "text '$want' not found"
}
patho quotes 'tríchdẫnsâunhất'
patho lists 'mụcsâunhất'
patho olists 'mục1999'
patho longpara 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
patho wide 'v499'
patho longword "$( $PY -c "print('Nghiêng' * 300)")"
patho headings 'hết'
patho khmerlong 'ព្រះរាជាណាចក្រកម្ពុជាព្រះរាជាណាចក្រកម្ពុជា'
patho marks 'hết'
patho manychars '一丁丂七丄丅丆万丈三'
if [ -f "$W/manychars.pdf" ]; then
	n=$(pdftotext "$W/manychars.pdf" - | $PY -c 'import sys; print(len({c for c in sys.stdin.read() if 0x4E00 <= ord(c) < 0x4E00 + 12000}))')
	[ "$n" = 12000 ] && ok pdf/patho/manychars-every-code-extracts ||
		fail pdf/patho/manychars-every-code-extracts "$n of 12000"
fi
if [ -f "$W/headings.pdf" ]; then
	qdf headings "$W/headings.pdf"
	n=$(grep -ac '/Subtype /Link' "$W/headings.qdf")
	[ "$n" = 19999 ] && ok pdf/patho/headings-every-link-resolved || fail pdf/patho/headings-every-link-resolved "$n links"
fi
if [ -f "$W/longpara.pdf" ]; then
	n=$(pdftotext "$W/longpara.pdf" - | tr -cd x | wc -c)
	[ "$n" = 1000000 ] && ok pdf/patho/longpara-keeps-every-character ||
		fail pdf/patho/longpara-keeps-every-character "$n x"
fi
if [ -f "$W/wide.pdf" ]; then
	n=$(pdftotext "$W/wide.pdf" - | tr -s ' \n' '\n\n' | grep -c '^v[0-9]*$')
	[ "$n" = 1500 ] && ok pdf/patho/wide-table-every-cell || fail pdf/patho/wide-table-every-cell "$n of 1500"
	page_matches wide-table "$W/wide.pdf" 1 50
fi
[ -f "$W/quotes.pdf" ] && page_matches nested-quotes "$W/quotes.pdf" 1 50
[ -f "$W/lists.pdf" ] && page_matches nested-lists "$W/lists.pdf" 1 50

# ---- every spec example: valid PDF, every word, no sanitizer report ----

mkdir -p "$W/spec"
start=$(date +%s)
spec_data=1
verify_data commonmark || spec_data=0
verify_data gfm || spec_data=0
if [ $spec_data = 1 ]; then
	"$SPECPDF" "$W/spec" "$TOP/tests/data/commonmark/spec.txt" "$TOP/tests/data/gfm/spec.txt" \
		>"$W/spec.log" 2>&1
	rc=$?
else
	echo "spec examples not rendered: tests/data is not as its SOURCE files say" >"$W/spec.log"
	rc=1
fi
grep '^FAIL' "$W/spec.log"
if sanitizer_clean pdf/spec/sanitizers "$W/spec.log"; then
	n=$(sed -n 's/^# \([0-9]*\) examples.*/\1/p' "$W/spec.log")
	[ $rc = 0 ] && [ "${n:-0}" -ge 1300 ] && ok "pdf/spec/render ($n examples, $(( $(date +%s) - start ))s)" ||
		fail pdf/spec/render "exit $rc: $(tail -n 1 "$W/spec.log")"
fi
bad=0 npdf=0
for f in "$W"/spec/*.pdf; do
	[ -f "$f" ] || continue
	npdf=$((npdf + 1))
	b=${f%.pdf}
	qpdf --check "$f" >/dev/null 2>&1 || { bad=$((bad+1)); echo "qpdf: $(basename "$f")"; }
	pdftotext -enc UTF-8 "$f" "$b.out" 2>"$b.err"
done
if [ $npdf -lt 1300 ]; then fail pdf/spec/qpdf-check "$npdf PDFs, want at least 1300"
elif [ $bad = 0 ]; then ok "pdf/spec/qpdf-check ($npdf PDFs)"
else fail pdf/spec/qpdf-check "$bad files"; fi
if $PY words.py "$W/spec" 1300 >"$W/words.log"; then ok "pdf/spec/every-word $(tail -n 1 "$W/words.log")"; else
	fail pdf/spec/every-word "$(grep -c FAIL "$W/words.log") failures"; grep FAIL "$W/words.log" | head
fi
# the word check can fail: drop a word from one extracted text (the same
# example, unbroken, passes)
mkdir -p "$W/spec-one" "$W/spec-broken"
if [ -f "$W/spec/0001.txt" ] && [ -f "$W/spec/0001.out" ] && grep -q foo "$W/spec/0001.out"; then
	cp "$W/spec/0001.txt" "$W/spec/0001.out" "$W/spec-one/"
	: >"$W/spec-one/0001.err"
	cp "$W/spec-one/0001.txt" "$W/spec-one/0001.err" "$W/spec-broken/"
	sed 's/foo//' "$W/spec/0001.out" >"$W/spec-broken/0001.out"
	if ! $PY words.py "$W/spec-one" >/dev/null; then
		fail pdf/spec/word-check-can-fail "the unbroken example 0001 does not pass"
	elif $PY words.py "$W/spec-broken" >/dev/null; then
		fail pdf/spec/word-check-can-fail "passed with a word missing"
	else ok pdf/spec/word-check-can-fail; fi
else
	fail pdf/spec/word-check-can-fail "no extracted text of example 0001 with 'foo' to break"
fi

# ---- valgrind: images, fallback fonts, missing glyphs (the fuzz suite
# replays fuzz/corpus/fuzz_pdf and runs fuzz_pdf) ----

if ! command -v valgrind >/dev/null 2>&1; then
	fail pdf/valgrind/clean "valgrind is not installed (tools/deps.sh test)"
else
	valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect,possible \
		--errors-for-leak-kinds=definite,indirect,possible \
		"$DEBRIEF_PLAIN" pdf -o "$W/vg.pdf" "$CASES/blocks.md" >"$W/vg.log" 2>&1
	[ $? = 0 ] && ok pdf/valgrind/clean || { fail pdf/valgrind/clean "see below"; head -n 20 "$W/vg.log"; }
	# shaping, word breaking (ICU) and outlines drawn as paths
	valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect,possible \
		--errors-for-leak-kinds=definite,indirect,possible \
		"$DEBRIEF_PLAIN" pdf -o "$W/vg-khmer.pdf" "$CASES/khmer-cell.md" >"$W/vg-khmer.log" 2>&1
	[ $? = 0 ] && ok pdf/valgrind/shaped-clean ||
		{ fail pdf/valgrind/shaped-clean "see below"; head -n 20 "$W/vg-khmer.log"; }
fi
exit 0
