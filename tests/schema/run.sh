#!/bin/sh
# Schema goldens: each NAME.yaml is checked with
#   debrief check --lang en --today 2026-01-01 NAME.yaml
# and the output compared with NAME.expected (and with NAME.vi.expected,
# where present, for --lang vi).  Findings of other rule groups (prep-*,
# follow-*, …) belong to other suites: when some appear, only the
# yaml-/text-/schema- lines are compared, without the summary line.
. ../lib.sh
today=2026-01-01
run() { "$DEBRIEF" check --lang "$1" --today $today "$2"; }
ours='\[(yaml|text|schema)-[a-z-]+\]$'
summary='^[0-9]+ files? checked: |^Đã kiểm tra [0-9]+ tệp: '

ncases=0
for y in *.yaml; do
	n=${y%.yaml}
	ncases=$((ncases + 1))
	for lang in en vi; do
		exp=$n.expected name=$n
		[ $lang = vi ] && exp=$n.vi.expected name=$n.vi
		[ $lang = vi ] && [ ! -f "$exp" ] && continue
		run $lang "$y" >"$WORK/$name.raw" 2>"$WORK/$name.err"
		rc=$?
		sanitizer_clean "$name" "$WORK/$name.err" || continue
		if [ $rc -gt 1 ]; then
			fail "$name" "exited $rc"; head -n 5 "$WORK/$name.err"; continue
		fi
		if grep -vE "$summary" "$WORK/$name.raw" | grep -qvE "$ours"; then
			grep -E "$ours" "$WORK/$name.raw" >"$WORK/$name.act"
			grep -E "$ours" "$exp" >"$WORK/$name.exp" 2>/dev/null
			golden "$name" "$WORK/$name.exp" "$WORK/$name.act"
		else
			golden "$name" "$exp" "$WORK/$name.raw"
		fi
	done
done

[ $ncases -ge 85 ] && ok "schema/all-cases ($ncases)" || fail schema/all-cases "$ncases cases, want at least 85"

# The field tables, listed: a change to the format shows here, and every
# field name must be one that docs/record-format.md (and so debrief(5)) uses.
"$UNITDIR/schema_check" --fields >"$WORK/fields.out" 2>&1
golden fields fields.expected "$WORK/fields.out"
spec=$TOP/docs/record-format.md
if [ ! -s "$WORK/fields.out" ]; then fail fields/in-record-format "schema_check --fields listed nothing"
elif [ ! -f "$spec" ]; then fail fields/in-record-format "no $spec"
else
	missing=$(awk '{print $1}' "$WORK/fields.out" | sed 's/.*[.]//; s/\[\]$//' | sort -u |
		while read -r f; do grep -q "\`$f\`\|[{ ,]$f:" "$spec" || echo "$f"; done)
	if [ -z "$missing" ]; then ok fields/in-record-format; else
		fail fields/in-record-format "not in docs/record-format.md:" $missing; fi
fi

# Every ISO 3166-1 code of the system's iso-codes, and no other, is known.
iso=/usr/share/iso-codes/json/iso_3166-1.json
if [ ! -f "$iso" ]; then fail countries/iso-codes "no $iso (iso-codes, tools/deps.sh test)"
else
	grep -o '"alpha_2": "[A-Z][A-Z]"' "$iso" | cut -d'"' -f4 | sort >"$WORK/iso.txt"
	"$UNITDIR/schema_check" --countries | grep -v '^EU$\|^UN$' | sort >"$WORK/ours.txt"
	if cmp -s "$WORK/iso.txt" "$WORK/ours.txt"; then ok countries/iso-codes; else
		fail countries/iso-codes "table differs from $iso"; diff "$WORK/iso.txt" "$WORK/ours.txt" | head; fi
fi

# A short fuzz run of load + schema, seeded with the inputs above.
if [ ! -x "$FUZZDIR/schema" ]; then fail fuzz/schema-smoke "not built: $FUZZDIR/schema"
else
	mkdir -p "$WORK/corpus" && cp ./*.yaml "$WORK/corpus/"
	if "$FUZZDIR/schema" -runs=5000 -max_len=4096 "$WORK/corpus" >"$WORK/fuzz.log" 2>&1; then
		ok fuzz/schema-smoke; else fail fuzz/schema-smoke "see below"; tail -n 20 "$WORK/fuzz.log"; fi
fi
