#!/bin/sh
# The JSON Schemas of schemas/: each is a valid 2020-12 schema; the record
# schema names exactly the fields and words of the program's field tables
# (it is generated from them by tools/record-schema.py), accepts every
# example record and rejects broken ones; the configuration schema accepts
# the configurations the program accepts and names the same rule ids; the
# check output, the task list and archive.json of real runs validate, and
# docs/ci.md's tables of the JSON outputs name every field.
. ../lib.sh
PY=/usr/bin/python3
S=$TOP/schemas
if ! $PY -c 'import jsonschema' 2>/dev/null; then
	fail schemas/jsonschema "python3-jsonschema is not installed (make deps-test)"; exit 0; fi
export TZ=UTC SOURCE_DATE_EPOCH=1767225600
Y=$UNITDIR/yamlload
has() { if grep -qE -- "$3" "$2"; then ok "$1"; else fail "$1" "no '$3' in $2"; cat "$2"; fi; }

# tojson NAME FILE.yaml: the tree as an editor's YAML 1.2 reader sees it
tojson() { "$Y" -q -j "$WORK/$1.json" "$2" >/dev/null 2>&1; echo "$1=$WORK/$1.json"; }

# ---- the record schema is the field tables ----
"$UNITDIR/schema_check" --fields >"$WORK/fields.txt" 2>&1
"$UNITDIR/schema_check" --langs >"$WORK/langs.txt" 2>&1
"$DEBRIEF" rules --format json >"$WORK/rules.json"
if $PY "$TOP/tools/record-schema.py" "$WORK/fields.txt" "$WORK/rules.json" \
	"$TOP/docs/record-format.md" "$WORK/langs.txt" >"$WORK/record.schema.json" 2>"$WORK/gen.err" &&
	cmp -s "$WORK/record.schema.json" "$S/record.schema.json"; then
	ok record-schema/matches-field-tables
else
	fail record-schema/matches-field-tables "schemas/record.schema.json is not what tools/record-schema.py makes"
	diff "$S/record.schema.json" "$WORK/record.schema.json" | head -n 20; cat "$WORK/gen.err"
fi
# and the field tables do show up in it: every field path, every word
$PY - "$WORK/fields.txt" "$S/record.schema.json" >"$WORK/names.out" 2>&1 <<'PYEOF'
import json, re, sys
schema = json.load(open(sys.argv[2]))
bad = []
for line in open(sys.argv[1]):
    path, kind, req, *rest = line.split()
    node, holder = schema, None
    for part in path.split("."):
        holder = node
        name = part.removesuffix("[]")
        node = node["properties"].get(name) if "properties" in node else None
        if node is None:
            bad.append(path); break
        if part.endswith("[]"):
            node = node["items"]
    else:
        if kind == "word" and [w for w in node.get("enum", []) if w is not None] != rest[0].split("|"):
            bad.append(path + " words")
        if (req == "required") != (name in holder.get("required", [])):
            bad.append(path + " required")
print("mismatches:", bad)
PYEOF
has record-schema/names-fields-and-words "$WORK/names.out" '^mismatches: \[\]$'

# ---- every example is valid, every broken record is not ----
good=""
for f in "$TOP"/examples/*.yaml "$TOP/tests/check/in/clean.yaml" \
	"$TOP/tests/schema/clean-complete-record.yaml"; do
	good="$good $(tojson "good-$(basename "$f" .yaml)" "$f")"
done
sed -n '/^## A complete example/,/^```$/p' "$TOP/docs/record-format.md" | sed '1,/^```yaml/d;$d' \
	>"$WORK/doc-example.yaml"
good="$good $(tojson good-record-format-example "$WORK/doc-example.yaml")"
# empty optional values are accepted by debrief (tests/schema), so here too
sed -e 's/objectives: \[~\], //' -e '/^meetings: \[~\]$/d' "$TOP/tests/schema/null-values-everywhere.yaml" \
	>"$WORK/null-values.yaml"
if "$DEBRIEF" check --lang en "$WORK/null-values.yaml" 2>&1 | grep -qE '\[(yaml|schema)-'; then
	fail good-null-values/debrief-accepts "debrief reports a schema error in it"
else ok good-null-values/debrief-accepts; fi
good="$good $(tojson good-null-values "$WORK/null-values.yaml")"
# shellcheck disable=SC2086
$PY validate.py "$S/record.schema.json" want-valid $good

bad=""
for f in "$TOP"/tests/schema/required-*.yaml "$TOP"/tests/schema/enum-*.yaml \
	"$TOP"/tests/schema/unknown-key-*.yaml "$TOP"/tests/schema/type-id-*.yaml \
	"$TOP"/tests/schema/type-list-*.yaml "$TOP"/tests/schema/type-lang-*.yaml \
	"$TOP"/tests/schema/type-pages-negative.yaml "$TOP"/tests/schema/type-mapping-expected.yaml \
	"$TOP"/tests/schema/type-text-expected.yaml "$TOP"/tests/schema/type-date-*.yaml \
	"$TOP"/tests/schema/date-malformed.yaml "$TOP"/tests/schema/root-list.yaml \
	"$TOP"/tests/schema/root-scalar.yaml \
	"$TOP"/tests/schema/type-waiver-rule-unknown.yaml; do
	bad="$bad $(tojson "bad-$(basename "$f" .yaml)" "$f")"
done
# shellcheck disable=SC2086
$PY validate.py "$S/record.schema.json" want-invalid $bad

# ---- the record schema and debrief check agree ----
# agree NAME VERDICT SED-ARGS...: clean.yaml with the edits given is valid
# or invalid for both: debrief check finds an error of the schema (or the
# task's missing owner, which follow-task-owner names) exactly when the
# schema rejects it.
agree() {
	an=$1 v=$2; shift 2
	sed "$@" "$TOP/tests/check/in/clean.yaml" >"$WORK/agree-$an.yaml"
	"$DEBRIEF" check --lang en --today 2026-01-01 "$WORK/agree-$an.yaml" >"$WORK/agree-$an.out" 2>&1
	if grep -qE ': error: .*\[(yaml-[a-z-]+|schema-[a-z-]+|follow-task-owner)\]$' "$WORK/agree-$an.out"; then
		got=invalid; else got=valid; fi
	if [ $got = "$v" ]; then ok "agree/$an/check-$v"; else
		fail "agree/$an/check-$v" "debrief check finds it $got"; grep -m3 'error' "$WORK/agree-$an.out"; fi
	$PY validate.py "$S/record.schema.json" "want-$v" "$(tojson "agree-$an" "$WORK/agree-$an.yaml")"
}
agree pages-number valid -e 's/pages: 10}/pages: 12}/'
agree pages-quoted invalid -e 's/pages: 10}/pages: "12"}/'
agree pages-single-quoted invalid -e "s/pages: 10}/pages: '12'}/"
agree pages-zero valid -e 's/pages: 10}/pages: 0}/'
agree pages-too-large invalid -e 's/pages: 10}/pages: 1000000000}/'
agree anniversary-number valid -e 's/^occasion: .*/occasion: {kind: anniversary, anniversary_years: 5}/'
agree anniversary-quoted invalid -e 's/^occasion: .*/occasion: {kind: anniversary, anniversary_years: "5"}/'
agree anniversary-zero invalid -e 's/^occasion: .*/occasion: {kind: anniversary, anniversary_years: 0}/'
agree task-owner-missing invalid -e '/^    owner: Sở Ngoại vụ$/d'
agree task-owner-empty invalid -e 's/^    owner: Sở Ngoại vụ$/    owner: ""/'
agree task-owner-null invalid -e 's/^    owner: Sở Ngoại vụ$/    owner: ~/'
agree id-device invalid -e 's/^id: .*/id: con/'
agree id-device-numbered invalid -e 's/^id: .*/id: lpt9/'
agree id-device-like valid -e 's/^id: .*/id: con-2025/'
agree due-month-13 invalid -e 's/due: 2026-04-30/due: 2024-13/'
agree due-month-00 invalid -e 's/due: 2026-04-30/due: 2024-00/'
agree due-day-32 invalid -e 's/due: 2026-04-30/due: 2024-01-32/'
agree due-month valid -e 's/due: 2026-04-30/due: 2024-12/'
agree date-month-13 invalid -e 's/{date: 2025-12-10,/{date: 2025-13-10,/'
# language codes in any case, as debrief reads them ("EN" is en)
agree lang-upper-case valid -e 's/^lang: vi$/lang: VI/' -e 's/lang: \[ja, en\]/lang: [JA, En]/'
# a country code where a language code goes: Japan's JP is no language
agree lang-country-code invalid -e 's/lang: \[ja, en\]/lang: [jp, en]/'
agree lang-three-letters valid -e 's/lang: \[ja, en\]/lang: [jpn, en]/'

# ---- configuration ----
good="" bad=""
for f in "$TOP"/tests/rules/config-*.conf; do
	case $f in *config-bad.conf | *config-office-bad.conf | *config-host-languages-not-a-code.conf | \
		*config-office-signer-name-only.conf | *config-office-signer-name-only-vi.conf | \
		*config-number-quoted.conf | *config-number-quoted-vi.conf)
		continue ;;
	esac
	good="$good $(tojson "config-$(basename "$f" .conf)" "$f")"
done
sed -n '/^\.Sh CONFIGURATION/,/^\.Sh [A-Z]/p' "$TOP/man/debrief.1" |
	sed -n '/^\.Bd -literal/,/^\.Ed/p' | sed '1d;$d' >"$WORK/man-example.conf"
good="$good $(tojson config-man-example "$WORK/man-example.conf")"
# host languages in the forms debrief takes (tests/unit/test_config.c)
printf 'host_languages: {br: PT, CH: "fr, de", ME: [sq, sr]}\n' >"$WORK/host-forms.conf"
if "$DEBRIEF" check --lang en --config "$WORK/host-forms.conf" "$TOP/tests/check/in/clean.yaml" 2>&1 |
	grep -q 'config-value'; then fail config-host-forms/debrief-accepts "debrief refuses it"
else ok config-host-forms/debrief-accepts; fi
good="$good $(tojson config-host-forms "$WORK/host-forms.conf")"
# a key left with nothing under it (every entry commented out): debrief
# takes it as absent, so the editor does too
printf 'rules:\n#  prep-how: off\nvague_owners:\nhost_languages:\nowner_aliases:\noffice:\n' \
	>"$WORK/empty-keys.conf"
if "$DEBRIEF" check --lang en --config "$WORK/empty-keys.conf" "$TOP/tests/check/in/clean.yaml" 2>&1 |
	grep -q 'config-'; then fail config-empty-keys/debrief-accepts "debrief reports it"
else ok config-empty-keys/debrief-accepts; fi
good="$good $(tojson config-empty-keys "$WORK/empty-keys.conf")"
# shellcheck disable=SC2086
$PY validate.py "$S/config.schema.json" want-valid $good
$PY validate.py "$S/config.schema.json" want-invalid \
	"$(tojson config-bad "$TOP/tests/rules/config-bad.conf")" \
	"$(tojson config-office-bad "$TOP/tests/rules/config-office-bad.conf")" \
	"$(tojson config-office-signer-name-only "$TOP/tests/rules/config-office-signer-name-only.conf")" \
	"$(tojson config-host-not-a-code "$TOP/tests/rules/config-host-languages-not-a-code.conf")" \
	"$(tojson config-number-quoted "$TOP/tests/rules/config-number-quoted.conf")"
# Japan's country code for a language: refused by debrief, and so here
printf 'host_languages:\n  FR: jp\n' >"$WORK/host-country-code.conf"
if "$DEBRIEF" check --lang en --config "$WORK/host-country-code.conf" "$TOP/tests/check/in/clean.yaml" 2>&1 |
	grep -q "'jp' (language of FR)"; then ok config-host-country-code/debrief-refuses
else fail config-host-country-code/debrief-refuses "debrief takes it"; fi
$PY validate.py "$S/config.schema.json" want-invalid \
	"$(tojson config-host-country-code "$WORK/host-country-code.conf")"
if $PY -c '
import json, sys
s = json.load(open(sys.argv[1]))["properties"]["rules"]["propertyNames"]["enum"]
r = [x["id"] for x in json.load(open(sys.argv[2]))["rules"]]
w = json.load(open(sys.argv[3]))["properties"]["waivers"]["items"]["properties"]["rule"]["enum"]
assert s == r == w, set(s) ^ set(r)
' "$S/config.schema.json" "$WORK/rules.json" "$S/record.schema.json"; then
	ok config-schema/rule-ids-of-catalogue
else fail config-schema/rule-ids-of-catalogue "rule ids differ from debrief rules"; fi
# host_languages takes the language codes of the record schema (the ones
# debrief knows), one or several
if $PY -c '
import json, sys
lang = json.load(open(sys.argv[2]))["properties"]["lang"]["pattern"]
assert lang.startswith("^(") and lang.endswith(")$"), lang
one = lang[2:-2]
want = "^[ ,]*(" + one + ")([ ,]+(" + one + "))*[ ,]*$"
h = json.load(open(sys.argv[1]))["properties"]["host_languages"]["additionalProperties"]["oneOf"]
assert h[0]["pattern"] == want and h[1]["items"]["pattern"] == want
' "$S/config.schema.json" "$S/record.schema.json"; then
	ok config-schema/host-languages-codes-of-record-schema
else fail config-schema/host-languages-codes-of-record-schema "host_languages takes other codes than lang"; fi

# ---- check output ----
C=$TOP/tests/check/in
(cd "$C" && "$DEBRIEF" check --format json --lang en --today 2026-12-06 clean.yaml syntax.yaml \
	nosuch.yaml) >"$WORK/check.json" 2>/dev/null
(cd "$C" && "$DEBRIEF" check --format json clean.yaml) >"$WORK/check-clean.json" 2>/dev/null
$PY validate.py "$S/check.schema.json" want-valid "check-findings=$WORK/check.json" \
	"check-clean=$WORK/check-clean.json"

# ---- archive.json ----
"$DEBRIEF" archive -o "$WORK/arc" --format md --today 2026-11-23 "$TOP/examples" >/dev/null 2>&1
"$DEBRIEF" archive -o "$WORK/arc-en" --format md --lang en --today 2026-11-23 "$TOP/examples" \
	>/dev/null 2>&1
$PY validate.py "$S/archive.schema.json" want-valid "archive-examples=$WORK/arc/archive.json" \
	"archive-examples-en=$WORK/arc-en/archive.json" \
	"archive-golden=$TOP/tests/archive/expected/archive.json"

# ---- tasks --format json ----
"$DEBRIEF" tasks --format json --today 2026-11-23 --due-within 60 "$TOP/examples" >"$WORK/tasks.json" 2>/dev/null
"$DEBRIEF" tasks --format json --today 2000-01-01 "$TOP/examples" >"$WORK/tasks-none.json" 2>/dev/null
# deadlines given as a month and as a year are kept so in the JSON
sed -n '1,/^tasks:/p' "$TOP/tests/check/in/clean.yaml" >"$WORK/due-forms.yaml"
printf '  - {task: Gửi hồ sơ, owner: Sở Ngoại vụ, due: 2026-12}\n  - {task: Đón đoàn, owner: Sở Ngoại vụ, due: 2026}\n' \
	>>"$WORK/due-forms.yaml"
"$DEBRIEF" tasks --format json --today 2026-12-20 --due-within 30 "$WORK/due-forms.yaml" \
	>"$WORK/tasks-due-forms.json" 2>"$WORK/tasks-due-forms.err"
if grep -q '"due": "2026"' "$WORK/tasks-due-forms.json" && grep -q '"due": "2026-12"' "$WORK/tasks-due-forms.json"
then ok tasks-due-forms/listed; else fail tasks-due-forms/listed "$(cat "$WORK/tasks-due-forms.json" "$WORK/tasks-due-forms.err")"; fi
$PY validate.py "$S/tasks.schema.json" want-valid "tasks-examples=$WORK/tasks.json" \
	"tasks-none=$WORK/tasks-none.json" "tasks-due-forms=$WORK/tasks-due-forms.json"
# docs/ci.md's tables of the JSON outputs name every field the schemas have
$PY - "$TOP/docs/ci.md" "$S/check.schema.json" "$S/tasks.schema.json" >"$WORK/ci-tables.out" 2>&1 <<'PYEOF'
import json, re, sys
doc = open(sys.argv[1]).read()
bad = []
for path in sys.argv[2:]:
    props = json.load(open(path))["properties"]
    title = "--format json` (`schemas/%s`)" % path.split("/")[-1]
    if title not in doc:
        bad.append("no table for " + title); continue
    table = doc.split(title, 1)[1].split("\n\n|", 1)[1].split("\n\n", 1)[0]
    named = set(re.findall(r"`([a-z_]+)(?:\[\])?`", table))
    for key, val in props.items():
        if key not in named:
            bad.append("%s: %s" % (path, key))
        sub = val.get("items", val).get("properties", {})
        for k in sub:
            if k not in named:
                bad.append("%s: %s.%s" % (path, key, k))
print("\n".join(bad))
sys.exit(1 if bad else 0)
PYEOF
if [ $? = 0 ]; then ok ci-doc/json-tables; else fail ci-doc/json-tables "$(cat "$WORK/ci-tables.out")"; fi
