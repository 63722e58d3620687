#!/bin/sh
# debrief check: output formats on fixed inputs (goldens in expected/, one
# behaviour per file, named for it), exit status and --fail-on, directory
# walks, standard input, I/O errors among good files, colour, dates, usage
# errors, and the man page against the options the binary accepts.
. ../lib.sh
export TZ=UTC
# Today is 2026-01-01 unless a case says otherwise: in/clean.yaml is clean then.
export SOURCE_DATE_EPOCH=1767225600
IN=$WORK/in
rm -rf "$IN" && cp -R in "$IN"
PY=/usr/bin/python3

# variant FILE SED-ARGS...: $IN/FILE is clean.yaml with an id made from
# FILE's name and the edits given, so that each input differs from a clean
# record by one named thing.
variant() {
	v=$1; shift
	id=$(basename "${v%.*}" | tr 'A-Z' 'a-z' | sed 's/[^a-z0-9-]/-/g')
	sed -e "s/^id: .*/id: $id/" "$@" "$IN/clean.yaml" >"$IN/$v"
}
grave=$(printf 'a\314\200') # "a" and a combining grave accent: "à" not in NFC
variant dup-key.yaml -e '/^title:/p'
variant not-nfc.yaml -e "s/^title: Đoàn công tác thành phố Đà Nẵng/title: Đoàn công tác thành phố Đ$grave Nẵng/"

# run NAME [VAR=value...] -- ARGS...: debrief check in $IN; sets rc
run() {
	n=$1; shift
	envs=""
	while [ $# -gt 0 ] && [ "$1" != -- ]; do envs="$envs $1"; shift; done
	[ $# -gt 0 ] && shift
	# shellcheck disable=SC2086
	(cd "$IN" && env $envs "$DEBRIEF" check "$@") >"$WORK/$n.raw" 2>"$WORK/$n.err"
	rc=$?
	# JUnit times differ from run to run; the goldens hold them as 0
	sed 's/ time="[0-9]*\.[0-9]*"/ time="0"/g' "$WORK/$n.raw" >"$WORK/$n.out"
	sanitizer_clean "$n/sanitizers" "$WORK/$n.err" || true
}
# want_rc NAME CODE
want_rc() {
	if [ "$rc" = "$2" ]; then ok "$1/exit-$2"; else
		fail "$1/exit-$2" "exited $rc"; head -n 5 "$WORK/$1.err"; fi
}
# gold NAME: stdout of the last run against expected/NAME.out
gold() { golden "$1" "expected/$1.out" "$WORK/$1.out"; }
# has NAME FILE PATTERN (grep -E) / hasnt NAME FILE PATTERN; hasnt needs
# output to look at: an empty file proves nothing
has() { if grep -qE -- "$3" "$2"; then ok "$1"; else fail "$1" "no '$3' in $2"; fi; }
hasnt() {
	if [ ! -s "$2" ]; then fail "$1" "$2 is empty: nothing to look for '$3' in"
	elif grep -qE -- "$3" "$2"; then fail "$1" "'$3' in $2"
	else ok "$1"; fi
}
esc=$(printf '\033')

LOADER="dup-key.yaml syntax.yaml not-nfc.yaml"

# ---- formats ----
run text-en -- --lang en $LOADER
want_rc text-en 1
gold text-en

run text-vi -- $LOADER
want_rc text-vi 1
gold text-vi

run json -- --lang en --format json $LOADER
want_rc json 1
gold json
if $PY -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert list(d) == ["version", "findings", "unreadable", "summary"], list(d)
assert d["version"] == 1 and d["unreadable"] == []
keys = ["file", "line", "column", "rule", "severity", "message", "guidance"]
for f in d["findings"]:
    assert list(f) == keys, list(f)
    assert isinstance(f["line"], int) and f["line"] >= 1
    assert f["severity"] in ("error", "warning", "info")
    assert all(isinstance(g, str) for g in f["guidance"])
s = d["summary"]
assert list(s) == ["files", "errors", "warnings", "infos", "unreadable"], list(s)
n = {k: sum(f["severity"] == k for f in d["findings"]) for k in ("error", "warning", "info")}
assert (s["errors"], s["warnings"], s["infos"]) == (n["error"], n["warning"], n["info"])
' "$WORK/json.out"; then ok json/shape; else fail json/shape "not the shape of docs/outputs.md"; fi

run sarif -- --lang en --format sarif $LOADER
want_rc sarif 1
gold sarif
"$DEBRIEF" rules --format json >"$WORK/rules.json"
if $PY sarif_check.py "$WORK/sarif.out" "$WORK/rules.json" >"$WORK/sarif.check" 2>&1; then
	ok sarif/structure; else
	fail sarif/structure "invalid SARIF"; head -n 5 "$WORK/sarif.check"; fi

run github -- --lang en --format github $LOADER
want_rc github 1
gold github

run junit -- --lang en --format junit $LOADER
want_rc junit 1
gold junit
if $PY -c '
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "testsuites"
cases = root.findall("testsuite/testcase")
assert [c.get("file") for c in cases] == sys.argv[2:], [c.get("file") for c in cases]
assert all(c.get("name") == c.get("file") and float(c.get("time")) >= 0 for c in cases)
fails = sum(len(c.findall("failure")) for c in cases)
assert fails == int(root.get("failures")), (fails, root.get("failures"))
assert len(cases) == int(root.get("tests"))
' "$WORK/junit.out" $LOADER; then ok junit/xml; else fail junit/xml "invalid or inconsistent XML"; fi

# A value, or a file name, holding a control character XML cannot carry:
# shown as the text format shows it, not dropped, so that the message does
# not quote another value ('out\x0Cbound' is not 'outbound'); the XML stays
# well formed.
variant "$(printf 'ctl\001name.yaml')" -e 's/^direction: .*/direction: "out\\fbound"/'
# in Vietnamese the failure names the severity in Vietnamese too
run junit-vi -- --lang vi --format junit $LOADER
has junit-vi/severity-in-vietnamese "$WORK/junit-vi.out" 'phát hiện từ mức lỗi trở lên'
run junit-controls -- --lang en --format junit "$(printf 'ctl\001name.yaml')"
has junit-controls/value-shown "$WORK/junit-controls.out" "error: &apos;direction: out\\\\x0Cbound&apos; is not allowed"
has junit-controls/name-shown "$WORK/junit-controls.out" 'name="ctl\\x01name\.yaml"'
if $PY -c 'import sys, xml.etree.ElementTree as ET; ET.parse(sys.argv[1])' "$WORK/junit-controls.out"
then ok junit-controls/xml; else fail junit-controls/xml "not well-formed XML"; fi
rm -f "$IN/$(printf 'ctl\001name.yaml')"

# junit with no finding at all: one passing test case per file
run junit-clean -- --lang en --format junit clean.yaml
want_rc junit-clean 0
gold junit-clean

# every other format with no finding: exit 0, a well-formed document
for f in text json sarif github; do
	run "no-findings-$f" -- --lang en --format "$f" clean.yaml
	want_rc "no-findings-$f" 0
done
if $PY -c 'import json, sys; d = json.load(open(sys.argv[1])); assert d["findings"] == []' \
	"$WORK/no-findings-json.out"; then ok no-findings-json/parses; else
	fail no-findings-json/parses "not JSON with an empty findings list"; fi
if $PY sarif_check.py "$WORK/no-findings-sarif.out" >/dev/null 2>&1; then ok no-findings-sarif/valid
else fail no-findings-sarif/valid "invalid SARIF"; fi

# junit with --fail-on: below the level goes to system-out, not failure
run junit-fail-on -- --lang en --format junit --fail-on error not-nfc.yaml
gold junit-fail-on

# ---- exit status and --fail-on ----
run clean -- --lang en clean.yaml
want_rc clean 0
gold clean
run fail-on-default -- not-nfc.yaml
want_rc fail-on-default 0
run fail-on-info -- --fail-on info not-nfc.yaml
want_rc fail-on-info 1
run fail-on-warning -- --fail-on warning not-nfc.yaml
want_rc fail-on-warning 0
run fail-on-error -- --fail-on error dup-key.yaml
want_rc fail-on-error 1
# never: a job that reports without failing; still 2 for an unreadable file
run fail-on-never -- --fail-on never dup-key.yaml
want_rc fail-on-never 0
run fail-on-never-junit -- --lang en --format junit --fail-on never dup-key.yaml
want_rc fail-on-never-junit 0
hasnt fail-on-never-junit/no-failure "$WORK/fail-on-never-junit.out" '<failure'
has fail-on-never-junit/findings-in-output "$WORK/fail-on-never-junit.out" '<system-out>dup-key.yaml:'
run fail-on-never-missing -- --fail-on never dup-key.yaml nosuch.yaml
want_rc fail-on-never-missing 2

# ---- --min-severity: what is below it is not shown, in any format, and does not fail ----
run min-severity-warning -- --lang en --today 2026-12-06 --min-severity warning clean.yaml
gold min-severity-warning
stale='\[follow-task-stale\]|title=follow-task-stale|"rule(Id)?": "follow-task-stale"'
for f in json sarif github junit; do
	run "min-severity-$f" -- --lang en --format "$f" --today 2026-12-06 --min-severity warning clean.yaml
	run "all-severities-$f" -- --lang en --format "$f" --today 2026-12-06 clean.yaml
	if grep -qE "$stale" "$WORK/all-severities-$f.out" &&
		! grep -qE "$stale" "$WORK/min-severity-$f.out"; then
		ok "min-severity-$f/hides-info"; else
		fail "min-severity-$f/hides-info" "info finding shown, or never there"; fi
done
run min-severity-no-fail -- --today 2026-12-06 --fail-on info --min-severity error clean.yaml
want_rc min-severity-no-fail 0
run min-severity-bad -- --min-severity never clean.yaml
want_rc min-severity-bad 2

# ---- paths ----
# (tree/b/empty: a directory with nothing in it is walked too)
mkdir -p "$IN/tree/a/sub" "$IN/tree/.hidden" "$IN/tree/b/empty"
for f in tree/z.yaml tree/a/y.yml tree/a/sub/x.yaml tree/b/w.yaml tree/.hidden/h.yaml \
	tree/a/notes.txt tree/a/yaml tree/a.yaml.bak; do
	variant "$f" -e '/^title:/p'
done
run walk-sorted -- --lang en tree
want_rc walk-sorted 1
gold walk-sorted
# a directory with no entry, or only hidden ones, is walked as well
mkdir -p "$IN/tree/b/empty" "$IN/tree/b/hidden-only/.git"
run walk-empty-dirs -- --lang en tree
want_rc walk-empty-dirs 1
if cmp -s "$WORK/walk-sorted.out" "$WORK/walk-empty-dirs.out"; then ok walk-empty-dirs/same-findings
else fail walk-empty-dirs/same-findings "$(diff "$WORK/walk-sorted.out" "$WORK/walk-empty-dirs.out")"; fi
rmdir "$IN/tree/b/empty" "$IN/tree/b/hidden-only/.git" "$IN/tree/b/hidden-only"
# a record saved with its extension in capitals is a record, not skipped
mkdir -p "$IN/upper"
variant upper/VISIT-A.YAML
variant upper/visit-b.Yml
variant upper/visit-c.yaml
run walk-any-case -- --lang en --today 2026-12-06 upper
has walk-any-case/every-record "$WORK/walk-any-case.out" '^3 files checked'
rm -rf "$IN/upper"

# a link to itself met in a walk: "cannot open" and the reason, as for a
# file named, the same in both languages
mkdir -p "$IN/loop" && ln -sf self.yaml "$IN/loop/self.yaml"
for l in vi en; do
	run "link-loop-$l" -- --lang $l loop
	want_rc "link-loop-$l" 2
done
has link-loop-vi/walked "$WORK/link-loop-vi.err" '^debrief: loop/self.yaml: không mở được: quá nhiều cấp liên kết tượng trưng$'
has link-loop-en/walked "$WORK/link-loop-en.err" '^debrief: loop/self.yaml: cannot open: Too many levels of symbolic links$'
rm -rf "$IN/loop"

# What a walk meets and cannot read (a link to nowhere, a FIFO) is, like a
# file named that cannot be read, a failure of that file in every format,
# at its place in the walk; the records beside it are still checked.
# A directory named with no record in it (a mistyped path in a CI job, a
# folder of .yml.txt files) fails, named, in every format: not "0 files
# checked" and success.
mkdir -p "$IN/norecords" && : >"$IN/norecords/notes.txt"
run no-records -- --lang en norecords
want_rc no-records 2
has no-records/said "$WORK/no-records.err" '^debrief: norecords: no record \(a \.yaml or \.yml file\) in this directory$'
run no-records-json -- --lang en --format json norecords
want_rc no-records-json 2
has no-records-json/named "$WORK/no-records-json.out" '\{"file": "norecords", "message": "no record \(a \.yaml or \.yml file\) in this directory"\}'
rm -rf "$IN/norecords"
mkdir -p "$IN/walkbad"
cp "$IN/clean.yaml" "$IN/walkbad/b.yaml"
ln -sf nowhere.yaml "$IN/walkbad/a-gone.yaml"
if mkfifo "$IN/walkbad/c-fifo.yaml"; then
	run walk-unreadable-json -- --lang en --format json walkbad
	want_rc walk-unreadable-json 2
	if $PY -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert [u["file"] for u in d["unreadable"]] == \
	["walkbad/a-gone.yaml", "walkbad/c-fifo.yaml"], d["unreadable"]
assert d["unreadable"][1]["message"] == "not a regular file, not read", d["unreadable"]
assert d["summary"]["unreadable"] == 2 and d["summary"]["files"] == 1, d["summary"]
' "$WORK/walk-unreadable-json.out"; then ok walk-unreadable-json/named; else
		fail walk-unreadable-json/named "a file the walk could not read is not in the JSON"
		cat "$WORK/walk-unreadable-json.out"; fi
	run walk-unreadable-junit -- --lang en --format junit walkbad
	want_rc walk-unreadable-junit 2
	gold walk-unreadable-junit
	run walk-unreadable-github -- --lang en --format github walkbad
	has walk-unreadable-github/annotation "$WORK/walk-unreadable-github.out" \
		'^::error file=walkbad/c-fifo.yaml,title=debrief::not a regular file, not read$'
	has walk-unreadable-github/said-once "$WORK/walk-unreadable-github.err" \
		'^debrief: walkbad/c-fifo.yaml: not a regular file, not read$'
	if [ "$(grep -c 'c-fifo' "$WORK/walk-unreadable-github.err")" = 1 ]; then
		ok walk-unreadable-github/stderr-once
	else fail walk-unreadable-github/stderr-once "said more than once"; fi
else
	fail walk-unreadable "mkfifo failed"
fi
rm -rf "$IN/walkbad"

run stdin -- --lang en - <"$IN/dup-key.yaml"
want_rc stdin 1
gold stdin
# --stdin-filename names standard input in findings, and finds the
# configuration as that file would
mkdir -p "$IN/named"
printf 'rules:\n  yaml-duplicate-key: warning\n' >"$IN/named/.debrief.yaml"
run stdin-filename -- --lang en --stdin-filename named/dup-key.yaml - <"$IN/dup-key.yaml"
want_rc stdin-filename 0
gold stdin-filename
run stdin-filename-sarif -- --format sarif --stdin-filename named/dup-key.yaml - <"$IN/dup-key.yaml"
has stdin-filename-sarif/uri "$WORK/stdin-filename-sarif.out" '"uri": "named/dup-key.yaml", "uriBaseId": "%SRCROOT%"'
run stdin-filename-empty -- --stdin-filename "" - <"$IN/dup-key.yaml"
want_rc stdin-filename-empty 2
# The buffer piped under a file's name beside the directory that holds the
# file: the buffer stands for the file, which is not read again as a
# second record with the same id; the other records are checked with it.
mkdir -p "$IN/piped"
variant piped/a.yaml
variant piped/b.yaml
sed 's/^direction: .*/direction: sideways/' "$IN/piped/a.yaml" >"$WORK/piped-buffer.yaml"
run stdin-filename-in-dir -- --lang en --stdin-filename piped/a.yaml - piped <"$WORK/piped-buffer.yaml"
want_rc stdin-filename-in-dir 1
hasnt stdin-filename-in-dir/not-itself "$WORK/stdin-filename-in-dir.out" 'schema-duplicate-id'
has stdin-filename-in-dir/buffer-checked "$WORK/stdin-filename-in-dir.out" "^piped/a.yaml:[0-9]+:[0-9]+: error: 'direction: sideways'"
has stdin-filename-in-dir/others-checked "$WORK/stdin-filename-in-dir.out" '^2 files checked: 1 error'
# a buffer that takes another record's id is still a duplicate of it
sed 's/^id: .*/id: b/' "$IN/piped/a.yaml" >"$WORK/piped-buffer.yaml"
run stdin-filename-dup -- --lang en --stdin-filename ./piped//a.yaml piped - <"$WORK/piped-buffer.yaml"
has stdin-filename-dup/other-id "$WORK/stdin-filename-dup.out" "^\./piped//a\.yaml:[0-9]+:[0-9]+: error: id 'b' is already used by piped/b\.yaml: give this record an id of its own, or remove this file if it is a copy of that one \[schema-duplicate-id\]$"
rm -rf "$IN/piped"

run missing-among-good -- --lang en dup-key.yaml nosuch.yaml not-nfc.yaml
want_rc missing-among-good 2
gold missing-among-good
has missing-among-good/message "$WORK/missing-among-good.err" '^debrief: nosuch.yaml: cannot open: '
# In Vietnamese the system's reason is Vietnamese too, not the C library's English.
run missing-vi -- --lang vi clean.yaml nosuch.yaml
want_rc missing-vi 2
has missing-vi/reason-in-vietnamese "$WORK/missing-vi.err" '^debrief: nosuch.yaml: không mở được: không có tệp hoặc thư mục này$'
# An unreadable file is a failure of that file in every format, and exit 2.
run missing-junit -- --lang en --format junit clean.yaml nosuch.yaml
want_rc missing-junit 2
gold missing-junit
run missing-json -- --lang en --format json clean.yaml nosuch.yaml
want_rc missing-json 2
if $PY -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert [u["file"] for u in d["unreadable"]] == ["nosuch.yaml"], d["unreadable"]
assert d["summary"]["unreadable"] == 1 and d["summary"]["files"] == 1
' "$WORK/missing-json.out"; then ok missing-json/named; else
	fail missing-json/named "unreadable file not in the JSON"; fi
run missing-sarif -- --lang en --format sarif clean.yaml nosuch.yaml
want_rc missing-sarif 2
if $PY sarif_check.py "$WORK/missing-sarif.out" >/dev/null 2>&1 && $PY -c '
import json, sys
inv = json.load(open(sys.argv[1]))["runs"][0]["invocations"][0]
assert inv["executionSuccessful"] is False
n = inv["toolExecutionNotifications"]
assert [x["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for x in n] == \
	["nosuch.yaml"] and n[0]["level"] == "error"
' "$WORK/missing-sarif.out"; then ok missing-sarif/named; else
	fail missing-sarif/named "unreadable file not a failed invocation"; fi
run missing-github -- --lang en --format github clean.yaml nosuch.yaml
want_rc missing-github 2
has missing-github/annotation "$WORK/missing-github.out" '^::error file=nosuch.yaml,title=debrief::cannot open'

run repeated-path -- --lang en dup-key.yaml not-nfc.yaml dup-key.yaml
gold repeated-path
# The same file however its path is written, or through a link beside it,
# is one record read once, where it first came: not a duplicate of itself.
mkdir -p "$IN/same"
cp "$IN/clean.yaml" "$IN/same/a.yaml"
ln -sf a.yaml "$IN/same/b-link.yaml"
run same-file -- --lang en --format json same ./same/a.yaml same//a.yaml
want_rc same-file 0
if $PY -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["summary"]["files"] == 1, d["summary"]
assert not [f for f in d["findings"] if f["rule"] == "schema-duplicate-id"], d["findings"]
' "$WORK/same-file.out"; then ok same-file/read-once; else
	fail same-file/read-once "one file read as several records"; cat "$WORK/same-file.out"; fi
rm -rf "$IN/same"

# ---- colour ----
run colour-piped -- dup-key.yaml
hasnt colour-piped/no-escapes "$WORK/colour-piped.out" "$esc"
run colour-forced FORCE_COLOR=1 -- --lang en dup-key.yaml not-nfc.yaml
gold colour-forced
run colour-force-zero FORCE_COLOR=0 -- dup-key.yaml
hasnt colour-force-zero/no-escapes "$WORK/colour-force-zero.out" "$esc"
run colour-no-color-wins NO_COLOR=1 FORCE_COLOR=1 -- dup-key.yaml
hasnt colour-no-color-wins/no-escapes "$WORK/colour-no-color-wins.out" "$esc"
if ! command -v script >/dev/null 2>&1; then
	fail colour-terminal "no script(1) to give check a terminal (bsdutils)"
else
	# a terminal: script(1) gives the command a pseudo-terminal
	(cd "$IN" && script -qec "'$DEBRIEF' check dup-key.yaml" /dev/null) >"$WORK/tty.out" 2>&1
	has colour-terminal "$WORK/tty.out" "$esc\\[1;31merror"
	(cd "$IN" && NO_COLOR=1 script -qec "'$DEBRIEF' check dup-key.yaml" /dev/null) \
		>"$WORK/tty-nc.out" 2>&1
	hasnt colour-terminal-no-color "$WORK/tty-nc.out" "$esc"
fi

# ---- dates ----
run today-bad-sde SOURCE_DATE_EPOCH=yesterday -- dup-key.yaml
want_rc today-bad-sde 2
run today-overrides-sde SOURCE_DATE_EPOCH=yesterday -- --today 2024-01-01 dup-key.yaml
want_rc today-overrides-sde 1

# ---- usage ----
for u in "unknown-option:--frobnicate dup-key.yaml" "bad-format:--format xml dup-key.yaml" \
	"bad-fail-on:--fail-on fatal dup-key.yaml" "bad-today:--today 2024-02-30 dup-key.yaml" \
	"bad-today-dmy:--today 01/02/2024 dup-key.yaml" "bad-lang:--lang fr dup-key.yaml" \
	"missing-value:dup-key.yaml --format" "no-path:--format json"; do
	n=usage-${u%%:*}
	# shellcheck disable=SC2086
	run "$n" -- ${u#*:}
	want_rc "$n" 2
	if [ -s "$WORK/$n.err" ] && [ ! -s "$WORK/$n.out" ]; then ok "$n/message"; else
		fail "$n/message" "want a message on stderr only"; fi
done
run usage-en -- --lang en --format xml dup-key.yaml
has usage-en/english "$WORK/usage-en.err" "unknown format 'xml'"
run usage-vi -- --format xml dup-key.yaml
has usage-vi/vietnamese "$WORK/usage-vi.err" "định dạng không hợp lệ 'xml'"
# a date written right that does not exist is said to be no date, not
# ill-written; one written otherwise is asked for as YYYY-MM-DD
run usage-today-vi -- --today 01/02/2024 dup-key.yaml
has usage-today-vi/vietnamese "$WORK/usage-today-vi.err" "today cần một ngày viết dạng YYYY-MM-DD \\(đã ghi '01/02/2024'\\)\$"
run usage-today-no-such-day-vi -- --today 2024-02-30 dup-key.yaml
has usage-today-no-such-day-vi "$WORK/usage-today-no-such-day-vi.err" '^debrief check: ngày ghi ở --today không có trong lịch \(đã ghi .2024-02-30.\)$'
run usage-today-no-such-day-en -- --lang en --today 2024-02-30 dup-key.yaml
has usage-today-no-such-day-en "$WORK/usage-today-no-such-day-en.err" '^debrief check: --today names a date that does not exist \(given .2024-02-30.\)$'

# a name for standard input with no "-" among the paths: said, not dropped
run stdin-name-no-dash -- --lang en --stdin-filename records/a.yaml clean.yaml
want_rc stdin-name-no-dash 2
has stdin-name-no-dash/said "$WORK/stdin-name-no-dash.err" "^debrief check: --stdin-filename names standard input, but no '-' is among the paths\$"

run help -- --help
want_rc help 0
has help/usage "$WORK/help.out" '^       debrief check'
# Vietnamese by default: the head in Vietnamese on a line of its own
if [ "$(head -n 1 "$WORK/help.out")" = 'Cách dùng:' ]; then ok help/usage-head-vietnamese
else fail help/usage-head-vietnamese "$(head -n 1 "$WORK/help.out")"; fi
run help-en -- --help --lang en
has help-en/usage "$WORK/help-en.out" '^usage: debrief check'

# ---- larger than the loader's limit: a finding with a position, not an I/O error ----
head -c 17000000 /dev/zero | tr '\0' a >"$IN/huge.yaml"
run too-large -- --lang en huge.yaml dup-key.yaml
want_rc too-large 1
gold too-large
rm -f "$IN/huge.yaml"

# ---- SARIF fingerprints do not move with the lines above a finding ----
run fp-before -- --format sarif dup-key.yaml
{ printf '# two lines\n# of comment\n'; cat "$IN/dup-key.yaml"; } >"$IN/fp.tmp" &&
	mv "$IN/fp.tmp" "$IN/dup-key.yaml"
run fp-after -- --format sarif dup-key.yaml
if $PY -c '
import json, sys
def fps(p):
    r = json.load(open(p))["runs"][0]["results"]
    return [x["partialFingerprints"]["debriefFinding/v1"] for x in r], \
        [x["locations"][0]["physicalLocation"]["region"]["startLine"] for x in r]
(a, la), (b, lb) = fps(sys.argv[1]), fps(sys.argv[2])
assert a and a == b and la != lb, (a, b, la, lb)
' "$WORK/fp-before.out" "$WORK/fp-after.out"; then ok sarif/fingerprints-survive-moves; else
	fail sarif/fingerprints-survive-moves "fingerprints changed, or lines did not"; fi
variant dup-key.yaml -e '/^title:/p'

# ---- SARIF locations are URIs ----
variant "Cà Mau 2017.yaml" -e '/^title:/p'
run sarif-uri -- --format sarif "Cà Mau 2017.yaml"
has sarif-uri/percent-encoded "$WORK/sarif-uri.out" '"uri": "C%C3%A0%20Mau%202017.yaml"'
rm -f "$IN/Cà Mau 2017.yaml"

# ---- SARIF names a file the same however its path was typed ----
# "./x", "x//y", an absolute path under the current directory (physical
# or as $PWD names it through a link): the location and the fingerprint of
# "x"; the text format keeps the path as given.
mkdir -p "$IN/sub" && cp "$IN/dup-key.yaml" "$IN/sub/dup-key.yaml"
ln -sfn "$IN" "$WORK/in-link"
run sarif-path -- --format sarif sub/dup-key.yaml
for v in ./sub/dup-key.yaml .//sub//./dup-key.yaml "$IN/sub/dup-key.yaml" "$IN//sub/dup-key.yaml"; do
	run sarif-path-v -- --format sarif "$v"
	if cmp -s "$WORK/sarif-path.out" "$WORK/sarif-path-v.out"; then ok "sarif-path/same:$v"; else
		fail "sarif-path/same:$v" "differs from sub/dup-key.yaml:"
		diff "$WORK/sarif-path.out" "$WORK/sarif-path-v.out" | head -n 6
	fi
done
(cd "$WORK/in-link" && PWD=$WORK/in-link "$DEBRIEF" check --format sarif \
	"$WORK/in-link/sub/dup-key.yaml") >"$WORK/sarif-path-link.out" 2>"$WORK/sarif-path-link.err"
if cmp -s "$WORK/sarif-path.out" "$WORK/sarif-path-link.out"; then ok sarif-path/same-through-link; else
	fail sarif-path/same-through-link "differs from sub/dup-key.yaml:"
	diff "$WORK/sarif-path.out" "$WORK/sarif-path-link.out" | head -n 6
fi
has sarif-path/relative "$WORK/sarif-path.out" '"uri": "sub/dup-key.yaml", "uriBaseId": "%SRCROOT%"'
# outside the current directory: a file URI, without the doubled slash
(cd "$IN/sub" && "$DEBRIEF" check --format sarif "$IN//dup-key.yaml") >"$WORK/sarif-path-out.out" 2>/dev/null
has sarif-path/outside-absolute "$WORK/sarif-path-out.out" "\"uri\": \"file://$IN/dup-key.yaml\"}"
run sarif-path-text -- .//sub/dup-key.yaml
has sarif-path/text-as-given "$WORK/sarif-path-text.out" '^\.//sub/dup-key\.yaml:[0-9]+:[0-9]+: '
# GitHub annotates a pull request's file only when it is named as SARIF
# names it ("./sub/a.yaml" is on no file): the github format does the
# same, for a directory walked from "." (the action's default) too, and
# for a file that cannot be read
ln -sfn nowhere.yaml "$IN/sub/gone.yaml"
for v in ./sub/dup-key.yaml .//sub//./dup-key.yaml "$IN/sub/dup-key.yaml" ./sub sub/; do
	run github-path -- --lang en --format github "$v"
	has "github-path/relative:$v" "$WORK/github-path.out" '^::error file=sub/dup-key\.yaml,line=[0-9]+,col=[0-9]+,title='
	hasnt "github-path/no-dot:$v" "$WORK/github-path.out" 'file=(\./|[^,]*/\.?/)'
done
run github-path -- --lang en --format github ./sub
has github-path/unreadable "$WORK/github-path.out" '^::error file=sub/gone\.yaml,title=debrief::'
rm -rf "$IN/sub" "$WORK/in-link"

# ---- the man page ----
MAN=$TOP/man/debrief.1
if w=$(groff -k -mandoc -Tutf8 -ww -z "$MAN" 2>&1) && [ -z "$w" ]; then ok man/renders; else
	fail man/renders "$w"; fi
if man -l "$MAN" >/dev/null 2>"$WORK/man.err" && [ ! -s "$WORK/man.err" ]; then ok man/man-l; else
	fail man/man-l "$(head -n 3 "$WORK/man.err")"; fi
# Words that are also macro names ("An") and nested quotes stay as written.
MANWIDTH=400 man -l "$MAN" >"$WORK/man.txt" 2>/dev/null
has man/an-giang-not-eaten "$WORK/man.txt" 'nay là tỉnh An Giang'
has man/report-dates-quoted-each "$WORK/man.txt" '\(“ngày 20 tháng 7 năm 2017”, “20 July 2017”\)'
# The summary line says it as OUTPUT FORMATS does, in both languages.
for l in en vi; do
	case $l in
	en) want=$(grep -o '‘N files checked: [^’]*’' "$WORK/man.txt" | tr -d '‘’' |
		sed -E 's/\b[NEWI]\b/[0-9]+/g; s/s\b/s?/g') ;;
	vi) want=$(grep -o '‘Đã kiểm tra N [^’]*’' "$WORK/man.txt" | tr -d '‘’' |
		sed -E 's/ [NEWI]( |$)/ [0-9]+\1/g') ;;
	esac
	if [ -n "$want" ] && tail -n 1 "$WORK/text-$l.out" | grep -qxE -- "$want"; then
		ok "man/summary-line-as-documented-$l"
	else fail "man/summary-line-as-documented-$l" "'$(tail -n 1 "$WORK/text-$l.out")' against '$want'"; fi
done
# Options of every command: those debrief(1) documents (".Fl \-xxx" in
# the command's subsection and its SYNOPSIS lines), those the command's
# --help lists, and those the top-level --help lists for it must be the
# same (every command takes --help); the binary must run with each of
# them, given a sample value.
: >"$IN/none.conf"
sample() {
	case $1 in
	--format) [ "$2" = explain ] && echo markdown || echo json ;; --fail-on) echo warning ;;
	--today) echo 2026-01-01 ;; --config) echo none.conf ;; --lang) echo en ;;
	--min-severity) echo info ;; --stdin-filename) echo named.yaml ;; --due-within) echo 7 ;;
	--owner) echo "Sở" ;; --jobs) echo 2 ;; esac
}
"$DEBRIEF" --help >"$WORK/top-help.out" 2>&1
# its closing line in the language of the run, Vietnamese by default
"$DEBRIEF" --help --lang en >"$WORK/top-help-en.out" 2>&1
if [ "$(tail -n 1 "$WORK/top-help.out")" = 'Mỗi lệnh đều có tùy chọn --help.  Xem debrief(1) và debrief(5).' ] &&
	[ "$(tail -n 1 "$WORK/top-help-en.out")" = 'Each command takes --help.  See debrief(1) and debrief(5).' ] &&
	[ "$(sed '1d; $d' "$WORK/top-help.out")" = "$(sed '$d; 1s/^usage: /       /' "$WORK/top-help-en.out")" ] &&
	[ "$(head -n 1 "$WORK/top-help.out")" = 'Cách dùng:' ]
then ok help/closing-line-in-run-language
else fail help/closing-line-in-run-language "$(tail -n 1 "$WORK/top-help.out")"; fi
for cmd in check report archive pdf rules explain new tasks; do
	{ sed -n "/^\.Ss $cmd\$/,/^\.S[sh] /p" "$MAN"
		sed -n "/^\.Sh SYNOPSIS/,/^\.Sh /p" "$MAN" | sed -n "/^\.Cm $cmd\$/,/^\.Nm/p"; } |
		grep -o 'Fl \\-[a-z\\-]*' | sed 's/^Fl /-/; s/\\//g' | sort -u >"$WORK/opts.man"
	{ "$DEBRIEF" "$cmd" --help 2>&1 | grep -oE -- '--[a-z][a-z-]*'; echo --help; } |
		sort -u >"$WORK/opts.bin"
	{ awk -v c="$cmd" '/debrief [a-z]/ { on = ($0 ~ "debrief " c " ") } on' "$WORK/top-help.out" |
		grep -oE -- '--[a-z][a-z-]*' | grep -v -- '--version'; echo --help; } |
		sort -u >"$WORK/opts.top"
	if [ "$(wc -l <"$WORK/opts.man")" -ge 2 ] && cmp -s "$WORK/opts.man" "$WORK/opts.bin"; then
		ok "man/$cmd-options-match-usage"
	else
		fail "man/$cmd-options-match-usage" "man page and usage differ"
		diff "$WORK/opts.man" "$WORK/opts.bin" | head -n 10
	fi
	if cmp -s "$WORK/opts.top" "$WORK/opts.bin"; then ok "help/$cmd-options-match-top-level"
	else
		fail "help/$cmd-options-match-top-level" "debrief --help and debrief $cmd --help differ"
		diff "$WORK/opts.top" "$WORK/opts.bin" | head -n 10
	fi
	case $cmd in check | tasks) arg=clean.yaml ;; explain) arg=prep-what ;; rules) arg= ;;
		*) continue ;; esac
	for opt in $(cat "$WORK/opts.man" "$WORK/opts.bin" | sort -u); do
		v=$(sample "$opt" "$cmd")
		a=$arg
		# a name for standard input goes with "-"
		[ "$opt" = --stdin-filename ] && a="- $arg"
		# shellcheck disable=SC2086
		(cd "$IN" && "$DEBRIEF" "$cmd" "$opt" ${v:+"$v"} $a <clean.yaml) >/dev/null 2>"$WORK/opt.err"
		rc=$?
		if [ $rc -le 1 ]; then ok "man/$cmd-accepts$opt"; else
			fail "man/$cmd-accepts$opt" "exit $rc: $(head -n 1 "$WORK/opt.err")"; fi
	done
done
# docs/outputs.md gives the command line as "the same text as debrief
# --help": it is.
sed -n '/^```$/,/^```$/p' "$TOP/docs/outputs.md" | sed '1d' | sed '/^```$/,$d' >"$WORK/doc-usage.txt"
sed '$d' "$WORK/top-help-en.out" | cut -c8- >"$WORK/help-usage.txt"
if [ -s "$WORK/doc-usage.txt" ] && cmp -s "$WORK/doc-usage.txt" "$WORK/help-usage.txt"; then
	ok help/docs-outputs-is-help
else
	fail help/docs-outputs-is-help "docs/outputs.md and debrief --help differ"
	diff "$WORK/doc-usage.txt" "$WORK/help-usage.txt" | head -n 10
fi
# The commands that exit 1 are the same in docs/outputs.md and in the
# manual's EXIT STATUS.
awk '/^\.Sh EXIT STATUS/ { on = 1 } on && /^\.It 2/ { exit } on && st1 && /^\.Cm / { print $2 }
	on && /^\.It 1/ { st1 = 1 }' "$TOP/man/debrief.1" | LC_ALL=C sort -u >"$WORK/exit1-man.txt"
tr '\n' ' ' <"$TOP/docs/outputs.md" | sed -n 's/.*Exit status, the same for every command:\(.*\)/\1/p' |
	sed 's/; 2 a usage error.*//; s/.*; 1 //' | grep -o '`[a-z]*`' | tr -d '`' | LC_ALL=C sort -u >"$WORK/exit1-doc.txt"
if [ -s "$WORK/exit1-man.txt" ] && cmp -s "$WORK/exit1-man.txt" "$WORK/exit1-doc.txt"; then
	ok exit-status/docs-outputs-as-manual
else
	fail exit-status/docs-outputs-as-manual "manual: $(tr '\n' ' ' <"$WORK/exit1-man.txt")docs: $(tr '\n' ' ' <"$WORK/exit1-doc.txt")"
fi
# A format a command offers, it accepts (explain used to offer text and refuse it).
for c in "rules text" "rules json" "explain text" "explain markdown"; do
	set -- $c
	r=; [ "$1" = explain ] && r=prep-what
	"$DEBRIEF" "$1" --format "$2" $r >/dev/null 2>"$WORK/fmt.err"
	if [ $? -eq 0 ]; then ok "help/$1-format-$2"; else fail "help/$1-format-$2" "$(head -n 1 "$WORK/fmt.err")"; fi
done

# ---- output that cannot be written is an operational error ----
if [ ! -w /dev/full ]; then
	fail write-error "no writable /dev/full to make the output fail"
else
	(cd "$IN" && "$DEBRIEF" check dup-key.yaml) >/dev/full 2>"$WORK/full.err"
	rc=$?
	want_rc write-error 2
	has write-error/message "$WORK/full.err" '^debrief: '
fi

# ---- rule findings: guidance and severities through the formats ----
variant rule-findings.yaml -e '/^handover:/d' -e '/feedback_to_agency:/d' \
	-e 's/owner: Sở Ngoại vụ/owner: các sở, ngành/' -e '/project: nhà máy/d'
run rules-text -- --lang en rule-findings.yaml clean.yaml
want_rc rules-text 1
gold rules-text
run rules-json -- --lang en --format json rule-findings.yaml
gold rules-json
run rules-github -- --lang en --format github rule-findings.yaml
gold rules-github
run rules-junit-fail-on-warning -- --lang en --format junit --fail-on warning rule-findings.yaml \
	clean.yaml
gold rules-junit-fail-on-warning
run rules-sarif -- --lang en --format sarif rule-findings.yaml
if $PY sarif_check.py "$WORK/rules-sarif.out" >"$WORK/rules-sarif.check" 2>&1 && $PY -c '
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
rules = run["tool"]["driver"]["rules"]
byid = {r["id"]: r for r in rules}
assert byid["prep-objectives"]["properties"]["guidance"] == ["G9"]
assert byid["follow-feedback"]["defaultConfiguration"]["level"] == "warning"
assert all(r["fullDescription"]["text"] for r in rules)
got = [(r["ruleId"], r["level"]) for r in run["results"]]
assert ("prep-objectives", "error") in got and ("memory-handover", "note") in got, got
' "$WORK/rules-sarif.out"; then ok rules-sarif/catalogue; else
	fail rules-sarif/catalogue "rules or results wrong"; head -n 5 "$WORK/rules-sarif.check"; fi

# ---- --fail-on against warnings and infos from rules ----
variant warning-and-info.yaml -e '/^handover:/d' -e '/feedback_to_agency:/d'
variant info-only.yaml -e '/^handover:/d'
for c in "warning-and-info error 0" "warning-and-info warning 1" "warning-and-info info 1" \
	"info-only warning 0" "info-only info 1"; do
	set -- $c
	run "fail-on-$1-$2" -- --fail-on "$2" "$1.yaml"
	want_rc "fail-on-$1-$2" "$3"
done

# ---- today: --today and SOURCE_DATE_EPOCH name the same day, the day matters ----
run today-option -- --lang en --today 2026-07-01 clean.yaml
gold today-option
run today-sde SOURCE_DATE_EPOCH=1782864000 -- --lang en clean.yaml
if cmp -s "$WORK/today-option.out" "$WORK/today-sde.out"; then ok today/option-equals-sde; else
	fail today/option-equals-sde "--today 2026-07-01 and SOURCE_DATE_EPOCH of that day differ"; fi
run today-suite-default -- --lang en clean.yaml
if cmp -s "$WORK/today-option.out" "$WORK/today-suite-default.out"; then
	fail today/changes-findings "2026-01-01 and 2026-07-01 give the same findings"
else ok today/changes-findings; fi
run today-again -- --lang en --today 2026-07-01 clean.yaml
if cmp -s "$WORK/today-option.out" "$WORK/today-again.out"; then ok today/reproducible; else
	fail today/reproducible "two runs differ"; fi

# ---- configuration: found next to the records, else from the current directory ----
mkdir -p "$IN/cfg/records" "$IN/cfg/elsewhere" "$IN/cwdcfg"
variant cfg/records/no-handover.yaml -e '/^handover:/d'
printf 'rules:\n  memory-handover: error\n' >"$IN/cfg/records/.debrief.yaml"
run config-records-dir -- --lang en cfg/records
want_rc config-records-dir 1
gold config-records-dir
run config-file-dir -- --lang en cfg/records/no-handover.yaml
if cmp -s "$WORK/config-records-dir.out" "$WORK/config-file-dir.out"; then
	ok config/file-directory-searched; else fail config/file-directory-searched "config not found"; fi
# spelt .debrief.yml, as records may be .yml: the same file, not left aside
mkdir -p "$IN/cfgyml"
cp "$IN/cfg/records/no-handover.yaml" "$IN/cfgyml/"
cp "$IN/cfg/records/.debrief.yaml" "$IN/cfgyml/.debrief.yml"
run config-yml -- --lang en cfgyml
want_rc config-yml 1
has config-yml/read "$WORK/config-yml.out" '^cfgyml/no-handover.yaml:3:1: error: .*\[memory-handover\]$'
# a key the configuration repeats counts once, its first value, as a
# record's does: the later one is reported and left out, never applied
mkdir -p "$IN/cfgrepeat"
cp "$IN/cfg/records/no-handover.yaml" "$IN/cfgrepeat/"
printf 'rules:\n  memory-handover: error\nrules:\n  memory-handover: off\n' \
	>"$IN/cfgrepeat/.debrief.yaml"
run config-repeated-key -- --lang en cfgrepeat
want_rc config-repeated-key 1
gold config-repeated-key
# beside a .debrief.yaml, .debrief.yaml is the one read
printf 'rules:\n  memory-handover: off\n' >"$IN/cfgyml/.debrief.yaml"
run config-yml-second -- --lang en cfgyml
want_rc config-yml-second 0
rm -rf "$IN/cfgyml"
# A checkout made with umask 0000, as GitLab's Docker runner makes it:
# every directory is one anyone may write to, yet the .debrief.yaml there
# is the user's own, and is read.  Another's is not.
mkdir -p "$IN/open/.git" "$IN/open/records"
cp "$IN/cfg/records/no-handover.yaml" "$IN/open/records/"
cp "$IN/cfg/records/.debrief.yaml" "$IN/open/.debrief.yaml"
chmod 0777 "$IN/open" "$IN/open/records" && chmod 0666 "$IN/open/.debrief.yaml"
run config-open-dir -- --lang en open/records
want_rc config-open-dir 1
has config-open-dir/read "$WORK/config-open-dir.out" '^open/records/no-handover.yaml:3:1: error: .*\[memory-handover\]$'
if [ "$(id -u)" = 0 ]; then
	chown 65534 "$IN/open/.debrief.yaml"
	run config-open-dir-foreign -- --lang en open/records
	want_rc config-open-dir-foreign 0
	hasnt config-open-dir-foreign/not-read "$WORK/config-open-dir-foreign.out" 'error: .*\[memory-handover\]'
	# and the run says so, once, rather than that there is none
	has config-open-dir-foreign/said "$WORK/config-open-dir-foreign.err" \
		"^debrief: open/\\.debrief\\.yaml: not read: another user's file"
	if [ "$(grep -c 'not read' "$WORK/config-open-dir-foreign.err")" = 1 ]; then
		ok config-open-dir-foreign/said-once; else
		fail config-open-dir-foreign/said-once "$(grep -c 'not read' "$WORK/config-open-dir-foreign.err") times"; fi
	(cd "$IN" && "$DEBRIEF" check --verbose --lang en open/records) >/dev/null 2>"$WORK/config-open-dir-verbose.err"
	hasnt config-open-dir-foreign/verbose-not-none "$WORK/config-open-dir-verbose.err" 'no \.debrief\.yaml\)'
	(cd "$IN" && "$DEBRIEF" report --lang en -o "$WORK/open-report" open/records/no-handover.yaml) \
		>/dev/null 2>"$WORK/config-open-dir-report.err"
	has config-open-dir-foreign/report-said "$WORK/config-open-dir-report.err" "not read: another user's file"
fi
rm -rf "$IN/open"
# The repository's .debrief.yaml, above records/, checked from the root as
# CI does: its findings name it as the root reaches it, in every format, so
# that a code-scanning service places them ("records/../.debrief.yaml" is
# no file of the repository); from records/ it is "../.debrief.yaml".
mkdir -p "$IN/repo/.git" "$IN/repo/records"
cp "$IN/cfg/records/no-handover.yaml" "$IN/repo/records/"
printf 'rules:\n  memory-handover: loud\n' >"$IN/repo/.debrief.yaml"
(cd "$IN/repo" && "$DEBRIEF" check --lang en --format github records/) >"$WORK/config-root.out" 2>&1
has config-root/github "$WORK/config-root.out" '^::error file=\.debrief\.yaml,line=2,col=20,title=config-value::'
(cd "$IN/repo" && "$DEBRIEF" check --lang en --format sarif ./records) >"$WORK/config-root.sarif" 2>&1
has config-root/sarif "$WORK/config-root.sarif" '"uri": "\.debrief\.yaml", "uriBaseId": "%SRCROOT%"'
(cd "$IN/repo/records" && "$DEBRIEF" check --lang en --verbose .) >"$WORK/config-below.out" 2>&1
has config-root/from-below "$WORK/config-below.out" '^\.\./\.debrief\.yaml:2:20: error: '
(cd "$IN/repo/records" && "$DEBRIEF" check --lang en ../records) >"$WORK/config-around.out" 2>&1
has config-root/up-and-down "$WORK/config-around.out" '^\.\./\.debrief\.yaml:2:20: error: '
rm -rf "$IN/repo"
run config-option -- --lang en --config none.conf cfg/records
want_rc config-option 0
has config-option/default-severity "$WORK/config-option.out" ' info: .*\[memory-handover\]'
printf 'rules:\n  memory-handover: off\n' >"$IN/cwdcfg/.debrief.yaml"
(cd "$IN/cwdcfg" && "$DEBRIEF" check --lang en - <"$IN/cfg/records/no-handover.yaml") \
	>"$WORK/config-cwd.out" 2>&1
hasnt config/stdin-uses-current-directory "$WORK/config-cwd.out" 'memory-handover'
run config-missing -- --config nosuch.conf clean.yaml
want_rc config-missing 2
has config-missing/message "$WORK/config-missing.err" '^debrief: nosuch.conf: '
printf 'rules:\n  memory-handover: loud\n' >"$IN/bad.conf"
run config-findings-first -- --lang en --config bad.conf rule-findings.yaml
gold config-findings-first
# A .debrief.yaml that cannot be read, beside the records: whether its
# directory comes first or later, the output is whole (the JSON parses),
# it says where the file is broken, each record it applies to is a file
# not checked, and the other records are checked.
mkdir -p "$IN/brokencfg/recs" "$IN/brokencfg/other"
printf 'rules: {memory-handover: off\n' >"$IN/brokencfg/recs/.debrief.yaml"
cp "$IN/clean.yaml" "$IN/brokencfg/recs/a.yaml"
variant brokencfg/other/b.yaml
for order in "brokencfg/recs brokencfg/other" "brokencfg/other brokencfg/recs"; do
	cn=config-broken-$(echo "$order" | cut -c11-14)
	# shellcheck disable=SC2086
	run "$cn" -- --lang en --format json $order
	want_rc "$cn" 2
	if $PY -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert [(f["file"], f["line"], f["rule"]) for f in d["findings"]] == \
	[("brokencfg/recs/.debrief.yaml", 2, "yaml-syntax")], d["findings"]
assert d["unreadable"] == [{"file": "brokencfg/recs/a.yaml", "message":
	"not checked: the configuration (.debrief.yaml) that applies to it cannot be read"}], d["unreadable"]
assert d["summary"]["files"] == 1 and d["summary"]["unreadable"] == 1, d["summary"]
' "$WORK/$cn.out"; then ok "$cn/reported"; else
		fail "$cn/reported" "a record of a broken configuration not reported"; cat "$WORK/$cn.out"; fi
	if [ "$(grep -c 'brokencfg/recs/.debrief.yaml' "$WORK/$cn.err")" = 1 ]; then ok "$cn/said-once"
	else fail "$cn/said-once" "$(cat "$WORK/$cn.err")"; fi
done
# in the text format too, each record not checked is named, on standard
# error as a file that cannot be read is
run config-broken-text -- --lang en brokencfg/recs
want_rc config-broken-text 2
has config-broken-text/record-named "$WORK/config-broken-text.err" \
	'^debrief: brokencfg/recs/a\.yaml: not checked: the configuration \(\.debrief\.yaml\) that applies to it cannot be read$'
run config-broken-junit -- --lang en --format junit brokencfg/recs
want_rc config-broken-junit 2
gold config-broken-junit
rm -rf "$IN/brokencfg"

# ---- the collection: findings in file order, waivers apply ----
variant dup-id-b.yaml -e 's/^id: .*/id: same-id/'
variant dup-id-a.yaml -e 's/^id: .*/id: same-id/'
run collection-order -- --lang en dup-id-b.yaml dup-key.yaml dup-id-a.yaml
gold collection-order
variant dup-id-waived.yaml -e 's/^id: .*/id: same-id/' \
	-e '$a waivers:\n  - {rule: schema-duplicate-id, reason: bản sao để thử}'
run collection-waiver -- --lang en dup-id-b.yaml dup-id-waived.yaml
want_rc collection-waiver 0
gold collection-waiver

# ---- collection rules only over several files (docs/rules.md) ----
variant cold-a.yaml -e 's/stage: exploring, since: 2022-04/stage: mou, since: 2015-04/' \
	-e 's/^dates: .*/dates: {start: 2016-03-01, end: 2016-03-04}/'
variant cold-b.yaml -e 's/stage: exploring, since: 2022-04/stage: mou, since: 2015-04/' \
	-e 's/^dates: .*/dates: {start: 2016-05-01, end: 2016-05-03}/'
run collection-one-file -- --lang en cold-a.yaml
hasnt collection-one-file/no-archive-rules "$WORK/collection-one-file.out" 'archive-cold-partner'
run collection-two-files -- --lang en cold-a.yaml cold-b.yaml
has collection-two-files/archive-rules "$WORK/collection-two-files.out" 'archive-cold-partner'
# A visit with the partner being prepared (planned, not yet over) is what
# the rule asks for: no warning while it is ahead; one long past that never
# took place does not count.  A relationship never visited whose age is not
# said is not claimed to be "more than 2 years" old.
variant cold-c.yaml -e 's/stage: exploring, since: 2022-04/stage: mou, since: 2015-04/' \
	-e 's/^dates: .*/dates: {start: 2026-12-10, end: 2026-12-12}/' -e '$a status: planned'
run collection-cold-visit-ahead -- --lang en --today 2026-11-23 cold-a.yaml cold-b.yaml cold-c.yaml
hasnt collection-cold-visit-ahead/no-warning "$WORK/collection-cold-visit-ahead.out" 'archive-cold-partner'
run collection-cold-visit-ahead-past -- --lang en --today 2027-01-05 cold-a.yaml cold-b.yaml cold-c.yaml
has collection-cold-visit-ahead-past/warned "$WORK/collection-cold-visit-ahead-past.out" 'since 2016-05-03 .*archive-cold-partner'
variant cold-d.yaml -e 's/stage: exploring, since: 2022-04/stage: mou/' \
	-e 's/^dates: .*/dates: {start: 2026-12-10, end: 2026-12-12}/' -e '$a status: planned'
variant cold-e.yaml -e 's/stage: exploring, since: 2022-04/stage: mou/' \
	-e 's/^dates: .*/dates: {start: 2027-12-10, end: 2027-12-12}/' \
	-e '$a status: planned'
run collection-cold-no-since -- --lang en --today 2030-01-01 cold-d.yaml cold-e.yaml
hasnt collection-cold-no-since/no-claim "$WORK/collection-cold-no-since.out" 'archive-cold-partner'
# Every format takes the collection's findings among each file's own,
# though each file's own are held packed until then.
for f in json sarif github junit; do
	run collection-order-$f -- --lang en --format $f dup-id-b.yaml dup-key.yaml cold-a.yaml \
		dup-id-a.yaml cold-b.yaml
	gold collection-order-$f
done

# ---- the office profile: check says when reports would leave it blank ----
run no-office -- --lang en clean.yaml
has no-office/said "$WORK/no-office.err" '^debrief: no office profile \(office: in \.debrief\.yaml\)'
mkdir -p "$WORK/with-office"
cp "$TOP/examples/.debrief.yaml" "$TOP/examples/2017-07-camau-nagasaki.yaml" "$WORK/with-office/"
(cd "$WORK/with-office" && "$DEBRIEF" check --lang en --today 2026-11-23 2017-07-camau-nagasaki.yaml) \
	>"$WORK/with-office.out" 2>"$WORK/with-office.err"
has with-office/checked "$WORK/with-office.out" '^1 file checked'
if grep -q 'office profile' "$WORK/with-office.err"; then fail with-office/not-said "$(cat "$WORK/with-office.err")"
else ok with-office/not-said; fi
