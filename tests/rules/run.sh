#!/bin/sh
# Rule goldens: each NAME.yaml is checked with
#   debrief check --lang en --today 2026-01-01 --config CONF NAME.yaml [FILES]
# and the output compared with NAME.expected (one behaviour per file; the
# first line of NAME.yaml says which).  CONF is NAME.conf when present,
# else the empty none.conf, so that no .debrief.yaml around the tree can
# change the results.  NAME.args replaces "--lang en"; NAME.files lists
# more files checked after NAME.yaml.  Then `rules` and `explain`.
. ../lib.sh
TODAY=2026-01-01

ncases=0
for y in *.yaml; do
	n=${y%.yaml}
	ncases=$((ncases + 1))
	conf=none.conf
	[ -f "$n.conf" ] && conf=$n.conf
	args="--lang en"
	[ -f "$n.args" ] && args=$(cat "$n.args")
	files=""
	[ -f "$n.files" ] && files=$(cat "$n.files")
	# shellcheck disable=SC2086
	"$DEBRIEF" check $args --today $TODAY --config "$conf" "$y" $files \
		>"$WORK/$n.out" 2>"$WORK/$n.err"
	rc=$?
	sanitizer_clean "$n" "$WORK/$n.err" || continue
	if [ $rc -gt 1 ]; then
		fail "$n" "check exited $rc"; head -n 5 "$WORK/$n.err"; continue
	fi
	golden "$n" "$n.expected" "$WORK/$n.out"
done

[ $ncases -ge 95 ] && ok "rules/all-cases ($ncases)" || fail rules/all-cases "$ncases cases, want at least 95"

# A clean record passes: exit 0.  Findings at error: exit 1.
"$DEBRIEF" check --today $TODAY --config none.conf base-clean.yaml >/dev/null 2>&1
[ $? -eq 0 ] && ok base-clean/exit-0 || fail base-clean/exit-0 "exit $?"
"$DEBRIEF" check --today $TODAY --config none.conf prep-what-fires.yaml >/dev/null 2>&1
[ $? -eq 1 ] && ok prep-what-fires/exit-1 || fail prep-what-fires/exit-1 "not exit 1"

# debrief rules and debrief explain.
cli() {
	n=$1; shift
	"$DEBRIEF" "$@" >"$WORK/$n.out" 2>"$WORK/$n.err"
	echo "exit $?" >>"$WORK/$n.out"
	cat "$WORK/$n.err" >>"$WORK/$n.out"
	sanitizer_clean "$n" "$WORK/$n.err" && golden "$n" "cli/$n.expected" "$WORK/$n.out"
}
cli rules-vi rules
cli rules-en rules --lang en
cli rules-json rules --format json --lang en
cli explain-prep-what explain prep-what
cli explain-follow-task-owner-en explain --lang en follow-task-owner
cli explain-yaml-syntax-en explain --lang en yaml-syntax
cli explain-option-after-rule explain prep-how --lang en
cli explain-unknown explain prep-wat
cli explain-unknown-en explain --lang en no-such-thing
cli explain-no-rule explain
cli rules-bad-format rules --format xml

# The JSON list is valid JSON with one entry per rule of the text list.
"$DEBRIEF" rules --format json --lang en >"$WORK/rules-json.out.json" 2>/dev/null
if /usr/bin/python3 -c '
import json, sys
rules = json.load(open(sys.argv[1]))
text = [l.split()[0] for l in open(sys.argv[2]) if l.strip() and not l.startswith("exit")]
assert [r["id"] for r in rules] == text
assert all(set(r) == {"id", "severity", "guidance", "group", "when"} for r in rules)
' "$WORK/rules-json.out.json" "$WORK/rules-en.out" 2>"$WORK/json.err"; then ok rules-json/valid
else fail rules-json/valid "$(tail -n 1 "$WORK/json.err")"; fi

# Every rule explains itself, in both languages; every rule names guidance.
"$DEBRIEF" rules --lang en 2>/dev/null | awk '{ print $1 }' >"$WORK/rule-ids"
n=$(wc -l <"$WORK/rule-ids")
[ "$n" -ge 45 ] && ok "explain-all/rules-listed ($n)" || fail explain-all/rules-listed "$n rules, want at least 45"
while read -r id; do
	for l in vi en; do
		"$DEBRIEF" explain --lang $l "$id" >"$WORK/explain.out" 2>"$WORK/explain.err"
		rc=$?
		sanitizer_clean "explain-all/$id-$l" "$WORK/explain.err" || continue
		if [ $rc -eq 0 ] && head -n 1 "$WORK/explain.out" | grep -q "^$id ("; then
			ok "explain-all/$id-$l"
		else fail "explain-all/$id-$l" "exit $rc"; fi
		[ $l = en ] || continue
		# each guidance item: quote and gloss exactly as docs/guidance.md has them
		if ! grep -q '^Guidance: ' "$WORK/explain.out"; then
			fail "explain-all/$id-guidance" "no Guidance line"; continue; fi
		for g in $(sed -n 's/^Guidance: //p' "$WORK/explain.out"); do
			[ "$g" = - ] && continue
			row=$(grep "^| $g |" "$TOP/docs/guidance.md")
			q=$(printf '%s\n' "$row" | awk -F' [|] ' '{print $3}')
			gl=$(printf '%s\n' "$row" | awk -F' [|] ' '{print $4}' | sed 's/ |$//')
			if [ -n "$q" ] && grep -qxF "  $q" "$WORK/explain.out" &&
				grep -qxF "  $gl" "$WORK/explain.out"; then ok "explain-all/$id-$g-verbatim"
			else fail "explain-all/$id-$g-verbatim" "quote or gloss of $g not verbatim"; fi
		done
	done
done <"$WORK/rule-ids"

# The example in the CONFIGURATION section of debrief(1) is a valid
# configuration that leaves the clean record clean.
sed -n '/^\.Sh CONFIGURATION/,/^\.Sh [A-Z]/p' "$TOP/man/debrief.1" |
	sed -n '/^\.Bd -literal/,/^\.Ed/p' | sed '1d;$d' >"$WORK/example.conf"
"$DEBRIEF" check --lang en --today $TODAY --config "$WORK/example.conf" base-clean.yaml \
	>"$WORK/example.out" 2>&1
golden config-example-in-man base-clean.expected "$WORK/example.out"
