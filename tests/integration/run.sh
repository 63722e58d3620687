#!/bin/sh
# The integration files: action.yml and .pre-commit-hooks.yaml are YAML of
# the shape GitHub and pre-commit read, and every debrief command they and
# docs/ci.md show uses only options the command accepts; the pre-commit
# entry, run as pre-commit runs it, checks records; the editor's command
# reports on the buffer an id it shares with a record on disk.
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
# the last step decides even when the upload failed (no permission on a fork)
assert "always()" in a["runs"]["steps"][-1].get("if", ""), a["runs"]["steps"][-1]
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

# The editor's command that docs/ci.md and the manual show, the buffer
# checked with its directory: an id the buffer shares with another record
# on disk is reported on the buffer, the file the editor shows findings of.
$PY - "$TOP/docs/ci.md" "$TOP/man/debrief.1" >"$WORK/editor.txt" <<'PYEOF'
import re, sys
for f in sys.argv[1:]:
    text = open(f, encoding="utf-8").read().replace("\\-", "-")
    for m in re.finditer(r"debrief check (--stdin-filename [^`\n)]*)", text):
        args = m.group(1).split()
        if len(args) > 3:
            print(" ".join(args))
PYEOF
if [ "$(wc -l <"$WORK/editor.txt")" -ge 2 ]; then ok editor/commands-found; else
	fail editor/commands-found "$(wc -l <"$WORK/editor.txt") editor commands with a directory"; fi
k=0
while read -r args; do
	k=$((k + 1))
	d=$WORK/editor$k
	name=$(echo "$args" | awk '{print $2}')
	rm -rf "$d" && mkdir -p "$d/$(dirname "$name")"
	sed 's/^id: .*/id: first/' "$TOP/tests/check/in/clean.yaml" >"$d/$name"
	sed 's/^id: .*/id: other/' "$TOP/tests/check/in/clean.yaml" >"$d/$(dirname "$name")/other.yaml"
	# the buffer: the record being edited, given the other record's id
	sed 's/^id: .*/id: other/' "$d/$name" >"$d/buffer"
	# shellcheck disable=SC2086
	(cd "$d" && "$DEBRIEF" check --lang en $args <buffer) >"$d/out" 2>&1
	if grep -E "^$name:[0-9]+:[0-9]+: error: .*\[schema-duplicate-id\]\$" "$d/out" >/dev/null
	then ok "editor/$k-duplicate-on-buffer"
	else fail "editor/$k-duplicate-on-buffer" "debrief check $args: $(grep duplicate "$d/out")"; fi
done <"$WORK/editor.txt"
