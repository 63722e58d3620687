#!/bin/sh
# debrief new and debrief tasks: the skeleton (golden per language and
# direction, no YAML or schema finding, valid against the record schema,
# never over an existing file), and the task list (goldens per format on
# the bundled examples, the owner filter, month deadlines, files that
# cannot be read, usage errors).
. ../lib.sh
export TZ=UTC SOURCE_DATE_EPOCH=1767225600
PY=/usr/bin/python3
D=$WORK/new
mkdir -p "$D"

# run NAME ARGS...: debrief in $D; sets rc
run() {
	n=$1; shift
	(cd "$D" && "$DEBRIEF" "$@") >"$WORK/$n.out" 2>"$WORK/$n.err"
	rc=$?
	sanitizer_clean "$n/sanitizers" "$WORK/$n.err" || true
}
want_rc() {
	if [ "$rc" = "$2" ]; then ok "$1/exit-$2"; else
		fail "$1/exit-$2" "exited $rc"; head -n 5 "$WORK/$1.err"; fi
}
has() { if grep -qE -- "$3" "$2"; then ok "$1"; else fail "$1" "no '$3' in $2"; fi; }
hasnt() { if grep -qE -- "$3" "$2"; then fail "$1" "'$3' in $2"; else ok "$1"; fi; }

# ---- new ----
for c in "vi outbound" "en outbound" "vi inbound" "en inbound"; do
	set -- $c
	id=2026-01-$1-$2
	run "new-$1-$2" new --lang "$1" --direction "$2" --schema ../schemas/record.schema.json "$id"
	want_rc "new-$1-$2" 0
	golden "new-$1-$2" "expected/new-$1-$2.yaml" "$D/$id.yaml"
	(cd "$D" && "$DEBRIEF" check --lang en "$id.yaml") >"$WORK/new-check.out" 2>&1
	# no YAML or schema error; the warnings left ask for the blanks to fill:
	# the title, the locality and the partner's name, once each
	hasnt "new-$1-$2/no-yaml-or-schema-error" "$WORK/new-check.out" 'error: .*\[(yaml|schema|text)-'
	hasnt "new-$1-$2/only-the-blanks-to-fill" "$WORK/new-check.out" \
		'\[(yaml|schema|text-(legacy-encoding|not-nfc))-'
	has "new-$1-$2/checked" "$WORK/new-check.out" '^1 file checked'
	if [ "$(grep -c '\[text-placeholder\]' "$WORK/new-check.out")" = 3 ] &&
		[ "$(grep -c ':12:9: ' "$WORK/new-check.out")" = 1 ]; then
		ok "new-$1-$2/asks-for-the-blanks"
	else fail "new-$1-$2/asks-for-the-blanks" "$(grep -h 'text-placeholder\|:12:9: ' "$WORK/new-check.out")"; fi
	if "$UNITDIR/yamlload" -q -j "$WORK/new.json" "$D/$id.yaml" >/dev/null 2>&1 &&
		$PY ../schemas/validate.py "$TOP/schemas/record.schema.json" want-valid \
			"new-$1-$2/valid-against-schema=$WORK/new.json" | grep -q '^ok'; then
		ok "new-$1-$2/valid-against-schema"
	else fail "new-$1-$2/valid-against-schema" "the record schema rejects it"; fi
done
run new-default new 2026-01-default
# run from the build tree: the schema of the source tree, found as the
# templates are
has new-default/schema-of-build-tree "$D/2026-01-default.yaml" "^# yaml-language-server: \\\$schema=$(cd "$TOP" && pwd -P)/schemas/record.schema.json\$"
has new-default/today "$D/2026-01-default.yaml" '^dates: \{start: 2026-01-01, end: 2026-01-01\}'
cp "$D/2026-01-default.yaml" "$WORK/before.yaml"
run new-exists new --lang en 2026-01-default
want_rc new-exists 2
has new-exists/message "$WORK/new-exists.err" 'already exists, not overwritten'
if cmp -s "$WORK/before.yaml" "$D/2026-01-default.yaml"; then ok new-exists/untouched; else
	fail new-exists/untouched "the existing file changed"; fi
for u in "bad-id:Trip_1" "bad-direction:--direction sideways x" "no-id:--lang en" \
	"two-ids:a b" "bad-lang:--lang fr x"; do
	n=new-usage-${u%%:*}
	# shellcheck disable=SC2086
	run "$n" new ${u#*:}
	want_rc "$n" 2
done
# an id check rejects (a name Windows gives a device) is refused, for the
# reason check gives
run new-usage-device-id new --lang en con
want_rc new-usage-device-id 2
has new-usage-device-id/reason-of-check "$WORK/new-usage-device-id.err" \
	"^debrief new: 'con' is not a valid id: Windows reserves it for a device, so no file can have that name; use a–z"
ls "$D" >"$WORK/new-files.out"
if [ "$(wc -l <"$WORK/new-files.out")" -eq 5 ]; then ok new-usage/writes-nothing; else
	fail new-usage/writes-nothing "$(tr '\n' ' ' <"$WORK/new-files.out")"; fi
# a record named by its date starts and ends that day, one named by its
# month that month's first day; an id opening with a day or month the
# calendar has not keeps today's
run new-dated new 2027-03-15-hanoi-kr
has new-dated/date-of-the-id "$D/2027-03-15-hanoi-kr.yaml" '^dates: \{start: 2027-03-15, end: 2027-03-15\}'
run new-dated-only new 2027-03-15
has new-dated-only/date-of-the-id "$D/2027-03-15.yaml" '^dates: \{start: 2027-03-15, end: 2027-03-15\}'
run new-dated-impossible new 2027-02-30-hanoi-kr
has new-dated-impossible/today "$D/2027-02-30-hanoi-kr.yaml" '^dates: \{start: 2026-01-01, end: 2026-01-01\}'
run new-dated-leap new 2028-02-29-hanoi-kr
has new-dated-leap/date-of-the-id "$D/2028-02-29-hanoi-kr.yaml" '^dates: \{start: 2028-02-29, end: 2028-02-29\}'
run new-dated-longer new 2027-03-150-x
has new-dated-longer/month-of-the-id "$D/2027-03-150-x.yaml" '^dates: \{start: 2027-03-01, end: 2027-03-01\}'
run new-month new 2027-02-tuyenquang-oita
has new-month/first-day-of-the-month "$D/2027-02-tuyenquang-oita.yaml" '^dates: \{start: 2027-02-01, end: 2027-02-01\}'
run new-month-only new 2027-02
has new-month-only/first-day-of-the-month "$D/2027-02.yaml" '^dates: \{start: 2027-02-01, end: 2027-02-01\}'
run new-month-impossible new 2027-13-hanoi-kr
has new-month-impossible/today "$D/2027-13-hanoi-kr.yaml" '^dates: \{start: 2026-01-01, end: 2026-01-01\}'
# the province or city a word of the id names, as it was named on the
# id's date: a province merged away in 2025 only before; two, or none: the
# blank to fill
new_loc() { # NAME ID WANT
	run "new-locality-$1" new "$2"
	if [ "$(sed -n 's/^  name: //p' "$D/$2.yaml" | head -n 1)" = "$3" ]; then ok "new-locality-$1"; else
		fail "new-locality-$1" "$(grep -A1 '^locality:' "$D/$2.yaml" | tr '\n' ' ')"; fi
}
new_loc outbound 2027-05-nghean-xiengkhouang "Nghệ An"
new_loc inbound 2017-11-nagasaki-camau "Cà Mau"
new_loc before-2025 2023-10-yenbai-valdemarne "Yên Bái"
new_loc merged-away 2026-05-yenbai-valdemarne "(tên tỉnh hoặc thành phố)"
new_loc city 2027-01-hochiminh-osaka "Hồ Chí Minh"
new_loc two 2027-01-hanoi-haiphong "(tên tỉnh hoặc thành phố)"
new_loc run-together 2027-01-tphcm-osaka "Hồ Chí Minh"
new_loc run-together-before-2025 2024-01-brvt-busan "Bà Rịa – Vũng Tàu"
new_loc run-together-merged-away 2026-01-brvt-busan "(tên tỉnh hoặc thành phố)"
# Thừa Thiên Huế became Huế city on 1 January 2025
new_loc hue-before-2025 2024-12-hue-kyoto "Thừa Thiên Huế"
new_loc hue-from-2025 2025-01-hue-kyoto "Huế"
new_loc hue-renamed 2025-03-thuathienhue-kyoto "(tên tỉnh hoặc thành phố)"
new_loc hue-run-together-renamed 2025-03-tthue-kyoto "(tên tỉnh hoặc thành phố)"
(cd "$D" && "$DEBRIEF" check --lang en 2027-05-nghean-xiengkhouang.yaml) >"$WORK/new-loc-check.out" 2>&1
hasnt new-locality/check-takes-it "$WORK/new-loc-check.out" ':12:9: |\[schema-'

# ---- tasks ----
E=$TOP/examples
tasks() { n=$1; shift; (cd "$TOP" && "$DEBRIEF" tasks "$@") >"$WORK/$n.out" 2>"$WORK/$n.err"; rc=$?
	sanitizer_clean "$n/sanitizers" "$WORK/$n.err" || true; }
tasks tasks-vi --today 2026-11-23 --due-within 60 examples
want_rc tasks-vi 0
golden tasks-vi expected/tasks-vi.out "$WORK/tasks-vi.out"
tasks tasks-en --lang en --today 2026-11-23 --due-within 60 examples
golden tasks-en expected/tasks-en.out "$WORK/tasks-en.out"
tasks tasks-md --today 2026-11-23 --due-within 60 --format md examples
golden tasks-md expected/tasks-md.out "$WORK/tasks-md.out"
tasks tasks-json --today 2026-11-23 --due-within 60 --format json examples
golden tasks-json expected/tasks-json.out "$WORK/tasks-json.out"
if $PY -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert list(d) == ["version", "today", "due_within", "tasks", "summary"] and d["version"] == 1
t = d["tasks"]
assert t and all(x["days"] <= 60 for x in t)
assert all(x["overdue"] == (x["days"] < 0) for x in t)
assert d["summary"] == {"overdue": sum(x["overdue"] for x in t),
                        "due_soon": sum(not x["overdue"] for x in t)}
keys = [(x["locality"], x["owner"]) for x in t]
assert keys == sorted(keys, key=lambda k: keys.index(k)), "groups not together"
' "$WORK/tasks-json.out"; then ok tasks-json/shape; else fail tasks-json/shape "wrong shape or counts"; fi
# the manual gives the JSON of tasks and rules with their keys quoted, as
# they are written, and the example of --owner quotes only what is typed
MANWIDTH=250 man -l "$TOP/man/debrief.1" 2>/dev/null | col -b | tr '\n\t' '  ' | tr -s ' ' >"$WORK/man1.txt"
manual_shows() { if grep -qF -- "$2" "$WORK/man1.txt"; then ok "commands/manual-shows/$1"; else
	fail "commands/manual-shows/$1" "the rendered manual lacks $2"; fi; }
manual_shows tasks-json '{"version": 1, "today", "due_within", "tasks": [{"locality", "owner", "task", "id", "record", "file", "line", "column", "due", "days", "overdue", "status"}, ...], "summary": {"overdue", "due_soon"}}'
manual_shows rules-json '{"version": 1, "rules": [{"id", "severity", "guidance", "group", "when"}, ...]}'
manual_shows tasks-owner-example "(‘nong nghiep’ finds “Sở Nông nghiệp và Môi trường”)"
# a quotation closes where the quoted words end, not a sentence later
manual_shows quote-closes-after-local-name 'both give “경기도”), each shown by the name'
manual_shows quote-closes-after-each-id "(‘2027-02-30-…’, ‘2027-13-…’) gets today's"
# the Markdown is one table per department and renders
if "$DEBRIEF_PLAIN" pdf -o "$WORK/tasks.pdf" "$WORK/tasks-md.out" >/dev/null 2>&1; then
	ok tasks-md/renders; else fail tasks-md/renders "debrief pdf failed on it"; fi

tasks tasks-owner --lang en --today 2026-11-23 --due-within 3000 --owner "cong thuong" examples
if grep -q '^  ' "$WORK/tasks-owner.out" && ! grep '^  [^ ]' "$WORK/tasks-owner.out" |
	grep -qv 'Department of Industry and Trade'; then ok tasks-owner/only-that-department; else
	fail tasks-owner/only-that-department "$(grep '^  [^ ]' "$WORK/tasks-owner.out" | head -n 3)"; fi
# Hồ Chí Minh City named as officials write it, in both languages
mkdir -p "$WORK/hcm"
printf 'schema: debrief/1\nid: 2026-03-hcm-vientiane\ntitle: t\ndirection: inbound\ndates: {start: 2026-03-10, end: 2026-03-12}\nlocality: {name: Hồ Chí Minh}\npartners: [{name: Viêng Chăn, country: LA}]\ntasks:\n  - {task: Soạn dự thảo, owner: Sở Công Thương, due: 2026-04-01}\n' >"$WORK/hcm/a.yaml"
tasks tasks-hcm --today 2026-04-10 "$WORK/hcm"
has tasks-hcm/city-as-officials-write-it "$WORK/tasks-hcm.out" '^TP\. Hồ Chí Minh$'
tasks tasks-hcm-en --lang en --today 2026-04-10 --format md "$WORK/hcm"
has tasks-hcm-en/city-in-english "$WORK/tasks-hcm-en.out" '^## Ho Chi Minh City$'
tasks tasks-none --lang en --today 2000-01-01 examples
has tasks-none/says-so "$WORK/tasks-none.out" '^As of 1 January 2000, no task is overdue or due within 14 days\.$'

# The most overdue work first: the locality with the most overdue task
# (Lào Cai, a Yên Bái record 2563 days late) before An Giang, and in An
# Giang the department 1039 days late before the one 6 days late.
mkdir -p "$WORK/ord"
printf 'schema: debrief/1\nid: 2019-05-angiang-x\ntitle: An Giang visit\ndirection: outbound\ndates: {start: 2019-05-02, end: 2019-05-03}\nlocality: {name: An Giang}\npartners: [{name: Sakai, country: JP}]\ntasks:\n  - {task: Build the hall, owner: Sở Xây dựng, due: 2026-12-01}\n  - {task: Send the doctors, owner: Sở Y tế, due: 2024-02-02}\n' >"$WORK/ord/a.yaml"
printf 'schema: debrief/1\nid: 2019-05-yenbai-x\ntitle: Yên Bái visit\ndirection: outbound\ndates: {start: 2019-05-02, end: 2019-05-03}\nlocality: {name: Yên Bái}\npartners: [{name: Sakai, country: JP}]\ntasks:\n  - {task: Plant the cinnamon, owner: Sở Nông nghiệp và Môi trường, due: 2019-12-01}\n' >"$WORK/ord/b.yaml"
tasks tasks-most-overdue-first --lang en --today 2026-12-07 "$WORK/ord"
grep -v '^    ' "$WORK/tasks-most-overdue-first.out" | grep . | tr '\n' '|' >"$WORK/tasks-order.out"
if [ "$(cat "$WORK/tasks-order.out")" = 'Lao Cai|  Department of Agriculture and Environment|An Giang|  Department of Health|  Department of Construction|As of 7 December 2026: 3 tasks overdue, 0 due within 14 days.|' ]
then ok tasks-most-overdue-first; else fail tasks-most-overdue-first "$(cat "$WORK/tasks-order.out")"; fi

# A department is named as the archive's register names it: in the spelling
# the collection's open tasks write most often (here one that is not due
# yet), not in that of its task listed first, and with its spaces squeezed.
mkdir -p "$WORK/sp"
printf 'schema: debrief/1\nid: 2024-05-danang-x\ntitle: Đà Nẵng visit\ndirection: outbound\ndates: {start: 2024-05-02, end: 2024-05-03}\nlocality: {name: Đà Nẵng}\npartners: [{name: Daegu, country: KR}]\ntasks:\n  - {task: Send the workers home, owner: "sở  nội vụ ", due: 2025-10-31}\n  - {task: Sign phase two, owner: Sở Nội vụ, due: 2027-01-31}\n' >"$WORK/sp/a.yaml"
printf 'schema: debrief/1\nid: 2024-06-nghean-x\ntitle: Nghệ An visit\ndirection: outbound\ndates: {start: 2024-06-02, end: 2024-06-03}\nlocality: {name: Nghệ An}\npartners: [{name: Miyazaki, country: JP}]\ntasks:\n  - {task: Train the nurses, owner: Sở Nội vụ}\n' >"$WORK/sp/b.yaml"
tasks tasks-spelling --lang vi --today 2026-12-07 "$WORK/sp"
"$DEBRIEF" archive --today 2026-12-07 --lang vi --format md -o "$WORK/sp-archive" "$WORK/sp" >/dev/null 2>&1
if grep -qx '  Sở Nội vụ' "$WORK/tasks-spelling.out" && ! grep -q 'sở' "$WORK/tasks-spelling.out" &&
	grep -qF '[Sở Nội vụ (Đà Nẵng)]' "$WORK/sp-archive/tasks.md"; then
	ok tasks-spelling/as-the-register; else
	fail tasks-spelling/as-the-register "$(grep '^  [^ ]' "$WORK/tasks-spelling.out")"; fi

# The people's committee's office named three ways ("Văn phòng UBND tỉnh",
# "Văn phòng Ủy ban nhân dân tỉnh", with the province) is one department,
# in English the Office of the Provincial People's Committee.
mkdir -p "$WORK/vp"
for i in 1 2 3; do
	case $i in 1) o='Văn phòng UBND tỉnh' ;; 2) o='Văn phòng Ủy ban nhân dân tỉnh' ;; 3) o='Văn phòng UBND tỉnh Gia Lai' ;; esac
	printf 'schema: debrief/1\nid: 2026-0%d-gialai-x\ntitle: Gia Lai visit\ndirection: outbound\ndates: {start: 2026-0%d-02, end: 2026-0%d-03}\nlocality: {name: Gia Lai}\npartners: [{name: Sakai, country: JP}]\ntasks:\n  - {task: Việc %d, owner: %s, due: 2026-12-01}\n' \
		$i $i $i $i "$o" >"$WORK/vp/r$i.yaml"
done
tasks tasks-committee-office --lang en --today 2026-12-07 "$WORK/vp"
if [ "$(grep -c '^  [^ ]' "$WORK/tasks-committee-office.out")" = 1 ] &&
	grep -qx "  Office of the Provincial People's Committee" "$WORK/tasks-committee-office.out" &&
	[ "$(grep -c '^    ' "$WORK/tasks-committee-office.out")" = 3 ]
then ok tasks-committee-office/one-department
else fail tasks-committee-office/one-department "$(cat "$WORK/tasks-committee-office.out")"; fi

# A department is named as its own locality's records write it, never
# by a spelling naming another locality ("Bộ Chỉ huy Quân sự thành phố
# Hải Phòng" under Lào Cai).
mkdir -p "$WORK/unitword"
printf 'schema: debrief/1\nid: 2026-03-laocai-x\ntitle: t\ndirection: outbound\ndates: {start: 2026-03-24, end: 2026-03-26}\nlocality: {name: Lào Cai}\npartners: [{name: Vân Nam, country: CN}]\ntasks:\n  - {task: a, owner: Bộ Chỉ huy Quân sự tỉnh Lào Cai, due: 2026-04-01}\n  - {task: b, owner: Ban Quản lý Khu kinh tế tỉnh, due: 2026-04-02}\n  - {task: c, owner: Sở Công Thương tỉnh, due: 2026-04-03}\n' >"$WORK/unitword/a.yaml"
printf 'schema: debrief/1\nid: 2026-03-haiphong-x\ntitle: t\ndirection: outbound\ndates: {start: 2026-03-24, end: 2026-03-26}\nlocality: {name: Hải Phòng}\npartners: [{name: Vân Nam, country: CN}]\ntasks:\n  - {task: d, owner: Bộ Chỉ huy Quân sự thành phố Hải Phòng, due: 2026-04-04}\n' >"$WORK/unitword/b.yaml"
tasks tasks-body-with-unit-word-vi --today 2026-12-07 "$WORK/unitword"
grep -v '^    ' "$WORK/tasks-body-with-unit-word-vi.out" | grep -v '^Tính đến' | grep . | tr '\n' '|' >"$WORK/unitword-vi.out"
if [ "$(cat "$WORK/unitword-vi.out")" = 'Lào Cai|  Bộ Chỉ huy Quân sự tỉnh Lào Cai|  Ban Quản lý Khu kinh tế tỉnh|  Sở Công Thương tỉnh|Hải Phòng|  Bộ Chỉ huy Quân sự thành phố Hải Phòng|' ]
then ok tasks-body-with-unit-word/own-locality-spelling; else fail tasks-body-with-unit-word/own-locality-spelling "$(cat "$WORK/unitword-vi.out")"; fi
# In English such a body, written with its province or its unit word
# alone ("Bộ Chỉ huy Quân sự tỉnh Lào Cai", "Ban Quản lý Khu kinh tế
# tỉnh"), is named as the usual body it is, the province's if there is
# one, as the archive's register names it; in a city, the city's ("City
# Military Command").
tasks tasks-body-with-unit-word --lang en --today 2026-12-07 "$WORK/unitword"
grep -v '^    ' "$WORK/tasks-body-with-unit-word.out" | grep -v '^As of' | grep . | tr '\n' '|' >"$WORK/unitword.out"
if [ "$(cat "$WORK/unitword.out")" = 'Lao Cai|  Provincial Military Command|  Economic Zone Management Board|  Department of Industry and Trade|Hai Phong|  City Military Command|' ]
then ok tasks-body-with-unit-word/in-english; else fail tasks-body-with-unit-word/in-english "$(cat "$WORK/unitword.out")"; fi
# A city's: its people's committee written with the bare word of its
# unit ("UBND TP") is the City People's Committee in English, and a
# department written with the city's abbreviation ("Sở Du lịch TP.HCM")
# names its locality, so the register does not name it again after it.
mkdir -p "$WORK/citybody"
printf 'schema: debrief/1\nid: 2026-05-hcm-x\ntitle: t\ndirection: inbound\ndates: {start: 2026-05-20, end: 2026-05-22}\nlocality: {name: TP.HCM}\npartners: [{name: Osaka, country: JP}]\ntasks:\n  - {task: a, owner: UBND TP, due: 2026-06-01}\n  - {task: b, owner: Sở Du lịch TP.HCM, due: 2026-06-02}\n' >"$WORK/citybody/a.yaml"
tasks tasks-city-body --lang en --today 2026-12-07 "$WORK/citybody"
(cd "$WORK/citybody" && "$DEBRIEF" archive -o "$WORK/citybody-archive" --today 2026-12-07 a.yaml) >/dev/null 2>&1
if grep -qx "  City People's Committee" "$WORK/tasks-city-body.out" &&
	grep -qF '[Sở Du lịch TP.HCM](' "$WORK/citybody-archive/tasks.md" &&
	! grep -qF 'TP.HCM (' "$WORK/citybody-archive/tasks.md"
then ok tasks-city-body/named-as-the-city-s; else fail tasks-city-body/named-as-the-city-s "$(cat "$WORK/tasks-city-body.out") $(grep '^| \[' "$WORK/citybody-archive/tasks.md")"; fi

# A city inside a province is not the province: "UBND thành phố Hà Tiên"
# is that city's committee, not the province's "UBND tỉnh", in its own
# line; in English each by its English name.
mkdir -p "$WORK/citycommittee"
printf 'schema: debrief/1\nid: 2024-03-kiengiang-kep\ntitle: t\ndirection: outbound\ndates: {start: 2024-03-10, end: 2024-03-12}\nlocality: {name: Kiên Giang}\npartners: [{name: Kep, country: KH}]\ntasks:\n  - {task: a, owner: UBND thành phố Hà Tiên, due: 2024-04-01}\n  - {task: b, owner: UBND tỉnh, due: 2024-04-01}\n' >"$WORK/citycommittee/a.yaml"
tasks tasks-city-committee-apart --today 2026-05-01 "$WORK/citycommittee"
grep -v '^    ' "$WORK/tasks-city-committee-apart.out" | grep -v '^Tính đến' | grep . | tr '\n' '|' >"$WORK/citycommittee-vi.out"
if [ "$(cat "$WORK/citycommittee-vi.out")" = 'An Giang|  UBND tỉnh|  UBND thành phố Hà Tiên|' ]
then ok tasks-city-committee-apart/own-line; else fail tasks-city-committee-apart/own-line "$(cat "$WORK/citycommittee-vi.out")"; fi
tasks tasks-city-committee-apart-en --lang en --today 2026-05-01 "$WORK/citycommittee"
grep -v '^    ' "$WORK/tasks-city-committee-apart-en.out" | grep -v '^As of' | grep . | tr '\n' '|' >"$WORK/citycommittee-en.out"
if [ "$(cat "$WORK/citycommittee-en.out")" = "An Giang|  Provincial People's Committee|  Ha Tien City People's Committee|" ]
then ok tasks-city-committee-apart/in-english; else fail tasks-city-committee-apart/in-english "$(cat "$WORK/citycommittee-en.out")"; fi

# A locality that is no province or city is one whether or not a record
# writes "Tỉnh" before it, named as its earliest record writes it: as the
# archive's register groups and names it.
mkdir -p "$WORK/unk"
printf 'schema: debrief/1\nid: 2024-02-x\ntitle: t\ndirection: outbound\ndates: {start: 2024-02-02, end: 2024-02-03}\nlocality: {name: Xuân Lộc}\npartners: [{name: Sakai, country: JP}]\ntasks:\n  - {task: Write, owner: Sở Ngoại vụ, due: 2026-11-01}\n' >"$WORK/unk/a.yaml"
printf 'schema: debrief/1\nid: 2024-01-x\ntitle: t\ndirection: outbound\ndates: {start: 2024-01-02, end: 2024-01-03}\nlocality: {name: Tỉnh Xuân Lộc}\npartners: [{name: Sakai, country: JP}]\ntasks:\n  - {task: Call, owner: Sở Ngoại vụ, due: 2026-10-01}\n' >"$WORK/unk/b.yaml"
tasks tasks-unknown-locality --lang en --today 2026-12-07 "$WORK/unk"
"$DEBRIEF" archive --today 2026-12-07 --lang en --format md -o "$WORK/unk-archive" "$WORK/unk" >/dev/null 2>&1
if [ "$(grep -v '^ ' "$WORK/tasks-unknown-locality.out" | grep -v '^As of' | grep .)" = 'Tỉnh Xuân Lộc' ] &&
	grep -q '^## Tỉnh Xuân Lộc — 2 tasks, 2 overdue$' "$WORK/unk-archive/tasks.md"; then
	ok tasks-unknown-locality/as-the-register; else
	fail tasks-unknown-locality/as-the-register "$(grep -v '^ ' "$WORK/tasks-unknown-locality.out" | tr '\n' '|')"; fi

# Two records with one id: the later is refused, with the words of check,
# archive and report, and its tasks are not listed (the register has
# none of them); exit status 2.
mkdir -p "$WORK/dupid"
printf 'schema: debrief/1\nid: 2024-01-hue-dup\ntitle: t\ndirection: outbound\ndates: {start: 2024-01-02, end: 2024-01-03}\nlocality: {name: Huế}\npartners: [{name: Sakai, country: JP}]\ntasks:\n  - {task: Write the letter, owner: Sở Ngoại vụ, due: 2026-12-01}\n' >"$WORK/dupid/a.yaml"
sed 's/Write the letter/Send the gifts/' "$WORK/dupid/a.yaml" >"$WORK/dupid/b.yaml"
tasks tasks-duplicate-id --lang en --today 2026-12-07 "$WORK/dupid"
want_rc tasks-duplicate-id 2
has tasks-duplicate-id/said "$WORK/tasks-duplicate-id.err" "^$WORK/dupid/b.yaml:2:5: error: id '2024-01-hue-dup' is already used by $WORK/dupid/a.yaml: give this record an id of its own, or remove this file if it is a copy of that one \\[schema-duplicate-id\\]\$"
if grep -q 'Write the letter' "$WORK/tasks-duplicate-id.out" && ! grep -q 'Send the gifts' "$WORK/tasks-duplicate-id.out"
then ok tasks-duplicate-id/later-left-out; else
	fail tasks-duplicate-id/later-left-out "$(grep '^    ' "$WORK/tasks-duplicate-id.out")"; fi

# A record without an id is named, and its tasks are not listed (the
# register has none of them either); the others are; exit status 2.
mkdir -p "$WORK/noid"
grep -v '^id:' "$WORK/dupid/b.yaml" >"$WORK/noid/b.yaml"
cp "$WORK/dupid/a.yaml" "$WORK/noid/a.yaml"
tasks tasks-no-id --lang en --today 2026-12-07 "$WORK/noid"
want_rc tasks-no-id 2
# its own finding at its line and column, as check gives it, then a line
# saying its tasks are not listed, no second finding without a place
has tasks-no-id/said-at-its-place "$WORK/tasks-no-id.err" "^$WORK/noid/b.yaml:1:1: error: missing required field 'id' .*\\[schema-required\\]\$"
has tasks-no-id/said "$WORK/tasks-no-id.err" "^debrief: $WORK/noid/b.yaml: the record has no valid id, so its tasks are not listed\$"
if [ "$(grep -c '\[schema-required\]$' "$WORK/tasks-no-id.err")" = 1 ]; then ok tasks-no-id/one-finding
else fail tasks-no-id/one-finding "$(cat "$WORK/tasks-no-id.err")"; fi
if grep -q 'Write the letter' "$WORK/tasks-no-id.out" && ! grep -q 'Send the gifts' "$WORK/tasks-no-id.out"
then ok tasks-no-id/others-listed; else
	fail tasks-no-id/others-listed "$(grep '^    ' "$WORK/tasks-no-id.out")"; fi

# A task whose status the record got wrong is listed, its status unknown,
# never as open and overdue (as in the archive's register).
printf 'schema: debrief/1\nid: 2024-01-hue-x\ntitle: x\ndirection: outbound\ndates: {start: 2024-01-02, end: 2024-01-03}\nlocality: {name: Huế}\npartners: [{name: Sakai, country: JP}]\ntasks:\n  - {task: Send the minutes, owner: Sở Ngoại vụ, due: 2024-06-30, status: finished}\n' >"$WORK/miswritten.yaml"
tasks tasks-miswritten --lang en --today 2026-12-07 "$WORK/miswritten.yaml"
has tasks-miswritten/status-unknown "$WORK/tasks-miswritten.out" '^    deadline passed 890 days ago \(deadline 30 Jun 2024\): Send the minutes \[2024-01-hue-x T1, unknown \(miswritten\)\]'
has tasks-miswritten/not-counted-overdue "$WORK/tasks-miswritten.out" '^As of 7 December 2026: 0 tasks overdue, 0 due within 14 days, 1 past the deadline with a miswritten status\.$'
tasks tasks-miswritten-json --format json --today 2026-12-07 "$WORK/miswritten.yaml"
has tasks-miswritten/json "$WORK/tasks-miswritten-json.out" '"overdue": false, "status": null\}$'

# A deadline given as a month runs to its last day.
mkdir -p "$WORK/m"
sed -e 's/^    due: .*/    due: 2026-03/' "$TOP/tests/check/in/clean.yaml" >"$WORK/m/month.yaml"
tasks tasks-month-last-day --lang en --today 2026-03-31 --due-within 0 "$WORK/m/month.yaml"
has tasks-month/due-today "$WORK/tasks-month-last-day.out" 'due today \(deadline Mar 2026\)'
tasks tasks-month-after --lang en --today 2026-04-01 --due-within 0 "$WORK/m/month.yaml"
has tasks-month/overdue-next-day "$WORK/tasks-month-after.out" 'overdue by 1 day \(deadline Mar 2026\)'

# A file that cannot be read: reported, exit 2, the others still listed.
tasks tasks-missing --lang en --today 2026-11-23 --due-within 60 examples/nosuch.yaml examples
want_rc tasks-missing 2
has tasks-missing/message "$WORK/tasks-missing.err" '^debrief: examples/nosuch.yaml: '
if cmp -s "$WORK/tasks-missing.out" "$WORK/tasks-en.out"; then ok tasks-missing/others-listed; else
	fail tasks-missing/others-listed "output differs from the run without the missing file"; fi
printf 'id: [broken\n' >"$WORK/m/broken.yaml"
# a path met again (a file named twice, a directory and a file in it) is
# read once, as by check, report and archive
tasks tasks-repeated --lang en --today 2026-11-23 --due-within 60 examples examples/2024-12-haiphong-kitakyushu.yaml examples
want_rc tasks-repeated 0
if cmp -s "$WORK/tasks-repeated.out" "$WORK/tasks-en.out"; then ok tasks-repeated/listed-once; else
	fail tasks-repeated/listed-once "output differs from the run naming each file once"; fi
tasks tasks-broken --lang en --today 2026-11-23 "$WORK/m/broken.yaml"
want_rc tasks-broken 2
has tasks-broken/position "$WORK/tasks-broken.err" 'broken.yaml:[0-9]+:[0-9]+: error: '

for u in "bad-days:--due-within -3 examples" "bad-days-word:--due-within soon examples" \
	"bad-format:--format xml examples" "no-path:--due-within 3" "bad-today:--today 2026-02-30 examples"; do
	n=tasks-usage-${u%%:*}
	# shellcheck disable=SC2086
	tasks "$n" ${u#*:}
	want_rc "$n" 2
done

# owner_aliases of the configuration merge another name of a department
mkdir -p "$WORK/al"
cp "$E"/*.yaml "$WORK/al/"
printf 'owner_aliases:\n  Sở Nông nghiệp và Môi trường: Sở Nông nghiệp và Phát triển nông thôn\n' \
	>"$WORK/al/.debrief.yaml"
tasks tasks-aliases --lang en --today 2026-11-23 --due-within 60 "$WORK/al"
if grep -q 'Department of Agriculture and Rural Development' "$WORK/tasks-aliases.out" &&
	! grep -q 'Department of Agriculture and Environment' "$WORK/tasks-aliases.out"; then
	ok tasks-aliases/merged; else fail tasks-aliases/merged "the alias is listed on its own"; fi
# the JSON keeps the owner as the record writes it, and --owner finds a
# task by that name as well as by its department's
tasks tasks-aliases-json --format json --today 2026-11-23 --due-within 60 "$WORK/al"
has tasks-aliases/json-owner-as-written "$WORK/tasks-aliases-json.out" '"owner": "Sở Nông nghiệp và Môi trường"'
tasks tasks-aliases-owner --lang en --today 2026-11-23 --due-within 60 --owner "moi truong" "$WORK/al"
has tasks-aliases/owner-by-written-name "$WORK/tasks-aliases-owner.out" '^  Department of Agriculture and Rural Development$'
# --owner typed as the other name owner_aliases gives a department finds
# all of that department's tasks, not only those written with that name
tasks tasks-aliases-owner-alias --lang en --today 2026-11-23 --due-within 60 \
	--owner "Sở Nông nghiệp và Môi trường" "$WORK/al"
tasks tasks-aliases-owner-canon --lang en --today 2026-11-23 --due-within 60 \
	--owner "Sở Nông nghiệp và Phát triển nông thôn" "$WORK/al"
if [ "$(grep -c '^    ' "$WORK/tasks-aliases-owner-canon.out")" -gt 1 ] &&
	cmp -s "$WORK/tasks-aliases-owner-alias.out" "$WORK/tasks-aliases-owner-canon.out"
then ok tasks-aliases/owner-by-alias-finds-the-department
else fail tasks-aliases/owner-by-alias-finds-the-department \
	"$(grep -c '^    ' "$WORK/tasks-aliases-owner-alias.out") of $(grep -c '^    ' "$WORK/tasks-aliases-owner-canon.out") tasks"; fi
# an alias names its department with the record's own province too: "Sở
# Nông nghiệp và Môi trường tỉnh Lào Cai" in a record of Lào Cai is the
# department "Sở Nông nghiệp và Môi trường" is another name of
mkdir -p "$WORK/al-own"
cp "$WORK/al/"*.yaml "$WORK/al/.debrief.yaml" "$WORK/al-own/"
sed -i 's/^    owner: Sở Nông nghiệp và Môi trường$/& tỉnh Lào Cai/' \
	"$WORK/al-own/2026-05-valdemarne-laocai.yaml"
tasks tasks-aliases-own-province --lang en --today 2026-11-23 --due-within 60 "$WORK/al-own"
if grep -q 'Môi trường tỉnh Lào Cai' "$WORK/al-own/2026-05-valdemarne-laocai.yaml" &&
	[ "$(grep -c '^  Department of Agriculture and Rural Development$' "$WORK/tasks-aliases-own-province.out")" = 1 ] &&
	! grep -q '^  .*Environment' "$WORK/tasks-aliases-own-province.out"
then ok tasks-aliases/alias-with-own-province
else fail tasks-aliases/alias-with-own-province "$(grep '^  [^ ]' "$WORK/tasks-aliases-own-province.out")"; fi
# an owner naming two departments (one with a comma in its own name) is a task of each,
# listed under each as the archive's register lists it; the summary and
# the JSON count it once
mkdir -p "$WORK/joint"
printf '%s\n' 'schema: debrief/1' 'id: 2025-03-danang-sakai' 'title: Đoàn Đà Nẵng thăm Sakai' \
	'direction: outbound' 'dates: {start: 2025-03-03, end: 2025-03-06}' \
	'locality: {name: Đà Nẵng, kind: city}' 'partners: [{name: Sakai, country: JP, kind: city}]' \
	'tasks: [{task: Tổ chức tuần văn hóa, owner: "Sở Văn hóa, Thể thao và Du lịch, Sở Ngoại vụ",' \
	'  due: 2025-06-30}]' >"$WORK/joint/2025-03-danang-sakai.yaml"
tasks tasks-joint --lang en --today 2026-11-23 "$WORK/joint"
tasks tasks-joint-json --format json --today 2026-11-23 "$WORK/joint"
tasks tasks-joint-owner --lang en --today 2026-11-23 --owner 'ngoai vu' "$WORK/joint"
if [ "$(grep -c '^  Department of Foreign Affairs$\|^  Department of Culture, Sports and Tourism$' "$WORK/tasks-joint.out")" = 2 ] &&
	[ "$(grep -c '^    overdue' "$WORK/tasks-joint.out")" = 2 ] &&
	grep -q ': 1 task overdue, 0 due' "$WORK/tasks-joint.out" &&
	[ "$(grep -c '"task": ' "$WORK/tasks-joint-json.out")" = 1 ] &&
	grep -q '"summary": {"overdue": 1,' "$WORK/tasks-joint-json.out" &&
	[ "$(grep -c '^  ' "$WORK/tasks-joint-owner.out")" = 2 ] &&
	grep -q '^  Department of Foreign Affairs$' "$WORK/tasks-joint-owner.out"
then ok tasks-joint-owner/under-each-counted-once
else fail tasks-joint-owner/under-each-counted-once "$(cat "$WORK/tasks-joint.out" "$WORK/tasks-joint-owner.out")"; fi
# a department typed in small letters ("sở ngoại vụ") is named as
# Vietnamese writes it, in tasks as in the archive's register and the report;
# its page still lists the spelling as the records write it
mkdir -p "$WORK/small"
sed 's/owner: "Sở Văn hóa, Thể thao và Du lịch, Sở Ngoại vụ",/owner: sở ngoại vụ,/' \
	"$WORK/joint/2025-03-danang-sakai.yaml" >"$WORK/small/2025-03-danang-sakai.yaml"
tasks tasks-small-letters --today 2026-11-23 "$WORK/small"
"$DEBRIEF" archive -o "$WORK/small-arc" --format md --today 2026-11-23 "$WORK/small" >/dev/null 2>&1
if grep -q 'owner: sở ngoại vụ,' "$WORK/small/2025-03-danang-sakai.yaml" &&
	grep -qx '  Sở Ngoại vụ' "$WORK/tasks-small-letters.out" &&
	grep -q '^| \[Sở Ngoại vụ (Đà Nẵng)\]' "$WORK/small-arc/tasks.md" &&
	grep -qx '# Nhiệm vụ còn mở: Sở Ngoại vụ (Đà Nẵng)' "$WORK/small-arc/tasks/so-ngoai-vu-da-nang.md" &&
	grep -q '^Cách ghi trong hồ sơ: “sở ngoại vụ” (1)$' "$WORK/small-arc/tasks/so-ngoai-vu-da-nang.md"
then ok tasks-small-letters/department-capitalised
else fail tasks-small-letters/department-capitalised "$(cat "$WORK/tasks-small-letters.out")"; fi
# a department a record in English names in English ("Department of
# Foreign Affairs") is the one another record names in Vietnamese: one
# department, named as Vietnamese writes it, in tasks as in the register
mkdir -p "$WORK/en-dept"
cp "$WORK/small/2025-03-danang-sakai.yaml" "$WORK/en-dept/"
sed -e 's/owner: sở ngoại vụ,/owner: Department of Foreign Affairs,/' \
	-e 's/2025-03-danang-sakai/2025-04-danang-sakai/' -e 's/2025-06-30/2025-07-31/' \
	"$WORK/small/2025-03-danang-sakai.yaml" >"$WORK/en-dept/2025-04-danang-sakai.yaml"
tasks tasks-english-department --today 2026-11-23 "$WORK/en-dept"
"$DEBRIEF" archive -o "$WORK/en-dept-arc" --format md --today 2026-11-23 "$WORK/en-dept" >/dev/null 2>&1
if grep -q 'owner: Department of Foreign Affairs,' "$WORK/en-dept/2025-04-danang-sakai.yaml" &&
	[ "$(grep -c '^  [^ ]' "$WORK/tasks-english-department.out")" = 1 ] &&
	grep -qx '  Sở Ngoại vụ' "$WORK/tasks-english-department.out" &&
	[ "$(grep -c '^    ' "$WORK/tasks-english-department.out")" = 2 ] &&
	grep -q '^| \[Sở Ngoại vụ (Đà Nẵng)\]' "$WORK/en-dept-arc/tasks.md" &&
	! grep -q 'Department of Foreign Affairs (Đà Nẵng)' "$WORK/en-dept-arc/tasks.md"
then ok tasks-english-department/one-department
else fail tasks-english-department/one-department "$(cat "$WORK/tasks-english-department.out")"; fi
# the same when the record in Vietnamese writes the department with its
# city ("Sở Ngoại vụ thành phố Đà Nẵng"): a Vietnamese page and the
# findings name it in Vietnamese, not as the record in English wrote it
mkdir -p "$WORK/en-dept-city"
cp "$WORK/en-dept/2025-04-danang-sakai.yaml" "$WORK/en-dept-city/"
sed 's/owner: sở ngoại vụ,/owner: Sở Ngoại vụ thành phố Đà Nẵng,/' \
	"$WORK/small/2025-03-danang-sakai.yaml" >"$WORK/en-dept-city/2025-03-danang-sakai.yaml"
tasks tasks-english-department-city --today 2026-11-23 "$WORK/en-dept-city"
"$DEBRIEF" archive -o "$WORK/en-dept-city-arc" --format md --today 2026-11-23 "$WORK/en-dept-city" \
	>/dev/null 2>"$WORK/en-dept-city-arc.err"
if grep -q 'owner: Sở Ngoại vụ thành phố Đà Nẵng,' "$WORK/en-dept-city/2025-03-danang-sakai.yaml" &&
	[ "$(grep -c '^  [^ ]' "$WORK/tasks-english-department-city.out")" = 1 ] &&
	grep -qx '  Sở Ngoại vụ' "$WORK/tasks-english-department-city.out" &&
	grep -q '^| \[Sở Ngoại vụ (Đà Nẵng)\](tasks/so-ngoai-vu-da-nang.md)' "$WORK/en-dept-city-arc/tasks.md" &&
	grep -q ': info: Sở Ngoại vụ (Đà Nẵng) có 2 nhiệm vụ quá hạn' "$WORK/en-dept-city-arc.err" &&
	! grep -q 'Department of Foreign Affairs (Đà Nẵng)' "$WORK/en-dept-city-arc/tasks.md" "$WORK/en-dept-city-arc.err"
then ok tasks-english-department/vietnamese-name-with-city
else fail tasks-english-department/vietnamese-name-with-city "$(cat "$WORK/tasks-english-department-city.out" "$WORK/en-dept-city-arc.err")"; fi
# and a record in English that names the department with its city as
# English does ("Department of Foreign Affairs of Da Nang city") names
# that same department, not a second one of the city
mkdir -p "$WORK/en-dept-of"
cp "$WORK/small/2025-03-danang-sakai.yaml" "$WORK/en-dept-of/"
sed 's/owner: Department of Foreign Affairs,/owner: Department of Foreign Affairs of Da Nang city,/' \
	"$WORK/en-dept/2025-04-danang-sakai.yaml" >"$WORK/en-dept-of/2025-04-danang-sakai.yaml"
tasks tasks-english-department-of --lang en --today 2026-11-23 "$WORK/en-dept-of"
"$DEBRIEF" archive -o "$WORK/en-dept-of-arc" --format md --today 2026-11-23 "$WORK/en-dept-of" >/dev/null 2>&1
if grep -q 'owner: Department of Foreign Affairs of Da Nang city,' "$WORK/en-dept-of/2025-04-danang-sakai.yaml" &&
	[ "$(grep -c '^  [^ ]' "$WORK/tasks-english-department-of.out")" = 1 ] &&
	grep -qx '  Department of Foreign Affairs' "$WORK/tasks-english-department-of.out" &&
	[ "$(grep -c '^| \[' "$WORK/en-dept-of-arc/tasks.md")" = 1 ] &&
	grep -q '^| \[Sở Ngoại vụ (Đà Nẵng)\](tasks/so-ngoai-vu-da-nang.md).* | 2 | 2 |$' "$WORK/en-dept-of-arc/tasks.md"
then ok tasks-english-department/with-city-in-english
else fail tasks-english-department/with-city-in-english "$(cat "$WORK/tasks-english-department-of.out")"; fi
# a consulate a record in English puts in charge of a task ("Consulate
# General of Viet Nam in Kunming") and another record names as its
# representative agency in Vietnamese ("... tại Côn Minh") is named on
# Vietnamese pages as its dossier is, not "tại Kunming"
mkdir -p "$WORK/ag-owner"
sed -e 's/owner: "Sở Văn hóa, Thể thao và Du lịch, Sở Ngoại vụ",/owner: Consulate General of Viet Nam in Kunming,/' \
	"$WORK/joint/2025-03-danang-sakai.yaml" >"$WORK/ag-owner/2025-03-danang-sakai.yaml"
sed -e 's/^id: .*/id: 2025-04-danang-sakai/' \
	-e 's/^direction: outbound/&\nagency: {name: Tổng Lãnh sự quán Việt Nam tại Côn Minh, kind: consulate}/' \
	"$WORK/joint/2025-03-danang-sakai.yaml" >"$WORK/ag-owner/2025-04-danang-sakai.yaml"
tasks tasks-agency-owner --today 2026-11-23 "$WORK/ag-owner"
"$DEBRIEF" archive -o "$WORK/ag-owner-arc" --format md --today 2026-11-23 "$WORK/ag-owner" >/dev/null 2>&1
if grep -q '^agency: {name: Tổng Lãnh sự quán Việt Nam tại Côn Minh' "$WORK/ag-owner/2025-04-danang-sakai.yaml" &&
	grep -qx '  Tổng Lãnh sự quán Việt Nam tại Côn Minh' "$WORK/tasks-agency-owner.out" &&
	grep -q '^| \[Tổng Lãnh sự quán Việt Nam tại Côn Minh (Đà Nẵng)\]' "$WORK/ag-owner-arc/tasks.md" &&
	! grep -q 'Kunming' "$WORK/ag-owner-arc/tasks.md" "$WORK/tasks-agency-owner.out"
then ok tasks-agency-owner/named-as-its-dossier
else fail tasks-agency-owner/named-as-its-dossier "$(cat "$WORK/tasks-agency-owner.out")"; fi
# and so a consulate a record in English names in English, beside a
# department so named: one owner each, named in Vietnamese, in tasks as in
# the archive's register
mkdir -p "$WORK/en-owner"
sed 's/owner: "Sở Văn hóa, Thể thao và Du lịch, Sở Ngoại vụ",/owner: Sở Ngoại vụ,/' \
	"$WORK/joint/2025-03-danang-sakai.yaml" >"$WORK/en-owner/2025-03-danang-sakai.yaml"
sed -e 's/^id: .*/id: 2025-04-danang-sakai/' -e 's/owner: "Sở Văn hóa, Thể thao và Du lịch, Sở Ngoại vụ",/owner: Department of Foreign Affairs,/' \
	-e 's/^tasks: \[{task: Tổ chức tuần văn hóa, /tasks: [{task: Arrange a call, owner: Consulate General of Viet Nam in Osaka, due: 2025-06-30}, {task: Draft a letter, /' \
	"$WORK/joint/2025-03-danang-sakai.yaml" >"$WORK/en-owner/2025-04-danang-sakai.yaml"
sed -e 's/^id: .*/id: 2025-05-danang-sakai/' -e 's/owner: "Sở Văn hóa, Thể thao và Du lịch, Sở Ngoại vụ",/owner: Tổng Lãnh sự quán Việt Nam tại Ô-xa-ca,/' \
	"$WORK/joint/2025-03-danang-sakai.yaml" >"$WORK/en-owner/2025-05-danang-sakai.yaml"
tasks tasks-english-owner --today 2026-11-23 "$WORK/en-owner"
tasks tasks-english-owner-en --lang en --today 2026-11-23 "$WORK/en-owner"
"$DEBRIEF" archive -o "$WORK/en-owner-arc" --format md --today 2026-11-23 "$WORK/en-owner" >/dev/null 2>&1
if grep -q 'owner: Department of Foreign Affairs,' "$WORK/en-owner/2025-04-danang-sakai.yaml" &&
	grep -q 'owner: Consulate General of Viet Nam in Osaka,' "$WORK/en-owner/2025-04-danang-sakai.yaml" &&
	[ "$(grep -c '^  [^ ]' "$WORK/tasks-english-owner.out")" = 2 ] &&
	grep -qx '  Sở Ngoại vụ' "$WORK/tasks-english-owner.out" &&
	grep -q '^  Tổng Lãnh sự quán Việt Nam tại ' "$WORK/tasks-english-owner.out" &&
	grep -qx '  Consulate General of Viet Nam in Osaka' "$WORK/tasks-english-owner-en.out" &&
	grep -qx '  Department of Foreign Affairs' "$WORK/tasks-english-owner-en.out" &&
	[ "$(grep -c '^| \[' "$WORK/en-owner-arc/tasks.md")" = 2 ] &&
	grep -q '^| \[Sở Ngoại vụ (Đà Nẵng)\](tasks/so-ngoai-vu-da-nang.md).* | 2 | 2 |$' "$WORK/en-owner-arc/tasks.md"
then ok tasks-english-owner/one-with-its-vietnamese-name
else fail tasks-english-owner/one-with-its-vietnamese-name "$(cat "$WORK/tasks-english-owner.out"; grep '^| \[' "$WORK/en-owner-arc/tasks.md")"; fi
# an owner under a misspelt key is named with its place, not listed in
# silence under "no specific department"; the task is still listed, and
# the exit status is 1
mkdir -p "$WORK/ownr"
sed 's/owner: "Sở Văn hóa, Thể thao và Du lịch, Sở Ngoại vụ",/ownr: Sở Ngoại vụ,/' \
	"$WORK/joint/2025-03-danang-sakai.yaml" >"$WORK/ownr/2025-03-danang-sakai.yaml"
tasks tasks-misspelt-owner --lang en --today 2026-11-23 "$WORK/ownr"
if [ "$rc" = 1 ] && grep -q '^  (no specific department)$' "$WORK/tasks-misspelt-owner.out" &&
	grep -q "2025-03-danang-sakai.yaml:8:[0-9]*: error: unknown key 'ownr' (did you mean 'owner'?).*\[schema-unknown-key\]$" \
		"$WORK/tasks-misspelt-owner.err" &&
	grep -q '^debrief: .*2025-03-danang-sakai.yaml: the task list leaves out the values above, which the record gives wrongly$' \
		"$WORK/tasks-misspelt-owner.err"
then ok tasks-misspelt-owner/named-not-silent
else fail tasks-misspelt-owner/named-not-silent "exit $rc; $(cat "$WORK/tasks-misspelt-owner.out" "$WORK/tasks-misspelt-owner.err")"; fi
tasks tasks-config-option --lang en --today 2026-11-23 --due-within 60 \
	--config "$WORK/al/.debrief.yaml" examples
if cmp -s "$WORK/tasks-aliases.out" "$WORK/tasks-config-option.out"; then
	fail tasks-config-option/same-grouping "file names should differ"
elif [ "$(grep -c '^  ' "$WORK/tasks-aliases.out")" = "$(grep -c '^  ' "$WORK/tasks-config-option.out")" ]
then ok tasks-config-option/same-grouping
else fail tasks-config-option/same-grouping "--config does not group as the found file does"; fi
tasks tasks-config-missing --config "$WORK/nosuch.conf" examples
want_rc tasks-config-missing 2

# ---- usage errors: one style for every command, in the run's language ----
for c in check report archive pdf new tasks rules explain; do
	for l in en vi; do
		"$DEBRIEF" $c --lang $l --no-such-option >/dev/null 2>"$WORK/usage-$c-$l.err"
		rc=$?
		case $l in en) want="debrief $c: unknown option: --no-such-option" ;;
		vi) want="debrief $c: tùy chọn không hợp lệ: --no-such-option" ;; esac
		if [ $rc -eq 2 ] && [ "$(head -n 1 "$WORK/usage-$c-$l.err")" = "$want" ] &&
			case $l in
			en) sed -n 2p "$WORK/usage-$c-$l.err" | grep -q "^usage: debrief $c" ;;
			vi) [ "$(sed -n 2p "$WORK/usage-$c-$l.err")" = 'Cách dùng:' ] &&
				sed -n 3p "$WORK/usage-$c-$l.err" | grep -q "^       debrief $c" ;;
			esac; then
			ok "commands/usage-error-style/$c/$l"
		else
			fail "commands/usage-error-style/$c/$l" "exit $rc, want 2, '$want' and the usage"
			head -n 3 "$WORK/usage-$c-$l.err"
		fi
	done
done

# an unknown letter named itself, not the argument before it (getopt has
# not moved past -x.yaml, a file name that begins with a dash): "-x", not "en"
for c in check report archive; do
	"$DEBRIEF" $c --lang en -x.yaml >/dev/null 2>"$WORK/usage-letter-$c.err"
	rc=$?
	if [ $rc -eq 2 ] && [ "$(head -n 1 "$WORK/usage-letter-$c.err")" = "debrief $c: unknown option: -x" ]; then
		ok "commands/usage-unknown-letter/$c"
	else fail "commands/usage-unknown-letter/$c" "exit $rc: $(head -n 1 "$WORK/usage-letter-$c.err")"; fi
done
"$DEBRIEF" check --lang en --verbose=1 x >/dev/null 2>"$WORK/usage-long-value.err"
if [ "$(head -n 1 "$WORK/usage-long-value.err")" = "debrief check: unknown option: --verbose=1" ]; then
	ok commands/usage-long-option-value
else fail commands/usage-long-option-value "$(head -n 1 "$WORK/usage-long-value.err")"; fi

# -o with an empty value (an unset variable in a script): a usage error
# that says so, not "cannot create : No such file or directory"
for c in report archive pdf; do
	"$DEBRIEF" $c --lang en -o "" "$TOP/examples" >/dev/null 2>"$WORK/empty-o-$c.err"
	rc=$?
	if [ $rc -eq 2 ] && [ "$(head -n 1 "$WORK/empty-o-$c.err")" = "debrief $c: -o takes a path, not ''" ] &&
		sed -n 2p "$WORK/empty-o-$c.err" | grep -q "^usage: debrief $c"; then
		ok "commands/empty-output/$c"
	else fail "commands/empty-output/$c" "exit $rc: $(head -n 1 "$WORK/empty-o-$c.err")"; fi
done

# ---- SOURCE_DATE_EPOCH that is no number of seconds ----
# with --today it gives no date: the PDFs are undated, and report says so
rm -rf "$WORK/sde"
SOURCE_DATE_EPOCH=yesterday "$DEBRIEF" report --lang en --today 2026-01-01 -o "$WORK/sde" \
	"$TOP/examples/2024-09-thainguyen-gyeongbuk.yaml" >/dev/null 2>"$WORK/sde.err"
rc=$?
if [ $rc -eq 0 ] && grep -qx 'debrief report: SOURCE_DATE_EPOCH is not a number of seconds: PDF files are written without a creation date' "$WORK/sde.err" &&
	! grep -q CreationDate "$WORK/sde"/*.pdf; then
	ok commands/sde-bad-with-today-warns-undated
else fail commands/sde-bad-with-today-warns-undated "exit $rc: $(head -n 1 "$WORK/sde.err")"; fi
# without --today, one reading for today and the PDFs' date: " 12" is
# no more a date for one than for the other
SOURCE_DATE_EPOCH=" 12" "$DEBRIEF" report --lang en -o "$WORK/sde2" \
	"$TOP/examples/2024-09-thainguyen-gyeongbuk.yaml" >/dev/null 2>"$WORK/sde2.err"
rc=$?
if [ $rc -eq 2 ] && [ "$(cat "$WORK/sde2.err")" = 'debrief report: SOURCE_DATE_EPOCH is not a number of seconds' ]; then
	ok commands/sde-spaces-refused
else fail commands/sde-spaces-refused "exit $rc: $(head -n 1 "$WORK/sde2.err")"; fi
# a good one dates them
rm -rf "$WORK/sde3"
"$DEBRIEF" report --lang en -o "$WORK/sde3" "$TOP/examples/2024-09-thainguyen-gyeongbuk.yaml" \
	>/dev/null 2>&1
if grep -q "CreationDate (D:20260101" "$WORK/sde3"/*.pdf; then ok commands/sde-dates-pdf
else fail commands/sde-dates-pdf "no CreationDate from SOURCE_DATE_EPOCH"; fi

# ---- a file that is not there: the same words and status from every command ----
for l in en vi; do
	case $l in
	en) said="cannot open: No such file or directory" ;;
	vi) said="không mở được: không có tệp hoặc thư mục này" ;;
	esac
	want="debrief: $WORK/nosuch.yaml: $said"
	for c in check report archive tasks; do
		case $c in report | archive) o="-o $WORK/missing-$c" ;; *) o= ;; esac
		# shellcheck disable=SC2086
		"$DEBRIEF" $c --lang $l $o "$WORK/nosuch.yaml" >/dev/null 2>"$WORK/missing-$c-$l.err"
		rc=$?
		if [ $rc -eq 2 ] && [ "$(head -n 1 "$WORK/missing-$c-$l.err")" = "$want" ]; then
			ok "commands/missing-file-one-message/$c/$l"
		else
			fail "commands/missing-file-one-message/$c/$l" "exit $rc, want 2 and '$want'"
			head -n 2 "$WORK/missing-$c-$l.err"
		fi
	done
done

# ---- a duplicate id: the same finding from check, report and archive ----
mkdir -p "$WORK/dup" && cp "$TOP/examples/2017-06-quangnam-nagasaki.yaml" "$WORK/dup/a.yaml" &&
	cp "$TOP/examples/2017-06-quangnam-nagasaki.yaml" "$WORK/dup/b.yaml" || exit 1
for c in check report archive; do
	case $c in check) o= ;; *) o="-o $WORK/dup-$c" ;; esac
	# shellcheck disable=SC2086
	"$DEBRIEF" $c --lang en $o "$WORK/dup" 2>&1 | grep 'schema-duplicate-id' >"$WORK/dup-$c.line"
done
want="$WORK/dup/b.yaml:6:5: error: id '2017-06-quangnam-nagasaki' is already used by $WORK/dup/a.yaml: give this record an id of its own, or remove this file if it is a copy of that one [schema-duplicate-id]"
for c in check report archive; do
	if [ "$(cat "$WORK/dup-$c.line")" = "$want" ]; then ok "commands/duplicate-id-one-finding/$c"
	else fail "commands/duplicate-id-one-finding/$c" "want: $want"; cat "$WORK/dup-$c.line"; fi
done
# the record refused for its id gets no report: what a report of it
# would leave blank (an office of another province) is not said of it
printf 'office:\n  parent: UBND tỉnh Bắc Ninh\n  name: Sở Ngoại vụ\n  symbol: SNgV\n  place: Bắc Ninh\n  signer: {authority: Giám đốc, name: Nguyễn Văn Hùng}\n' \
	>"$WORK/dup-office.conf"
"$DEBRIEF" report --lang en --format md --config "$WORK/dup-office.conf" -o "$WORK/dup-office" \
	"$WORK/dup" >/dev/null 2>"$WORK/dup-office.err"
if grep -q "^debrief: $WORK/dup/a.yaml: the office profile is " "$WORK/dup-office.err" &&
	! grep -q "^debrief: $WORK/dup/b.yaml: the office profile" "$WORK/dup-office.err" &&
	grep -q "^$WORK/dup/b.yaml:6:5: error: .*\[schema-duplicate-id\]$" "$WORK/dup-office.err"
then ok "commands/duplicate-id-refused-report-blanks-unsaid"
else fail "commands/duplicate-id-refused-report-blanks-unsaid" "$(cat "$WORK/dup-office.err")"; fi
