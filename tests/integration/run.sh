#!/bin/sh
# The integration files: action.yml and .pre-commit-hooks.yaml are YAML of
# the shape GitHub and pre-commit read, and every debrief command they and
# docs/ci.md show uses only options the command accepts; the pre-commit
# entry, run as pre-commit runs it, checks records.
. ../lib.sh
PY=/usr/bin/python3
Y=$UNITDIR/yamlload
export SOURCE_DATE_EPOCH=1767225600
for f in action.yml .pre-commit-hooks.yaml; do
	if "$Y" -q -j "$WORK/$f.json" "$TOP/$f" >"$WORK/$f.load" 2>&1 && grep -q ' clean$' "$WORK/$f.load"
	then ok "$f/loads"; else fail "$f/loads" "$(head -n 3 "$WORK/$f.load")"; fi
done
if $PY -c '
import json, sys
a = json.load(open(sys.argv[1]))
assert a["runs"]["using"] == "composite"
assert all("shell" in s or "uses" in s for s in a["runs"]["steps"])
for name, i in a["inputs"].items():
    assert "description" in i and "default" in i, name
uses = [s["uses"] for s in a["runs"]["steps"] if "uses" in s]
assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses), uses
' "$WORK/action.yml.json"; then ok action/composite-with-upload; else
	fail action/composite-with-upload "not a composite action that uploads SARIF"; fi
if $PY -c '
import json, sys
h = json.load(open(sys.argv[1]))
assert [x["id"] for x in h] == ["debrief-check"]
assert h[0]["entry"] == "debrief check" and h[0]["language"] == "system"
' "$WORK/.pre-commit-hooks.yaml.json"; then ok pre-commit/hook-debrief-check; else
	fail pre-commit/hook-debrief-check "no hook debrief-check running debrief check"; fi

# pre-commit hands the hook every staged file its files pattern matches
# (re.search) and its exclude pattern does not: the YAML files a walk of
# the repository would check, not the workflow and configuration files
# beside them.
if $PY -c '
import json, re, sys
h = json.load(open(sys.argv[1]))[0]
def picked(path):
    return bool(re.search(h["files"], path)) and not re.search(h.get("exclude", "^$"), path)
for p in ["a.yaml", "records/2017/a.yml", "records/x.y.yaml", "records/VISIT.YAML",
          "records/2017/b.Yml"]:
    assert picked(p), p
for p in [".debrief.yaml", "records/.debrief.yaml", ".pre-commit-config.yaml",
          ".github/workflows/debrief.yml", ".gitlab-ci.yml", "records/.old/a.yaml",
          "records/a.yaml.bak", "README.md"]:
    assert not picked(p), p
' "$WORK/.pre-commit-hooks.yaml.json"; then ok pre-commit/files-a-walk-checks; else
	fail pre-commit/files-a-walk-checks "the hook would hand check files a walk skips"; fi

# Every "debrief CMD --opt" in the run steps and in docs/ci.md: the option is
# one that CMD --help names.
$PY - "$WORK/action.yml.json" "$TOP/docs/ci.md" >"$WORK/commands.txt" <<'PYEOF'
import json, re, sys
a = json.load(open(sys.argv[1]))
text = "\n".join(s.get("run", "") for s in a["runs"]["steps"])
text += "\n" + open(sys.argv[2], encoding="utf-8").read()
text = text.replace("\\\n", " ")
for m in re.finditer(r"\bdebrief (check|report|archive|pdf|rules|explain|new|tasks)\b([^\n`|>]*)", text):
    for opt in re.findall(r"(?<!\S)(--[a-z][a-z-]*)", m.group(2)):
        print(m.group(1), opt)
PYEOF
if [ "$(wc -l <"$WORK/commands.txt")" -ge 10 ]; then ok integration/commands-found; else
	fail integration/commands-found "only $(wc -l <"$WORK/commands.txt") options found"; fi
sort -u "$WORK/commands.txt" | while read -r cmd opt; do
	if "$DEBRIEF" "$cmd" --help 2>&1 | grep -qE -- "$opt([^a-z-]|\$)"; then ok "integration/$cmd$opt"
	else fail "integration/$cmd$opt" "debrief $cmd --help does not name $opt"; fi
done

# pre-commit passes the staged files as arguments to the entry.
entry=$($PY -c 'import json,sys; print(json.load(open(sys.argv[1]))[0]["entry"])' \
	"$WORK/.pre-commit-hooks.yaml.json")
cp "$TOP/tests/check/in/clean.yaml" "$WORK/good.yaml"
printf 'schema: debrief/1\nid: [broken\n' >"$WORK/bad.yaml"
# shellcheck disable=SC2086
(cd "$WORK" && PATH=$(dirname "$DEBRIEF"):$PATH $entry good.yaml) >/dev/null 2>&1
rc=$?
if [ $rc -eq 0 ]; then ok pre-commit/passes-good-record; else fail pre-commit/passes-good-record "exit $rc"; fi
# shellcheck disable=SC2086
(cd "$WORK" && PATH=$(dirname "$DEBRIEF"):$PATH $entry good.yaml bad.yaml) >/dev/null 2>&1
rc=$?
if [ $rc -eq 1 ]; then ok pre-commit/stops-bad-record; else fail pre-commit/stops-bad-record "exit $rc"; fi
