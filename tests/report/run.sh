#!/bin/sh
# Reports: golden Markdown per behaviour (cases/) and for every bundled
# example, in Vietnamese and English; every PDF passes qpdf --check and its
# text holds the task tables; two runs give identical bytes.
. ../lib.sh
TODAY=2025-11-23
export DEBRIEF_TEMPLATES="$TOP/templates"
export SOURCE_DATE_EPOCH=1763856000

# render LANG OUTDIR FILES...: markdown and PDF
render() {
	l=$1 out=$2; shift 2
	"$DEBRIEF" report -o "$out" --lang "$l" --today "$TODAY" "$@" >"$WORK/render.log" 2>&1
}

for l in vi en; do
	render "$l" "$WORK/cases-$l" cases/*.yaml || { fail "report/cases-$l" "exit $?"; cat "$WORK/render.log"; }
	sanitizer_clean "report/cases-$l/sanitizers" "$WORK/render.log" && ok "report/cases-$l/sanitizers"
	for y in cases/*.yaml; do
		n=$(basename "$y" .yaml)
		golden "report/case/$n.$l" "expected/$n.$l.md" "$WORK/cases-$l/$n.md"
	done
	render "$l" "$WORK/examples-$l" --today 2026-11-23 "$TOP"/examples/ || { fail "report/examples-$l" "exit $?"; cat "$WORK/render.log"; }
	for y in "$TOP"/examples/*.yaml; do
		n=$(basename "$y" .yaml)
		golden "report/example/$n.$l" "examples/$l/$n.md" "$WORK/examples-$l/$n.md"
	done
done

# Every PDF is sound and carries the words of every task.
for pdf in "$WORK"/examples-vi/*.pdf "$WORK"/cases-en/*.pdf; do
	n=$(basename "$(dirname "$pdf")")/$(basename "$pdf" .pdf)
	if qpdf --check "$pdf" >"$WORK/qpdf.log" 2>&1; then ok "report/qpdf/$n"; else fail "report/qpdf/$n" "$(tail -n 3 "$WORK/qpdf.log")"; fi
	pdftotext -enc UTF-8 "$pdf" - 2>"$WORK/pdftotext.err" | tr -s ' \n' '\n\n' >"$WORK/words"
	md=${pdf%.pdf}.md
	# words of the task column of every task table row
	missing=$(awk -F'|' '/^\| T?[A-Za-z0-9-]+ \|/ && NF > 8 { print $3 }' "$md" |
		sed 's/\*\*[^*]*\*\*//g; s/\\//g' | tr -s ' ' '\n' | grep -v '^$' | sort -u |
		while read -r w; do grep -qxF -- "$w" "$WORK/words" || echo "$w"; done | head -n 5)
	if [ -z "$missing" ] && [ ! -s "$WORK/pdftotext.err" ]; then ok "report/pdf-text/$n"
	else fail "report/pdf-text/$n" "task words missing from the PDF text: $missing $(head -c 200 "$WORK/pdftotext.err")"; fi
done

# Determinism: a second run into another directory gives the same bytes.
render vi "$WORK/again" --today 2026-11-23 "$TOP"/examples/ >/dev/null 2>&1
if diff -r "$WORK/examples-vi" "$WORK/again" >/dev/null; then ok "report/deterministic"
else fail "report/deterministic" "$(diff -rq "$WORK/examples-vi" "$WORK/again" | head -n 3)"; fi

# A record that cannot be loaded: a clear error, no file, the others still go.
mkdir -p "$WORK/bad"
printf 'schema: debrief/1\nid: [unclosed\n' >"$WORK/bad/broken.yaml"
"$DEBRIEF" report -o "$WORK/bad-out" --today "$TODAY" "$WORK/bad/broken.yaml" cases/base.yaml >"$WORK/bad.log" 2>&1
rc=$?
if [ $rc -eq 2 ] && grep -q 'broken.yaml:[0-9]*:[0-9]*: error' "$WORK/bad.log" && [ -f "$WORK/bad-out/base.md" ] &&
	[ "$(ls "$WORK/bad-out" | wc -l)" -eq 2 ]; then ok "report/unloadable-record-skipped"
else fail "report/unloadable-record-skipped" "rc=$rc $(cat "$WORK/bad.log")"; fi

# --format md writes no PDF; a user's own template set is used.
"$DEBRIEF" report -o "$WORK/md-only" --format md --today "$TODAY" cases/base.yaml >/dev/null 2>&1
if [ -f "$WORK/md-only/base.md" ] && [ ! -e "$WORK/md-only/base.pdf" ]; then ok "report/format-md-only"
else fail "report/format-md-only" "$(ls "$WORK/md-only")"; fi
mkdir -p "$WORK/tpl"
printf '# {{title}}\n\n{{#departments}}{{owner}}: {{open}}\n{{/departments}}' >"$WORK/tpl/report.mustache"
"$DEBRIEF" report -o "$WORK/own" --format md --templates "$WORK/tpl" --today "$TODAY" cases/base.yaml >/dev/null 2>&1
printf '# Đoàn tỉnh Cà Mau làm việc tại tỉnh Nagasaki\n\nSở Nông nghiệp và Môi trường: 1\nSở Ngoại vụ: 1\n' >"$WORK/own.expected"
golden "report/own-templates" "$WORK/own.expected" "$WORK/own/base.md"

# Template errors name the template and line; no file is written.
printf '# {{title}}\n{{#tasks}}\n' >"$WORK/tpl/report.mustache"
"$DEBRIEF" report -o "$WORK/tplerr" --format md --templates "$WORK/tpl" --today "$TODAY" cases/base.yaml >"$WORK/tplerr.log" 2>&1
rc=$?
if [ $rc -eq 2 ] && grep -q 'report.mustache:2' "$WORK/tplerr.log" && [ ! -e "$WORK/tplerr/base.md" ]; then ok "report/template-error-located"
else fail "report/template-error-located" "rc=$rc $(cat "$WORK/tplerr.log")"; fi

# Partners named in Lao, Khmer and Thai: reports and archive pages draw
# each local name in its own script (no box, no warning) and three
# extractors read it back exactly.
mkdir -p "$WORK/sea"
for p in "luang-prabang|Luang Prabang|ຫຼວງພະບາງ|LA" "savannakhet|Savannakhet|ສະຫວັນນະເຂດ|LA" \
	"kampot|Kampot|កំពត|KH" "svay-rieng|Svay Rieng|ស្វាយរៀង|KH" "nakhon-phanom|Nakhon Phanom|นครพนม|TH"; do
	IFS='|' read -r id name local cc <<EOP
$p
EOP
	sed -e "s/^id: base/id: $id/" -e "s/Nagasaki/$name/g" -e "s/長崎県/$local/" \
		-e "s/country: JP/country: $cc/" -e 's/kind: prefecture/kind: province/' \
		-e 's/lang: \[ja, en\]/lang: [vi, en]/' cases/base.yaml >"$WORK/sea/$id.yaml"
done
"$DEBRIEF" report -o "$WORK/sea-out" --today "$TODAY" "$WORK"/sea/*.yaml >"$WORK/sea.log" 2>&1
"$DEBRIEF" archive -o "$WORK/sea-archive" --today "$TODAY" "$WORK"/sea/*.yaml >>"$WORK/sea.log" 2>&1
sanitizer_clean report/partner-scripts/sanitizers "$WORK/sea.log" && ok report/partner-scripts/sanitizers
if grep -q 'no font has\|không phông' "$WORK/sea.log"; then
	fail report/partner-scripts/no-boxes "$(grep -m 2 'no font has\|không phông' "$WORK/sea.log")"
else ok report/partner-scripts/no-boxes; fi
# text of a PDF by each extractor, without whitespace
flat() {
	case $1 in
	poppler) pdftotext -enc UTF-8 "$2" - 2>/dev/null ;;
	mupdf) mutool draw -q -F txt "$2" 2>/dev/null ;;
	gs) gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=txtwrite -sOutputFile=- "$2" 2>/dev/null ;;
	esac | tr -d ' \t\r\n\f'
}
for x in poppler mupdf gs; do
	missing=
	for p in luang-prabang:ຫຼວງພະບາງ savannakhet:ສະຫວັນນະເຂດ kampot:កំពត svay-rieng:ស្វាយរៀង \
		nakhon-phanom:นครพนม; do
		flat $x "$WORK/sea-out/${p%%:*}.pdf" | grep -qF "${p#*:}" || missing="$missing ${p%%:*}"
	done
	[ -z "$missing" ] && ok "report/partner-scripts/$x-reads-local-names" ||
		fail "report/partner-scripts/$x-reads-local-names" "not in:$missing"
	# the archive's pages (index and partner dossiers) name them too
	all=$(for f in $(find "$WORK/sea-archive" -name '*.pdf' | sort); do flat $x "$f"; done)
	missing=
	for l in ຫຼວງພະບາງ ສະຫວັນນະເຂດ កំពត ស្វាយរៀង นครพนม; do
		case $all in *"$l"*) ;; *) missing="$missing $l" ;; esac
	done
	[ -n "$all" ] && [ -z "$missing" ] && ok "report/partner-scripts/archive-$x" ||
		fail "report/partner-scripts/archive-$x" "not in the archive's PDFs:$missing"
done
