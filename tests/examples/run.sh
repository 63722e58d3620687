#!/bin/sh
# The bundled examples/ and the format manual debrief(5).
#
# Examples: every record is named after its id and is clean input (no
# yaml-*, schema-* or text-* finding from check), and each record gives
# exactly the findings it is meant to show (expected/<id>.findings:
# "severity rule-id" lines, sorted; expected/collection.findings: the
# archive-* findings of the whole set).
# examples/README.md says why each finding is there.
#
# Manual: debrief(5) names every field of the spec's field tables and
# every allowed word, renders without warnings, and its complete example
# is examples/2017-07-camau-nagasaki.yaml verbatim.
. ../lib.sh

EX=$TOP/examples
MAN=$TOP/man/debrief.5
SPEC=$TOP/docs/record-format.md
TODAY=2026-11-23

# "severity rule-id" of each finding in a text check output, sorted
findings() {
	sed -En 's/^.*:[0-9]+:[0-9]+: (error|warning|info): .* \[([a-z0-9-]+)\]$/\1 \2/p' "$1" |
		LC_ALL=C sort
}

count=0
for f in "$EX"/*.yaml; do
	b=$(basename "$f" .yaml)
	count=$((count + 1))
	id=$(sed -n 's/^id:[[:space:]]*//p' "$f" | tr -d "\"'")
	if [ "$id" = "$b" ]; then ok "$b/id-is-file-name"; else
		fail "$b/id-is-file-name" "id '$id' in $b.yaml"; fi

	out=$WORK/$b.out
	"$DEBRIEF" check --today $TODAY --lang en "$f" >"$out" 2>&1
	rc=$?
	if [ $rc -gt 2 ]; then
		fail "$b/check-runs" "exit $rc"; tail -n 5 "$out"
	elif grep -E '\[(yaml|schema|text)-[a-z-]+\]$' "$out" >"$WORK/bad"; then
		fail "$b/input-clean" "input or schema findings"; head -n 10 "$WORK/bad"
	else
		ok "$b/input-clean"
	fi
	sanitizer_clean "$b/sanitizers" "$out" && ok "$b/sanitizers"

	exp=expected/$b.findings
	if [ ! -f "$exp" ]; then
		fail "$b/intended-findings" "missing $exp"
	elif [ $rc -ne 0 ] && [ $rc -ne 1 ]; then
		fail "$b/intended-findings" "check exited $rc"; tail -n 5 "$out"
	else
		# archive-* findings belong to the collection, compared below
		findings "$out" | grep -v ' archive-' >"$WORK/$b.got"
		golden "$b/intended-findings" "$exp" "$WORK/$b.got"
	fi
done
if [ $count -ge 10 ]; then ok "examples/count"; else fail "examples/count" "only $count records"; fi

# expected/ holds no file for a record that is gone
for e in expected/*.findings; do
	b=$(basename "$e" .findings)
	[ "$b" = collection ] || [ -f "$EX/$b.yaml" ] || fail "expected/$b" "no examples/$b.yaml"
done

# The archive-* findings of the whole set.
"$DEBRIEF" check --today $TODAY --lang en "$EX" >"$WORK/all.out" 2>&1
rc=$?
if [ $rc -ne 0 ] && [ $rc -ne 1 ]; then
	fail "collection/intended-findings" "check exited $rc"; tail -n 5 "$WORK/all.out"
else
	findings "$WORK/all.out" | grep ' archive-' >"$WORK/all.got"
	golden "collection/intended-findings" expected/collection.findings "$WORK/all.got"
fi

# examples/README.md lists every record
missing=""
for f in "$EX"/*.yaml; do
	b=$(basename "$f" .yaml)
	grep -q "\`$b\`" "$EX/README.md" || missing="$missing $b"
done
if [ -z "$missing" ]; then ok "readme/lists-every-record"; else
	fail "readme/lists-every-record" "not listed:$missing"; fi

# --- debrief(5) ---------------------------------------------------------
if [ ! -f "$SPEC" ]; then
	fail "man/spec" "no $SPEC"
	exit 0
fi

# Field names: the first column of every table row of docs/record-format.md,
# from "## Fields" on: the top-level table, then partner, preparation,
# task and follow_up.
awk '/^## Fields/ { on = 1 } on && /^\| `[a-z_]+` \|/ {
	sub(/^\| `/, ""); sub(/`.*/, ""); print }' "$SPEC" >"$WORK/fields"
top=$(awk '/^## Fields/ { on = 1; next } /^##/ { on = 0 }
	on && /^\| `[a-z_]+` \|/ { n++ } END { print n + 0 }' "$SPEC")
if [ "$top" -ge 20 ]; then ok "man/spec-top-level-fields-found"; else
	fail "man/spec-top-level-fields-found" "only $top top-level fields read from the spec"; fi
missing=""
while read -r field; do
	grep -Eq "^\.It Ic $field( |$)" "$MAN" || missing="$missing $field"
done <"$WORK/fields"
if [ -z "$missing" ]; then ok "man/names-every-field"; else
	fail "man/names-every-field" "not described:$missing"; fi

# Allowed words: every "a|b|c" list of the spec (backticks removed).
sed 's/`//g' "$SPEC" | grep -Eo '[a-z_]+( *\\\| *[a-z_]+)+' | sed 's/ *\\| */ /g' | tr ' ' '\n' |
	LC_ALL=C sort -u >"$WORK/words"
missing=""
while read -r w; do
	grep -Eq "(^\.| )Cm( [^A-Z][^ ]*)* $w( |$)" "$MAN" || missing="$missing $w"
done <"$WORK/words"
if [ "$(wc -l <"$WORK/words")" -lt 30 ]; then
	fail "man/names-every-word" "only $(wc -l <"$WORK/words") words read from the spec"
elif [ -z "$missing" ]; then ok "man/names-every-word"; else
	fail "man/names-every-word" "not described:$missing"; fi

# Rendering: man(1) must read it; groff must not warn, with the UTF-8
# preprocessor and device that man uses; with groff's defaults only the
# glyphs its PostScript fonts lack may be reported.
if ! command -v groff >/dev/null 2>&1 || ! command -v man >/dev/null 2>&1; then
	fail "man/renders" "groff or man not installed (tools/deps.sh test)"
else
	if man -l "$MAN" >"$WORK/man.txt" 2>"$WORK/man.err" && grep -q 'DEBRIEF(5)' "$WORK/man.txt" &&
		[ ! -s "$WORK/man.err" ]; then ok "man/renders"; else
		fail "man/renders" "man -l failed"; head -n 5 "$WORK/man.err"; fi
	# a word that is also a macro name ("An") is not eaten
	MANWIDTH=400 man -l "$MAN" >"$WORK/man-wide.txt" 2>/dev/null
	if grep -q 'nay là tỉnh An Giang' "$WORK/man-wide.txt"; then ok "man/an-giang-not-eaten"
	else fail "man/an-giang-not-eaten" "$(grep -o 'nay là tỉnh[^”]*' "$WORK/man-wide.txt")"; fi
	groff -k -Tutf8 -mandoc -ww -z "$MAN" >"$WORK/groff.err" 2>&1
	if [ -s "$WORK/groff.err" ]; then
		fail "man/groff-utf8-no-warnings" "groff warns"; head -n 10 "$WORK/groff.err"
	else ok "man/groff-utf8-no-warnings"; fi
	groff -mandoc -ww -z "$MAN" 2>&1 |
		grep -Ev "invalid input character code|can't find special character" >"$WORK/groff.err"
	if [ -s "$WORK/groff.err" ]; then
		fail "man/groff-no-warnings" "groff warns"; head -n 10 "$WORK/groff.err"
	else ok "man/groff-no-warnings"; fi
fi

# A field the manual marks "(required)" is required by the format: no more
# entries of one name say so than objects of record.schema.json require it.
grep -E '^\.It Ic [a-z_]+ Pq Em required' "$MAN" | awk '{ print $3 }' | LC_ALL=C sort |
	uniq -c | awk '{ print $2, $1 }' >"$WORK/man-required"
if ! command -v python3 >/dev/null 2>&1; then
	fail "man/required-as-schema" "python3 not installed (tools/deps.sh test)"
else
	python3 -c '
import json, sys
from collections import Counter
n = Counter()
def walk(o):
    if isinstance(o, dict):
        for k, v in o.items():
            if k == "required" and isinstance(v, list):
                n.update(v)
            else:
                walk(v)
    elif isinstance(o, list):
        for v in o:
            walk(v)
walk(json.load(open(sys.argv[1])))
for line in open(sys.argv[2]):
    f, c = line.split()
    if int(c) > n[f]:
        print(f"{f}: {c} entries say required, {n[f]} objects require it")
' "$TOP/schemas/record.schema.json" "$WORK/man-required" >"$WORK/required.bad"
	if [ ! -s "$WORK/man-required" ]; then
		fail "man/required-as-schema" "no required field read from the manual"
	elif [ -s "$WORK/required.bad" ]; then
		fail "man/required-as-schema" "$(cat "$WORK/required.bad")"
	else ok "man/required-as-schema"; fi
fi

# The complete example is the Cà Mau record, verbatim.
awk '/^\.Sh EXAMPLES/ { ex = 1 } ex && /^\.Ed/ { exit } ex && on { print }
	ex && /^\.Bd -literal$/ { on = 1 }' "$MAN" |
	sed -e 's/^\\&//' -e 's/\\-/-/g' -e 's/\\e/\\/g' >"$WORK/example.yaml"
if diff -u "$EX/2017-07-camau-nagasaki.yaml" "$WORK/example.yaml" >"$WORK/example.diff"; then
	ok "man/example-is-camau-record"
else
	fail "man/example-is-camau-record" "EXAMPLES differs from examples/2017-07-camau-nagasaki.yaml"
	head -n 20 "$WORK/example.diff"
fi
