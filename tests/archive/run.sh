#!/bin/sh
# debrief archive on a small fixed collection (records/, configuration in
# .debrief.yaml): the pages and archive.json as goldens, then one golden per
# behaviour (province grouping, spelling variants, overdue-first order,
# owner aliases, cold partners, links), incrementality, stale pages, the
# cache of record summaries (an incremental run after each kind of change,
# and after each kind of damage to the cache, equals a fresh run),
# determinism, nothing written outside -o DIR, bad records among good ones,
# and the archive-* rules through check.
. ../lib.sh
export TZ=UTC
PY=/usr/bin/python3
TODAY=2025-09-01
C=$WORK/c # a copy of the collection, with its configuration, to change
rm -rf "$C" && mkdir -p "$C" && cp -R records .debrief.yaml "$C/"

# arc NAME DIR [ARGS...]: archive the copy into $C/DIR; sets rc
arc() {
	n=$1 d=$2; shift 2
	(cd "$C" && "$DEBRIEF" archive -o "$d" --today $TODAY "$@" records) \
		>"$WORK/$n.out" 2>"$WORK/$n.err"
	rc=$?
	sanitizer_clean "$n/sanitizers" "$WORK/$n.err" || true
}
want_rc() {
	if [ "$rc" = "$2" ]; then ok "$1/exit-$2"; else
		fail "$1/exit-$2" "exited $rc"; head -n 5 "$WORK/$1.err"; fi
}
# gold NAME FILE: FILE against expected/NAME
gold() { golden "$1" "expected/$1" "$2"; }
has() { if grep -qE -- "$3" "$2"; then ok "$1"; else fail "$1" "no '$3' in $2"; fi; }
json() { $PY -c "import json,sys; a=json.load(open(sys.argv[1])); $2" "$1"; }

# ---- the pages, Vietnamese (default) ----
V=$C/vi
arc vi vi -v
want_rc vi 0
gold index.md "$V/index.md"
gold tasks.md "$V/tasks.md"
gold partner-jp-nagasaki.md "$V/partners/jp-nagasaki.md"
gold agency-tong-lanh-su-quan-viet-nam-tai-fukuoka.md \
	"$V/agencies/tong-lanh-su-quan-viet-nam-tai-fukuoka.md"
gold archive.json "$V/archive.json"
gold findings-vi.err "$WORK/vi.err"
gold written-first-run.out "$WORK/vi.out"
# A vague owner is shown as written, and as no department.
has vague-owner-said "$V/partners/kr-busan.md" '\| TBD \(chưa phải một đơn vị cụ thể\) \|'
# A partner no record gives a stage is said to have none in plain Vietnamese.
mkdir -p "$WORK/nostage"
printf 'schema: debrief/1\nid: 2024-06-hue-x\ntitle: t\ndirection: inbound\ndates: {start: 2024-06-02, end: 2024-06-03}\nlocality: {name: Huế}\npartners: [{name: Sakai, country: JP}]\n' \
	>"$WORK/nostage/a.yaml"
"$DEBRIEF" archive --today 2026-11-23 --format md -o "$WORK/nostage/out" "$WORK/nostage" >/dev/null 2>&1
has no-stage-said "$WORK/nostage/out/partners/jp-sakai.md" '^Chưa có hồ sơ nào ghi giai đoạn quan hệ\.$'
# Hồ Chí Minh City named as officials write it where no unit word goes
# before it: the register's heading, a department's locality, a visit's
# cell; in English, Ho Chi Minh City
H=$WORK/hcm
mkdir -p "$H"
printf 'schema: debrief/1\nid: 2026-03-hcm-vientiane\ntitle: t\ndirection: inbound\ndates: {start: 2026-03-10, end: 2026-03-12}\nlocality: {name: TP.HCM}\npartners: [{name: Viêng Chăn, country: LA}]\ntasks:\n  - {task: Soạn dự thảo, owner: Sở Công Thương, due: 2026-04-01}\n' \
	>"$H/a.yaml"
for l in vi en; do
	"$DEBRIEF" archive --lang $l --today 2026-04-10 --format md -o "$H/$l" "$H/a.yaml" >/dev/null 2>&1
done
has hcm-city/register-heading "$H/vi/tasks.md" '^## TP\. Hồ Chí Minh — 1 nhiệm vụ, 1 quá hạn$'
has hcm-city/department "$H/vi/tasks.md" '\[Sở Công Thương \(TP\. Hồ Chí Minh\)\]'
has hcm-city/visit-cell "$H/vi/visits/2026.md" '\| đoàn vào \| TP\. Hồ Chí Minh \|'
has hcm-city/register-heading-en "$H/en/tasks.md" '^## Ho Chi Minh City — 1 task, 1 overdue$'
has hcm-city/department-en "$H/en/tasks.md" '\[Department of Industry and Trade \(Ho Chi Minh City\)\]'
has hcm-city/visit-cell-en "$H/en/visits/2026.md" '\| inbound \| Ho Chi Minh City \|'
has hcm-city/json-keeps-the-unit "$H/vi/archive.json" '"unit": "Hồ Chí Minh"'

# ---- English ----
E=$C/en
arc en en --lang en
want_rc en 0
gold index-en.md "$E/index.md"
gold partner-fr-val-de-marne-en.md "$E/partners/fr-val-de-marne.md"
gold findings-en.err "$WORK/en.err"
# In English the register names each department in English, with its
# province as written ("Department of Foreign Affairs (Đà Nẵng)").
gold tasks-register-departments-in-english.md "$E/tasks.md"
# In English an agency's staff and contacts have their usual titles and
# organisations in English, as the reports name them ("Consul General",
# "Consulate General of Viet Nam in Fukuoka").
sed -n '/^## Agency staff$/,/^## /p' "$E/agencies/tong-lanh-su-quan-viet-nam-tai-fukuoka.md" >"$WORK/staff-en.md"
gold agency-staff-titles-in-english.md "$WORK/staff-en.md"

# ---- one behaviour per golden ----
# Former units under their 2025 unit, the name used kept.
json "$V/archive.json" '
for r in a["records"]:
    l = r["locality"]
    if l["name_used"] and r["id"] in ("2017-06-quangnam-nagasaki", "2023-10-yenbai-valdemarne",
            "2024-04-haiphong-kitakyushu", "2025-08-laocai-valdemarne"):
        print(r["id"], "|", l["written"], "|", l["name_used"], "->", l["unit"])' \
	>"$WORK/province-grouping.out"
gold province-grouping.out "$WORK/province-grouping.out"
# Spellings: Đắc Lắc, TP.HCM, Bà Rịa-Vũng Tàu, Thừa Thiên - Huế, prefixes.
json "$V/archive.json" '
for r in a["records"]:
    l = r["locality"]
    if r["id"] in ("2022-11-daklak-gangwon", "2023-03-tphcm-busan", "2024-06-baria-busan",
            "2021-03-hue-valdemarne", "2019-05-danang-nagasaki", "2026-04-hanoi-fukuoka"):
        print(l["written"], "->", l["unit"], "(shown:", l["name_used"], ")")' \
	>"$WORK/spelling-variants.out"
gold spelling-variants.out "$WORK/spelling-variants.out"
# A partner written "Daegu" in one record and "DAEGU" in a newer one is
# shown as "Daegu": a capitalised spelling before one in capitals only.
P=$WORK/caps
mkdir -p "$P"
printf 'schema: debrief/1\nid: 2023-04-danang-daegu\ntitle: a\ndirection: outbound\ndates: {start: 2023-04-10, end: 2023-04-14}\nlocality: {name: Đà Nẵng}\npartners: [{name: Daegu, country: KR}]\n' >"$P/a.yaml"
printf 'schema: debrief/1\nid: 2024-09-daegu-danang\ntitle: b\ndirection: inbound\ndates: {start: 2024-09-05, end: 2024-09-07}\nlocality: {name: Đà Nẵng}\npartners: [{name: DAEGU, country: KR}]\n' >"$P/b.yaml"
"$DEBRIEF" archive -o "$P/out" --format md --today $TODAY "$P" >/dev/null 2>&1
if [ "$(json "$P/out/archive.json" 'print(" ".join(p["name"] for p in a["partners"]))')" = Daegu ]
then ok partner-name/capitalised-before-capitals; else
	fail partner-name/capitalised-before-capitals "$(grep -m1 '^# ' "$P/out/partners/kr-daegu.md")"; fi
# A partner written "Hà Khẩu" in one record and "Ha Khau" in a newer one
# is shown as "Hà Khẩu": the spelling with its diacritics before the one
# typed without them.
P=$WORK/marks
mkdir -p "$P"
printf 'schema: debrief/1\nid: 2021-11-hekou-laocai\ntitle: a\ndirection: inbound\ndates: {start: 2021-11-18, end: 2021-11-18}\nlocality: {name: Lào Cai}\npartners: [{name: Hà Khẩu, country: CN}]\n' >"$P/a.yaml"
printf 'schema: debrief/1\nid: 2024-09-laocai-hekou\ntitle: b\ndirection: outbound\ndates: {start: 2024-09-10, end: 2024-09-11}\nlocality: {name: Lào Cai}\npartners: [{name: Ha Khau, country: CN}]\n' >"$P/b.yaml"
"$DEBRIEF" archive -o "$P/out" --format md --today $TODAY "$P" >/dev/null 2>&1
if [ "$(json "$P/out/archive.json" 'print(" ".join(p["name"] for p in a["partners"]))')" = "Hà Khẩu" ]
then ok partner-name/diacritics-before-none; else
	fail partner-name/diacritics-before-none "$(grep -m1 '^# ' "$P/out/partners/cn-ha-khau.md")"; fi
# In English pages a place Vietnamese transcribes ("Vân Nam") is named in
# English ("Yunnan"), as the report names it; the Vietnamese pages and
# archive.json keep the name the records write.
P=$WORK/transcribed
mkdir -p "$P"
printf 'schema: debrief/1\nid: 2026-05-hcm-yunnan\ntitle: a\ndirection: inbound\ndates: {start: 2026-05-20, end: 2026-05-22}\nlocality: {name: TP.HCM}\npartners: [{name: Vân Nam, local_name: 云南省, country: CN, kind: province}]\n' >"$P/a.yaml"
for l in vi en; do "$DEBRIEF" archive -o "$P/$l" --format md --lang $l --today $TODAY "$P" >/dev/null 2>&1; done
if grep -qx '# Yunnan (云南省)' "$P/en/partners/cn-van-nam.md" && grep -qF '[Yunnan](partners/cn-van-nam.md)' "$P/en/index.md" &&
	! grep -rq 'Vân Nam' "$P/en" --include='*.md' && grep -qx '# Vân Nam (云南省)' "$P/vi/partners/cn-van-nam.md" &&
	[ "$(json "$P/en/archive.json" 'print(" ".join(p["name"] for p in a["partners"]))')" = "Vân Nam" ]
then ok partner-name/transcribed-place-in-english; else
	fail partner-name/transcribed-place-in-english "$(grep -rh 'Vân Nam\|Yunnan' "$P/en" --include='*.md' | head -n 3)"; fi
# A place named with the Vietnamese word of its unit ("Tỉnh Savannakhet")
# is named without it in English pages, as the report names it.
P=$WORK/unit-word
mkdir -p "$P"
printf 'schema: debrief/1\nid: 2026-03-quangtri-savannakhet\ntitle: a\ndirection: outbound\ndates: {start: 2026-03-02, end: 2026-03-04}\nlocality: {name: Quảng Trị}\npartners: [{name: Tỉnh Savannakhet, country: LA, kind: province}]\n' >"$P/a.yaml"
"$DEBRIEF" archive -o "$P/en" --format md --lang en --today $TODAY "$P" >/dev/null 2>&1
f=$(ls "$P/en/partners/"*.md 2>/dev/null | head -n 1)
if [ -n "$f" ] && grep -q '^# Savannakhet' "$f" && ! grep -rq 'Tỉnh Savannakhet' "$P/en" --include='*.md'
then ok partner-name/unit-word-left-out-in-english; else
	fail partner-name/unit-word-left-out-in-english "$(grep -rh 'Savannakhet' "$P/en" --include='*.md' | head -n 3)"; fi
# The index's delegations per year and its list of years count a year's
# planned visits apart, as its opening line does, and the visits of
# unknown date in a row of their own, so that the table adds up.
P=$WORK/years
mkdir -p "$P"
printf 'schema: debrief/1\nid: 2024-09-laocai-hekou\ntitle: a\ndirection: outbound\ndates: {start: 2024-09-10, end: 2024-09-11}\nlocality: {name: Lào Cai}\npartners: [{name: Hà Khẩu, country: CN}]\n' >"$P/a.yaml"
printf 'schema: debrief/1\nid: 2021-03-laocai-kunming\ntitle: b\ndirection: outbound\ndates: {start: 15/03/2021, end: 17/03/2021}\nlocality: {name: Lào Cai}\npartners: [{name: Côn Minh, country: CN}]\n' >"$P/b.yaml"
printf 'schema: debrief/1\nid: 2025-12-laocai-yunnan\ntitle: c\ndirection: outbound\ndates: {start: 2025-12-08, end: 2025-12-10}\nlocality: {name: Lào Cai}\npartners: [{name: Vân Nam, country: CN}]\n' >"$P/c.yaml"
printf 'schema: debrief/1\nid: 2026-04-yunnan-laocai\ntitle: d\ndirection: inbound\ndates: {start: 2026-04-06, end: 2026-04-08}\nlocality: {name: Lào Cai}\npartners: [{name: Vân Nam, country: CN}]\n' >"$P/d.yaml"
printf 'schema: debrief/1\nid: 2025-06-laocai-yunnan\ntitle: e\ndirection: outbound\ndates: {start: 2025-06-02, end: 2025-06-04}\nlocality: {name: Lào Cai}\npartners: [{name: Vân Nam, country: CN}]\n' >"$P/e.yaml"
for l in vi en; do
	"$DEBRIEF" archive -o "$P/$l" --format md --lang $l --today $TODAY "$P" >/dev/null 2>&1
	sed -n '1,3p;/^### Số đoàn\|^### Delegations/,/^## /p;/^## Các đoàn\|^## Visits by/,$p' "$P/$l/index.md"
done >"$WORK/index-years-planned-undated.out"
gold index-years-planned-undated.out "$WORK/index-years-planned-undated.out"
# A partner written in Vietnamese by one record and in English by another,
# with the same name in its own script, is one partner: one dossier with
# both visits; and check, which sees the collection the same way, does
# not call it cold for want of the other record's visit.
P=$WORK/local-name
mkdir -p "$P"
printf 'schema: debrief/1\nid: 2021-05-danang-gyeonggi\ntitle: a\ndirection: outbound\ndates: {start: 2021-05-10, end: 2021-05-14}\nlocality: {name: Đà Nẵng}\npartners: [{name: Tỉnh Gyeonggi, local_name: 경기도, country: KR, relationship: {stage: mou}}]\n' >"$P/a.yaml"
printf 'schema: debrief/1\nid: 2025-03-gyeonggi-danang\ntitle: b\ndirection: inbound\ndates: {start: 2025-03-05, end: 2025-03-07}\nlocality: {name: Đà Nẵng}\npartners: [{name: Gyeonggi Province, local_name: " 경기도", country: KR}]\n' >"$P/b.yaml"
"$DEBRIEF" archive -o "$P/out" --format md --lang en --today $TODAY "$P" >"$WORK/local-name.out" 2>&1
if [ "$(json "$P/out/archive.json" 'print(len(a["partners"]), len(a["partners"][0]["visits"]))')" = "1 2" ]
then ok partner-name/same-local-name-one-partner; else
	fail partner-name/same-local-name-one-partner "$(ls "$P/out/partners")"; fi
"$DEBRIEF" check --today $TODAY "$P" >"$WORK/local-name-check.out" 2>&1
if grep -q archive-cold-partner "$WORK/local-name-check.out"; then
	fail partner-name/same-local-name-not-cold "$(grep -m1 archive-cold-partner "$WORK/local-name-check.out")"
else ok partner-name/same-local-name-not-cold; fi
# A return visit a record says took place (follow_up.reciprocal_visit
# done) is a visit: the partner is not cold when it came recently, and
# when it did not, the rule dates its silence from that visit.
P=$WORK/reciprocal
mkdir -p "$P"
rv() { # rv FILE EXPECTED
	printf 'schema: debrief/1\nid: 2019-05-danang-daegu\ntitle: a\ndirection: outbound\ndates: {start: 2019-05-10, end: 2019-05-14}\nlocality: {name: Đà Nẵng}\npartners: [{name: Daegu, country: KR, relationship: {stage: mou}}]\nfollow_up:\n  reciprocal_visit: {expected: %s, status: done}\n' "$2" >"$1"
}
rv "$P/a.yaml" 2024-10
# a second record, so that check judges the collection
printf 'schema: debrief/1\nid: 2025-06-danang-busan\ntitle: b\ndirection: outbound\ndates: {start: 2025-06-10, end: 2025-06-14}\nlocality: {name: Đà Nẵng}\npartners: [{name: Busan, country: KR}]\n' >"$P/b.yaml"
"$DEBRIEF" check --lang en --today $TODAY "$P" >"$WORK/reciprocal.out" 2>&1
if grep -q archive-cold-partner "$WORK/reciprocal.out"; then
	fail cold-partner/return-visit-is-a-visit "$(grep -m1 archive-cold-partner "$WORK/reciprocal.out")"
else ok cold-partner/return-visit-is-a-visit; fi
rv "$P/a.yaml" 2020-10
"$DEBRIEF" archive -o "$P/out" --format md --lang en --today $TODAY "$P" >"$WORK/reciprocal-old.out" 2>&1
has cold-partner/dated-from-the-return-visit "$WORK/reciprocal-old.out" 'no visit in either direction since 2020-10 \(more than 2 years\)'
# a return visit dated by the month of a visit that ended in it is that
# visit: the rule dates the silence as the pages do, from its last day
rm -rf "$WORK/reciprocal-month" && mkdir -p "$WORK/reciprocal-month"
sed 's/2019-05-10, end: 2019-05-14/2020-10-07, end: 2020-10-11/' "$P/a.yaml" >"$WORK/reciprocal-month/a.yaml"
cp "$P/b.yaml" "$WORK/reciprocal-month/"
"$DEBRIEF" archive -o "$WORK/reciprocal-month/out" --format md --lang en --today $TODAY \
	"$WORK/reciprocal-month" >"$WORK/reciprocal-month.out" 2>&1
has cold-partner/same-month-dated-as-the-pages "$WORK/reciprocal-month.out" 'no visit in either direction since 2020-10-11 \(more than 2 years\)'
# and the pages date it as the rule does, saying it is the return visit
has cold-partner/page-dated-from-the-return-visit "$P/out/partners/kr-daegu.md" '^> \*\*Warning\*\* \[archive-cold-partner\]: no visit in either direction since Oct 2020 \(more than 2 years\)'
has return-visit/dossier-last-visit "$P/out/partners/kr-daegu.md" '^- Last visit: Oct 2020, a return visit \(recorded in 2019-05-danang-daegu\)$'
has return-visit/index-last-visit "$P/out/index.md" '^\| \[Daegu\]\(partners/kr-daegu\.md\) \| Republic of Korea \| MOU signed \| Oct 2020 \(return visit\) \| 1 \| 0 \|$'
has return-visit/index-cold "$P/out/index.md" '^- \[Daegu\]\(partners/kr-daegu\.md\) \(Republic of Korea\): last visit Oct 2020 \(return visit\) \[archive-cold-partner\]$'
json "$P/out/archive.json" 'print([(p["last_visit"]["end"], p["return_visit"]) for p in a["partners"] if p["slug"] == "kr-daegu"])' >"$WORK/return-visit-json.out"
has return-visit/json "$WORK/return-visit-json.out" "^\\[\\('2019-05-14', \\{'record': '2019-05-danang-daegu', 'date': '2020-10'\\}\\)\\]$"
# a return visit in the month of a recorded visit is that visit
printf 'schema: debrief/1\nid: 2020-10-daegu-danang\ntitle: c\ndirection: inbound\ndates: {start: 2020-10-05, end: 2020-10-08}\nlocality: {name: Đà Nẵng}\npartners: [{name: Daegu, country: KR}]\n' >"$P/c.yaml"
"$DEBRIEF" archive -o "$P/out" --format md --lang en --today $TODAY "$P" >/dev/null 2>&1
has return-visit/same-month-is-the-visit "$P/out/partners/kr-daegu.md" '^- Last visit: 5 Oct 2020 – 8 Oct 2020, inbound, Da Nang \(2020-10-daegu-danang\)$'
rm "$P/c.yaml"
# One of Viet Nam's consulates written in English by the earliest record is
# named in Vietnamese on Vietnamese pages (in English on English ones: the
# goldens above), as reports name it.
G=$WORK/agency-lang
mkdir -p "$G"
printf 'schema: debrief/1\nid: 2023-06-baclieu-nagasaki\ntitle: a\ndirection: outbound\ndates: {start: 2023-06-12, end: 2023-06-15}\nlocality: {name: Bạc Liêu}\nagency: {name: Consulate General of Viet Nam in Fukuoka, kind: consulate}\npartners: [{name: Nagasaki, country: JP}]\n' >"$G/a.yaml"
printf 'schema: debrief/1\nid: 2024-03-camau-nagasaki\ntitle: b\ndirection: outbound\ndates: {start: 2024-03-04, end: 2024-03-08}\nlocality: {name: Cà Mau}\nagency: {name: Tổng Lãnh sự quán Việt Nam tại Fukuoka, kind: consulate, staff: [{name: Vũ Bá Thành, title: Tổng Lãnh sự}]}\npartners: [{name: Nagasaki, country: JP}]\ncontacts: [{name: Vũ Bá Thành, side: agency, email: vbt@example.org}]\n' >"$G/b.yaml"
"$DEBRIEF" archive -o "$G/out" --format md --today $TODAY "$G" >/dev/null 2>&1
has agency-name/vietnamese-page "$G/out/index.md" '^- \[Tổng Lãnh sự quán Việt Nam tại Fukuoka\]\(agencies/consulate-general-of-viet-nam-in-fukuoka\.md\) \(2 đoàn\)$'
has agency-name/vietnamese-dossier "$G/out/agencies/consulate-general-of-viet-nam-in-fukuoka.md" '^# Tổng Lãnh sự quán Việt Nam tại Fukuoka$'
# An agency's handover dossier lists the open tasks and contacts of its
# partners that a record without the agency holds (a delegation received at home), as its
# table of relationships counts them; and an incremental run sees such a
# task change.
H=$WORK/agency-tasks
mkdir -p "$H"
printf 'schema: debrief/1\nid: 2022-11-camau-nagasaki\ntitle: a\ndirection: outbound\ndates: {start: 2022-11-14, end: 2022-11-17}\nlocality: {name: Cà Mau}\nagency: {name: Tổng Lãnh sự quán Việt Nam tại Fukuoka, kind: consulate}\npartners: [{name: Nagasaki, country: JP}]\ntasks: [{task: Kế hoạch hợp tác, owner: Sở Ngoại vụ, due: 2023-03-31}]\n' >"$H/a.yaml"
at() { # at TASK: the inbound record, its task named TASK
	printf 'schema: debrief/1\nid: 2023-10-nagasaki-camau\ntitle: b\ndirection: inbound\ndates: {start: 2023-10-09, end: 2023-10-11}\nlocality: {name: Cà Mau}\npartners: [{name: Nagasaki, country: JP}]\ntasks: [{task: %s, owner: Sở Công Thương, due: 2024-05-31}]\ncontacts: [{name: Sato Jun, org: Chính quyền tỉnh Nagasaki, side: partner}]\n' "$1" >"$H/b.yaml"
}
at "Đón đoàn doanh nghiệp"
"$DEBRIEF" archive -o "$H/out" --format md --today $TODAY "$H" >/dev/null 2>&1
AD=$H/out/agencies/tong-lanh-su-quan-viet-nam-tai-fukuoka.md
has agency-tasks/count "$AD" '^\| \[Nagasaki\]\(\.\./partners/jp-nagasaki\.md\) \| Nhật Bản \| Cà Mau \| .* \| 2 \|$'
has agency-tasks/own-record "$AD" '\| Kế hoạch hợp tác \| Sở Ngoại vụ \(Cà Mau\) \|'
has agency-tasks/record-without-agency "$AD" '\| Đón đoàn doanh nghiệp \| Sở Công Thương \(Cà Mau\) \| .* \| 2023-10-nagasaki-camau / T1 \|$'
at "Đón đoàn doanh nghiệp Nagasaki"
"$DEBRIEF" archive -o "$H/out" --format md --today $TODAY "$H" >/dev/null 2>&1
has agency-tasks/incremental "$AD" '\| Đón đoàn doanh nghiệp Nagasaki \|'
has agency-contacts/record-without-agency "$AD" '^\| Sato Jun \|  \| Chính quyền tỉnh Nagasaki \| \[Nagasaki\]'
json "$H/out/archive.json" 'print([c["name"] for g in a["agencies"] for c in g["partner_contacts"]])' >"$WORK/agency-contacts.out"
has agency-contacts/json "$WORK/agency-contacts.out" "^\\['Sato Jun'\\]$"
# A partner that declined and the one approached instead (alternative_to)
# point at each other in their dossiers, read afresh and from the cache.
H=$WORK/alternative
mkdir -p "$H"
printf 'schema: debrief/1\nid: 2020-01-baclieu-kagoshima\ntitle: a\ndirection: outbound\ndates: {start: 2020-01-13, end: 2020-01-17}\nlocality: {name: Bạc Liêu}\npartners:\n  - {name: Kagoshima, country: JP, response: declined}\n  - {name: Miyazaki, country: JP, response: accepted, alternative_to: Kagoshima}\n' >"$H/a.yaml"
for pass in fresh cached; do
	rm -rf "$H/out/partners"
	"$DEBRIEF" archive -o "$H/out" --format md --today $TODAY "$H" >/dev/null 2>&1
	has alternative/declined-$pass "$H/out/partners/jp-kagoshima.md" '^- Đã từ chối chuyến thăm: .* \(2020-01-baclieu-kagoshima\), đối tác thay thế: \[Miyazaki\]\(\.\./partners/jp-miyazaki\.md\)$'
	has alternative/instead-of-$pass "$H/out/partners/jp-miyazaki.md" '^- Đối tác thay thế cho: \[Kagoshima\]\(\.\./partners/jp-kagoshima\.md\) \(đã từ chối\), 13/1/2020 – 17/1/2020 \(2020-01-baclieu-kagoshima\)$'
done
"$DEBRIEF" archive -o "$H/en" --format md --lang en --today $TODAY "$H" >/dev/null 2>&1
has alternative/english "$H/en/partners/jp-miyazaki.md" '^- Approached instead of: \[Kagoshima\]\(\.\./partners/jp-kagoshima\.md\) \(declined\), 13 Jan 2020 – 17 Jan 2020'
# What a record says of a contact (notes: who replaced whom, who drives
# the relationship) is kept in the dossiers and archive.json, read afresh
# and from the cache, the newest record's that says something.
H=$WORK/contact-notes
mkdir -p "$H"
printf 'schema: debrief/1\nid: 2018-03-camau-nagasaki\ntitle: a\ndirection: outbound\ndates: {start: 2018-03-05, end: 2018-03-08}\nlocality: {name: Cà Mau}\nagency: {name: Tổng Lãnh sự quán Việt Nam tại Fukuoka, kind: consulate}\npartners: [{name: Nagasaki, country: JP}]\ncontacts: [{name: Suzuki Aya, org: Phòng Giao lưu quốc tế, side: partner, notes: Thay ông Tanaka}]\n' >"$H/a.yaml"
printf 'schema: debrief/1\nid: 2022-11-camau-nagasaki\ntitle: b\ndirection: outbound\ndates: {start: 2022-11-14, end: 2022-11-17}\nlocality: {name: Cà Mau}\nagency: {name: Tổng Lãnh sự quán Việt Nam tại Fukuoka, kind: consulate}\npartners: [{name: Nagasaki, country: JP}]\ncontacts: [{name: Suzuki Aya, org: Phòng Giao lưu quốc tế, side: partner}]\n' >"$H/b.yaml"
for pass in fresh cached; do
	rm -rf "$H/out/partners" "$H/out/agencies"
	"$DEBRIEF" archive -o "$H/out" --format md --today $TODAY "$H" >/dev/null 2>&1
	has contact-notes/dossier-$pass "$H/out/partners/jp-nagasaki.md" '^\| Suzuki Aya \|  \| Phòng Giao lưu quốc tế \| 5/3/2018 \|  \| Thay ông Tanaka \| 2022-11-camau-nagasaki \|$'
	has contact-notes/agency-$pass "$H/out/agencies/tong-lanh-su-quan-viet-nam-tai-fukuoka.md" '\| Thay ông Tanaka \| 2022-11-camau-nagasaki \|$'
done
json "$H/out/archive.json" 'print([c["notes"] for p in a["partners"] for c in p["contacts"]])' >"$WORK/contact-notes.out"
has contact-notes/json "$WORK/contact-notes.out" "^\\['Thay ông Tanaka'\\]$"
# A department named with its locality ("Sở Công Thương tỉnh Bạc Liêu",
# Bạc Liêu being part of Cà Mau since 2025) is that locality's department,
# the one other records name without it; and that spelling, however often
# written, never names another locality's department.
H=$WORK/owner-locality
mkdir -p "$H"
ol() { # ol FILE ID LOCALITY OWNER
	printf 'schema: debrief/1\nid: %s\ntitle: a\ndirection: outbound\ndates: {start: 2024-05-20, end: 2024-05-22}\nlocality: {name: %s}\npartners: [{name: Miyazaki, country: JP}]\ntasks: [{task: t, owner: %s, due: 2025-03-31}, {task: u, owner: %s, due: 2025-04-30}]\n' "$2" "$3" "$4" "$4" >"$H/$1"
}
ol a.yaml 2024-05-baclieu-miyazaki "Bạc Liêu" "Sở Công Thương tỉnh Bạc Liêu"
ol b.yaml 2024-06-camau-miyazaki "Cà Mau" "Sở Công Thương"
ol c.yaml 2024-07-laocai-miyazaki "Lào Cai" "Sở Công Thương"
ol d.yaml 2024-08-baclieu2-miyazaki "Bạc Liêu" "Sở Công Thương tỉnh Bạc Liêu"
"$DEBRIEF" archive -o "$H/out" --format md --today $TODAY "$H" >/dev/null 2>&1
has owner-locality/one-department "$H/out/tasks.md" '^\| \[Sở Công Thương \(Cà Mau\)\]\(tasks/so-cong-thuong-ca-mau\.md\) \[archive-open-tasks\] \| 6 \| 6 \|$'
has owner-locality/other-locality-plain "$H/out/tasks.md" '^\| \[Sở Công Thương \(Lào Cai\)\]\(tasks/so-cong-thuong-lao-cai\.md\) \| 2 \| 2 \|$'
has owner-locality/spellings-kept "$H/out/tasks/so-cong-thuong-ca-mau.md" '“Sở Công Thương tỉnh Bạc Liêu” \(4\)'
# the PDF's title is its heading's, in the pages' language
"$DEBRIEF" archive -o "$G/out-pdf" --today $TODAY "$G" >/dev/null 2>&1
if pdfinfo "$G/out-pdf/agencies/consulate-general-of-viet-nam-in-fukuoka.pdf" 2>/dev/null |
	grep -q '^Title: *Tổng Lãnh sự quán Việt Nam tại Fukuoka$'; then ok agency-name/pdf-title; else
	fail agency-name/pdf-title "$(pdfinfo "$G/out-pdf/agencies/consulate-general-of-viet-nam-in-fukuoka.pdf" 2>&1 | grep -m1 Title)"; fi
# one of its staff also among the contacts, the contact without a title:
# listed once, with the staff entry's title
has agency-staff/title-kept "$G/out/agencies/consulate-general-of-viet-nam-in-fukuoka.md" '^\| Vũ Bá Thành \| Tổng Lãnh sự \| [^|]* \| [^|]* \| vbt@example\.org \|'
# The register: the departments by locality, the most overdue work first,
# each on a page of its own; overdue tasks first within each, then by due
# date, no deadline last.
(cd "$V" && grep -oE '^(## .*|\| \[[^]]*\]\(tasks/[^)]*\)( \[archive-open-tasks\])? \| [0-9]+ \| [0-9]+ \|)$' tasks.md |
	while IFS= read -r l; do
		case $l in "## "*) echo "$l"; continue;; esac
		echo "  $l"
		f=${l#*](}; f=${f%%)*}
		awk -F' \\| ' '/^\| (\*\*|[0-9]|chưa)/{print "    " substr($1, 3)}' "$f"
	done) >"$WORK/overdue-first.out"
gold overdue-first.out "$WORK/overdue-first.out"
# archive-open-tasks: one note on the register, marking the rows; each
# department's page says it in full.
has register/open-tasks-summary "$V/tasks.md" '^> \*\*Thông tin\*\* \[archive-open-tasks\]: 1 đơn vị có nhiệm vụ quá hạn'
has register/open-tasks-in-full "$V/tasks/so-ngoai-vu-da-nang.md" '^> \*\*Thông tin\*\* \[archive-open-tasks\]: Sở Ngoại vụ \(Đà Nẵng\) có 2 nhiệm vụ quá hạn từ 2 chuyến công tác khác nhau \(G8\)\.$'
# Owners: case, spacing and configured aliases ("Sở NN&PTNT") merge.
json "$V/archive.json" '
for o in a["owners"]:
    print(o["name"], "<=", ", ".join("%s (%d)" % (s["text"], s["count"]) for s in o["spellings"]))' \
	>"$WORK/owner-aliases.out"
gold owner-aliases.out "$WORK/owner-aliases.out"
# Cold partners: stage mou/sister, no visit either way for 2 years.
{ grep -h 'archive-cold-partner' "$WORK/vi.err"
  grep -h 'archive-cold-partner' "$V/partners/"*.md
  json "$V/archive.json" 'print([p["slug"] for p in a["partners"] if p["cold"]])'
} >"$WORK/cold-partner.out"
gold cold-partner.out "$WORK/cold-partner.out"
# Links: every relative link of every page, and each one resolves.
(cd "$V" && for f in index.md tasks.md partners/*.md agencies/*.md tasks/*.md visits/*.md; do
	# a link is "](…)" after an unescaped "]"; "\](" is escaped record text
	grep -oE '(^|[^\\])\]\([^)]*\)' "$f" | sed 's|^.*\](||; s|)$||' | sort -u |
		sed "s|^|$f -> |"
done) >"$WORK/links.out"
gold links.out "$WORK/links.out"
bad=0
while IFS= read -r l; do
	from=${l%% -> *} to=${l#* -> }
	[ -f "$V/$(dirname "$from")/$to" ] || { bad=1; echo "  broken: $l"; }
done <"$WORK/links.out"
[ $bad = 0 ] && ok links-resolve || fail links-resolve "a link points at no page"

# ---- PDFs: one per page, links between them resolve, text extracts ----
n_md=$(cd "$V" && find . -name '*.md' | wc -l) n_pdf=$(cd "$V" && find . -name '*.pdf' | wc -l)
[ "$n_md" = "$n_pdf" ] && [ "$n_md" -gt 0 ] && ok pdf-per-page ||
	fail pdf-per-page "$n_md pages, $n_pdf PDFs"
bad=0 nlinks=0
for f in $(cd "$V" && find . -name '*.pdf' | sort); do
	rm -f "$WORK/q.pdf"
	qpdf --qdf --object-streams=disable "$V/$f" "$WORK/q.pdf" 2>/dev/null ||
		{ bad=1; echo "  $f: qpdf cannot rewrite it"; }
	# links between pages; mailto: and other schemes are not pages
	for u in $(grep -a '/URI (' "$WORK/q.pdf" | sed 's|.*/URI (||; s|)$||' | grep -v ':'); do
		nlinks=$((nlinks + 1))
		case $u in *.md) bad=1; echo "  $f: $u still .md";; esac
		[ -f "$V/$(dirname "$f")/$u" ] || { bad=1; echo "  $f: $u resolves to nothing"; }
	done
done
# the pages are in the run's language, and their PDFs say so (/Lang)
for l in vi:$V/index.pdf en:$E/index.pdf; do
	rm -f "$WORK/q.pdf"
	qpdf --qdf --object-streams=disable "${l#*:}" "$WORK/q.pdf" 2>/dev/null
	have=$(grep -ao '/Lang ([a-z]*)' "$WORK/q.pdf" 2>/dev/null)
	[ "$have" = "/Lang (${l%%:*})" ] && ok "pdf-lang-${l%%:*}" ||
		fail "pdf-lang-${l%%:*}" "${have:-no /Lang} in ${l#*:}"
done
# every page links to the index at least
[ "$nlinks" -lt "$n_pdf" ] && { bad=1; echo "  $nlinks links in $n_pdf PDFs"; }
[ $bad = 0 ] && ok "pdf-links-resolve ($nlinks links)" || fail pdf-links-resolve "a PDF link points at no PDF"
pdftotext "$V/partners/jp-nagasaki.pdf" "$WORK/nagasaki.txt" 2>/dev/null
has pdf-text-extracts "$WORK/nagasaki.txt" '^Nagasaki \(長崎県\)$'
M=$C/md-only
arc md-only md-only --format md
[ -f "$M/index.md" ] && [ -z "$(find "$M" -name '*.pdf')" ] && ok format-md-only ||
	fail format-md-only "PDFs written with --format md"

# ---- archive.json: valid JSON, keys in the documented order ----
if json "$V/archive.json" 'pass' 2>"$WORK/json.err"; then ok json-parses; else
	fail json-parses "$(head -n 3 "$WORK/json.err")"; fi
json "$V/archive.json" '
import re
doc = open("../../man/archive-json.section").read()
def keys(v, path):
    if isinstance(v, dict):
        for k, x in v.items():
            yield path + "." + k, k
            yield from keys(x, path + "." + k)
    elif isinstance(v, list):
        for x in v:
            yield from keys(x, path + "[]")
missing = sorted({k for p, k in keys(a, "") if not re.search(r"\b" + re.escape(k) + r"\b", doc)})
print("undocumented keys:", missing)' >"$WORK/json-keys.out"
has json-keys-documented "$WORK/json-keys.out" '^undocumented keys: \[\]$'
if $PY -c '
import sys
frag = "".join(l for l in open(sys.argv[1]) if not l.startswith(".\\\""))
sys.exit(0 if frag in open(sys.argv[2]).read() else 1)' ../../man/archive-json.section ../../man/debrief.1
then ok json-shape-in-man-page; else fail json-shape-in-man-page "debrief.1 lacks man/archive-json.section"; fi

# Standard input named twice is read once, as a file named twice is (a
# second read would find it empty and leave out a record with no id).
(cd "$C" && "$DEBRIEF" archive -o "$WORK/stdin2" --today $TODAY --lang en - - \
	<records/2017-06-quangnam-nagasaki.yaml) >"$WORK/stdin2.out" 2>"$WORK/stdin2.err"
rc=$?
sanitizer_clean stdin2/sanitizers "$WORK/stdin2.err" || true
want_rc stdin2 0
has stdin2/one-record "$WORK/stdin2.out" ': 1 record; '

# ---- incrementality ----
arc again vi -v
want_rc again 0
gold rerun-unchanged.out "$WORK/again.out"
# One record changes: only the pages its data appears on are rewritten.
sed 's/^title: .*/title: Đoàn Kitakyushu thăm Hải Phòng (sửa)/' \
	"$C/records/2024-04-haiphong-kitakyushu.yaml" >"$WORK/t.yaml" &&
	mv "$WORK/t.yaml" "$C/records/2024-04-haiphong-kitakyushu.yaml"
arc touched vi -v
want_rc touched 0
gold touch-one-record.out "$WORK/touched.out"
# A partner gone from the collection: its page is removed; a file the
# archive did not write is left alone.
echo keep >"$V/partners/notes-by-hand.md"
rm "$C/records/2024-04-haiphong-kitakyushu.yaml"
arc removed vi -v
want_rc removed 0
gold stale-partner-removed.out "$WORK/removed.out"
[ ! -e "$V/partners/jp-kitakyushu.md" ] && [ -f "$V/partners/notes-by-hand.md" ] &&
	ok stale-only-own-files || fail stale-only-own-files "wrong files removed"
has manifest-lists-own-files "$V/.debrief-archive" ' partners/jp-nagasaki\.md$'
cp records/2024-04-haiphong-kitakyushu.yaml "$C/records/"

# ---- the cache of what each record gave (DIR/.debrief-cache) ----
# After each change (a task's status, a record gone and one added, the
# configuration) the incremental run writes the same files, Markdown and
# PDF, as a fresh run into an empty directory; the cache itself aside.
K=$WORK/k
rm -rf "$K" && mkdir -p "$K" && cp -R records .debrief.yaml "$K/"
karc() { # karc NAME DIR: archive $K/records into $K/DIR; sets rc
	(cd "$K" && "$DEBRIEF" archive -o "$2" --today $TODAY --lang en --verbose records) \
		>"$WORK/$1.out" 2>"$WORK/$1.err"
	rc=$?
	sanitizer_clean "$1/sanitizers" "$WORK/$1.err" || true
}
fresh_same() { # NAME: $K/inc against a fresh archive of the same records
	rm -rf "$K/fresh"
	karc "$(echo "$1" | tr / -)-fresh" fresh
	if [ ! -f "$K/fresh/index.pdf" ] || [ ! -f "$K/inc/index.pdf" ]; then
		fail "$1" "no PDF written"
	elif diff -r -x .debrief-cache -x .debrief-cache.stat -x .debrief-archive.lock -x .debrief-archive.stat -x .debrief-archive.segments "$K/fresh" "$K/inc" \
		>"$WORK/cache.diff" 2>&1; then ok "$1"
	else fail "$1" "differs from a fresh archive"; head -n 10 "$WORK/cache.diff"; fi
}
# the number of entries a cache file holds (its trailer), -1 when none
entries() {
	$PY -c 'import sys
try: d = open(sys.argv[1], "rb").read()
except OSError: print(-1); sys.exit()
print(int.from_bytes(d[-20:-16], "little"))' "$1"
}
karc cache-first inc
has cache/first-run-parses-all "$WORK/cache-first.err" 'cache: 0 records reused, 11 parsed$'
[ "$(entries "$K/inc/.debrief-cache")" = 11 ] && ok cache/an-entry-per-record ||
	fail cache/an-entry-per-record "$(entries "$K/inc/.debrief-cache") entries, want 11"
cp "$K/inc/.debrief-cache" "$WORK/cache.before"
karc cache-again inc
has cache/rerun-parses-none "$WORK/cache-again.err" 'cache: 11 records reused, 0 parsed$'
has cache/rerun-writes-nothing "$WORK/cache-again.out" ' 0 written, '
cmp -s "$WORK/cache.before" "$K/inc/.debrief-cache" && ok cache/same-records-same-file ||
	fail cache/same-records-same-file "the cache changed on an unchanged re-run"

# A build of other sources, though it says the same version (a patched
# package, a developer's build), takes nothing of the last run's: every
# record is parsed again, and the archive is the fresh one.  The other
# build is this one with the sources' id it carries (--version) changed.
src_id=$("$DEBRIEF_PLAIN" --version | sed -n 's/.*(sources \([0-9a-f]*\))$/\1/p')
[ -n "$src_id" ] || fail cache/other-build-has-source-id "--version names no sources: $("$DEBRIEF_PLAIN" --version)"
$PY -c 'import sys
d = open(sys.argv[1], "rb").read(); i = sys.argv[2].encode()
assert i and i in d
open(sys.argv[3], "wb").write(d.replace(i, i[::-1]))' "$DEBRIEF" "$src_id" "$WORK/other-build" &&
	chmod +x "$WORK/other-build"
(cd "$K" && "$WORK/other-build" archive -o inc --today $TODAY --lang en --verbose records) \
	>"$WORK/cache-other-build.out" 2>"$WORK/cache-other-build.err"
has cache/other-build-parses-all "$WORK/cache-other-build.err" 'cache: 0 records reused, 11 parsed$'
# the same pages and archive.json (the manifest's keys are the build's)
rm -rf "$K/fresh" && karc other-build-fresh fresh
if diff -r -x '.debrief-*' "$K/fresh" "$K/inc" >"$WORK/cache.diff" 2>&1; then
	ok cache/other-build-same-as-fresh
else fail cache/other-build-same-as-fresh "$(head -n 3 "$WORK/cache.diff")"; fi
karc cache-back inc
has cache/back-to-this-build-parses-all "$WORK/cache-back.err" 'cache: 0 records reused, 11 parsed$'

# A record not read again because stat says it is as it was
# (DIR/.debrief-cache.stat) must not hide a change: the same number of
# bytes written in place, its mtime then set back (as cp -p or tar do),
# leaves its ctime moved, so it is parsed and the archive is the fresh one.
f=$K/records/2017-07-camau-nagasaki.yaml
touch -r "$f" "$WORK/stamp"
sed 's/làm việc tại/làm việc với/' "$f" >"$WORK/same-size"
cat "$WORK/same-size" >"$f"
touch -r "$WORK/stamp" "$f"
karc cache-same-size inc
has cache/same-size-same-mtime-parsed "$WORK/cache-same-size.err" 'cache: 10 records reused, 1 parsed$'
fresh_same cache/same-size-same-mtime-same-as-fresh
# archive.json is made again with the objects whose inputs did not change
# copied from the file on disk, where DIR/.debrief-archive.segments says
# they are: a segments file pointing at the wrong bytes (every offset
# moved by one object; its last line, the hash of the lines as written,
# kept), or at a file since changed, takes nothing wrong: each object is
# then checked by its own hash.  Without that last line, the objects are
# still taken, each checked.
sed 's/làm việc với/làm việc tại/' "$f" >"$WORK/same-size"
cat "$WORK/same-size" >"$f"
cp "$K/inc/.debrief-archive.segments" "$WORK/segments.good"
$PY -c 'import sys
p = sys.argv[1]; l = open(p).read().split("\n")
head, rows = l[0], [r.split(" ") for r in l[1:] if r and not r.startswith("end ")]
seal = [r for r in l[1:] if r.startswith("end ")]
n = len(rows); out = [head]
for i, r in enumerate(rows):
	o = rows[(i + 1) % n]
	out.append(" ".join([r[0], r[1], o[2], o[3], o[4]]))
open(p, "w").write("\n".join(out + seal) + "\n")' "$K/inc/.debrief-archive.segments"
karc cache-segments-moved inc
has cache/json-objects-misplaced-not-copied "$WORK/cache-segments-moved.err" 'archive.json: 0 objects copied from the previous file'
fresh_same cache/json-objects-misplaced-same-as-fresh
sed 's/làm việc tại/làm việc với/' "$f" >"$WORK/same-size"
cat "$WORK/same-size" >"$f"
karc cache-segments-again inc
grep -v '^end ' "$K/inc/.debrief-archive.segments" >"$WORK/segments.unsealed"
cp "$WORK/segments.unsealed" "$K/inc/.debrief-archive.segments"
sed 's/làm việc với/làm việc tại/' "$f" >"$WORK/same-size"
cat "$WORK/same-size" >"$f"
karc cache-segments-unsealed inc
has cache/json-objects-unsealed-copied "$WORK/cache-segments-unsealed.err" 'archive.json: [1-9][0-9]* objects copied from the previous file'
fresh_same cache/json-objects-unsealed-same-as-fresh
# With nothing to vouch for it (.debrief-archive.stat gone), archive.json
# is read to be checked, by the hash of its pieces that the manifest
# records, which a re-run that copied most of its objects worked out from
# the segments file: unchanged, it is not written again.
rm -f "$K/inc/.debrief-archive.stat"
karc cache-json-read inc
has cache/json-read-by-its-pieces-kept "$WORK/cache-json-read.out" ' 0 written, '
# a damaged stat file vouches for nothing: every record is read again
printf 'garbage\n' >"$K/inc/.debrief-cache.stat"
karc cache-stat-garbage inc
has cache/stat-damaged-reads-all "$WORK/cache-stat-garbage.err" 'cache: 11 records reused, 0 parsed$'
fresh_same cache/stat-damaged-same-as-fresh

sed 's/status: in_progress/status: done/' records/2017-07-camau-nagasaki.yaml \
	>"$K/records/2017-07-camau-nagasaki.yaml"
karc cache-task inc
want_rc cache-task 0
has cache/changed-record-parsed "$WORK/cache-task.err" 'cache: 10 records reused, 1 parsed$'
has cache/changed-task-page-rewritten "$WORK/cache-task.out" '^written tasks\.md$'
has cache/changed-task-json-objects-copied "$WORK/cache-task.err" 'archive.json: [1-9][0-9]* objects copied from the previous file, [1-9][0-9]* made$'
fresh_same cache/task-changed-same-as-fresh

rm "$K/records/2022-11-daklak-gangwon.yaml"
sed 's/^id: .*/id: 2026-05-hanoi-fukuoka/; s/2026-04-/2026-05-/g' records/2026-04-hanoi-fukuoka.yaml \
	>"$K/records/2026-05-hanoi-fukuoka.yaml"
karc cache-gone-added inc
has cache/added-record-parsed "$WORK/cache-gone-added.err" 'cache: 10 records reused, 1 parsed$'
fresh_same cache/record-gone-and-added-same-as-fresh
[ "$(entries "$K/inc/.debrief-cache")" = 11 ] && ok cache/gone-record-dropped ||
	fail cache/gone-record-dropped "$(entries "$K/inc/.debrief-cache") entries, want 11"

printf '  "Sở Ngoại vụ Hà Nội": Sở Ngoại vụ thành phố Hà Nội\n' >>"$K/.debrief.yaml"
karc cache-config inc
has cache/config-changed-pages-rewritten "$WORK/cache-config.out" '^written tasks\.md$'
fresh_same cache/config-changed-same-as-fresh
# a change to the configuration that changes nothing: every page and
# archive.json made again (their digests name the configuration's bytes),
# and none written, archive.json told unchanged by its hash
printf '# a comment\n' >>"$K/.debrief.yaml"
karc cache-config-comment inc
has cache/config-comment-writes-nothing "$WORK/cache-config-comment.out" ' 0 written, '
fresh_same cache/config-comment-same-as-fresh

# A damaged cache is not used (said with --verbose), the archive is the
# fresh one and the cache is written anew: cut short, garbage, one byte
# changed, another version's well-formed file, a well-formed file whose
# entry holds a value no record can have.
cp "$K/inc/.debrief-cache" "$WORK/cache.good"
damage() { # NAME PYTHON: rewrite the cache with d (its bytes) changed
	$PY -c 'import xxhash, sys
d = bytearray(open(sys.argv[1], "rb").read())
def seal(b): return b[:-16] + xxhash.xxh3_128(bytes(b[:-16])).digest()
'"$2"'
open(sys.argv[1], "wb").write(d)' "$K/inc/.debrief-cache"
	karc "cache-$1" inc
	want_rc "cache-$1" 0
	fresh_same "cache/$1-same-as-fresh"
	karc "cache-$1-after" inc
	has "cache/$1-rewritten" "$WORK/cache-$1-after.err" 'cache: 11 records reused, 0 parsed$'
}
cp "$WORK/cache.good" "$K/inc/.debrief-cache"
damage truncated 'd = d[:len(d) // 2]'
has cache/truncated-said "$WORK/cache-truncated.err" '\.debrief-cache: damaged or written by another version; not used$'
has cache/truncated-parsed "$WORK/cache-truncated.err" 'cache: 0 records reused, 11 parsed$'
damage garbage 'd = bytearray(b"\x00\xffgarbage" * 4000)'
has cache/garbage-said "$WORK/cache-garbage.err" 'damaged or written by another version; not used$'
damage flipped 'd[len(d) // 2] ^= 1'
has cache/flipped-byte-said "$WORK/cache-flipped.err" 'damaged or written by another version; not used$'
damage other-version 'import re; d = seal(bytearray(re.sub(rb"archive cache [0-9]+ ", b"archive cache 0 ", bytes(d), count=1)))'
has cache/other-version-said "$WORK/cache-other-version.err" 'damaged or written by another version; not used$'
# the first entry's first field (record or none) set to 7: that entry is
# parsed instead, the others are still used
damage bad-value 'h = d.index(b"\n") + 1; d[h + 20] = 7; d = seal(d)'
has cache/bad-value-parsed "$WORK/cache-bad-value.err" 'cache: 10 records reused, 1 parsed$'
# the first entry's start date given a month no calendar has
damage bad-date 'h = d.index(b"\n") + 1 + 20 + 4
u = lambda at: int.from_bytes(d[at:at + 4], "little")
h += 4 + u(h) + 8
h += 4 + u(h) + 8
d[h + 4:h + 8] = (0x07000000).to_bytes(4, "little"); d = seal(d)'
has cache/bad-date-parsed "$WORK/cache-bad-date.err" 'cache: 10 records reused, 1 parsed$'
# Well-formed files (the hash made again) with bytes of their entries
# changed at random: a date, a count, a string's bytes may be anything;
# the run may use what it reads, but never reads past it or trips the
# sanitizers, and always ends as a run does.
n=1 crashed=0
while [ $n -le 30 ]; do
	cp "$WORK/cache.good" "$K/inc/.debrief-cache"
	$PY -c 'import xxhash, random, sys
random.seed(int(sys.argv[2]))
d = bytearray(open(sys.argv[1], "rb").read())
h = d.index(b"\n") + 1
for _ in range(random.randint(1, 8)):
	d[random.randrange(h, len(d) - 23)] = random.choice([0, 1, 7, 0x80, 0xff, random.randrange(256)])
d[-16:] = xxhash.xxh3_128(bytes(d[:-16])).digest()
open(sys.argv[1], "wb").write(d)' "$K/inc/.debrief-cache" $n
	karc cache-forged inc
	if [ "$rc" -gt 1 ] || grep -qE 'Sanitizer|runtime error:' "$WORK/cache-forged.err"; then
		crashed=$((crashed + 1)); echo "  seed $n: exit $rc"; tail -n 3 "$WORK/cache-forged.err"
	fi
	n=$((n + 1))
done
[ $crashed = 0 ] && ok cache/forged-entries-30-runs || fail cache/forged-entries-30-runs "$crashed runs failed"

# The files beside the archive that say where things are, damaged at
# random (bytes changed, lines cut or swapped): what stat vouches for
# (.debrief-cache.stat) and where archive.json's objects are
# (.debrief-archive.segments).  Each damaged file is either not used or
# points at what is checked before use: the archive is the fresh one.
# The pages of the forged runs above were made from what those caches
# said (their digests name the records, not what a forged entry made of
# them): start again from an archive of the records as they are.
rm -rf "$K/inc" && mkdir -p "$K/inc"
cp "$WORK/cache.good" "$K/inc/.debrief-cache"
karc side-base inc
n=1 bad=0
while [ $n -le 20 ]; do
	for f in .debrief-cache.stat .debrief-archive.segments; do
		[ -f "$K/inc/$f" ] || { bad=$((bad + 1)); echo "  no $f"; continue; }
		$PY -c 'import random, sys
random.seed(int(sys.argv[2]))
l = open(sys.argv[1], "rb").read().split(b"\n")
for _ in range(random.randint(1, 4)):
	i = random.randrange(1, max(2, len(l) - 1))
	r = random.random()
	if r < 0.4 and len(l[i]) > 0:
		b = bytearray(l[i]); b[random.randrange(len(b))] = random.choice(b"0123456789abcdef -\x00\xff")
		l[i] = bytes(b)
	elif r < 0.7:
		j = random.randrange(1, max(2, len(l) - 1)); l[i], l[j] = l[j], l[i]
	else:
		l[i] = l[i][:random.randrange(len(l[i]) + 1)]
open(sys.argv[1], "wb").write(b"\n".join(l))' "$K/inc/$f" $n
	done
	sed "s/^handover: .*/handover: Ghi chú bàn giao lần $n./" records/2017-07-camau-nagasaki.yaml \
		>"$K/records/2017-07-camau-nagasaki.yaml"
	karc side-damaged inc
	if [ "$rc" -gt 1 ] || grep -qE 'Sanitizer|runtime error:' "$WORK/side-damaged.err"; then
		bad=$((bad + 1)); echo "  seed $n: exit $rc"; tail -n 3 "$WORK/side-damaged.err"
	else
		rm -rf "$K/fresh"
		karc side-fresh fresh
		if ! diff -r -x '.debrief-*' "$K/fresh" "$K/inc" >"$WORK/side.diff" 2>&1; then
			bad=$((bad + 1)); echo "  seed $n: differs from a fresh archive"; head -n 5 "$WORK/side.diff"
		fi
	fi
	n=$((n + 1))
done
[ $bad = 0 ] && ok side-files-damaged-20-runs || fail side-files-damaged-20-runs "$bad runs went wrong"

# ---- determinism ----
D1=$WORK/d1 D2=$WORK/d2
(cd "$C" && SOURCE_DATE_EPOCH=1756684800 "$DEBRIEF" archive -o "$D1" records) >/dev/null 2>&1
# the same files named one by one, in reverse order
files=$(cd "$C" && ls records/*.yaml | sort -r)
# shellcheck disable=SC2086
(cd "$C" && SOURCE_DATE_EPOCH=1756684800 "$DEBRIEF_PLAIN" archive -o "$D2" $files) >/dev/null 2>&1
# (.debrief-archive.stat describes the files, inodes and times, not the archive)
if diff -r -x .debrief-archive.stat "$D1" "$D2" >"$WORK/det.diff" 2>&1; then ok deterministic; else
	fail deterministic "two runs differ"; head -n 20 "$WORK/det.diff"; fi
arc today d3
cmp -s "$D1/index.md" "$C/d3/index.md" && ok source-date-epoch-is-today ||
	fail source-date-epoch-is-today "SOURCE_DATE_EPOCH and --today disagree"

# ---- nothing written outside -o DIR ----
S=$WORK/sandbox
rm -rf "$S" && mkdir -p "$S/in" && cp -R "$C/records" "$C/.debrief.yaml" "$S/in/"
(cd "$S" && find . | sort) >"$WORK/before.lst"
(cd "$S/in" && "$DEBRIEF" archive -o ../out/deep/dir --today $TODAY records) >/dev/null 2>&1
(cd "$S" && find . | grep -v '^\./out' | sort) >"$WORK/after.lst"
if cmp -s "$WORK/before.lst" "$WORK/after.lst" && [ -f "$S/out/deep/dir/index.md" ] &&
	! ls -a "$S/out/deep/dir" | grep -q '\.tmp'; then ok writes-only-in-dir; else
	fail writes-only-in-dir "files appeared outside -o DIR"; diff "$WORK/before.lst" "$WORK/after.lst" | head; fi

# ---- a directory in DIR that cannot be written: named in the message ----
RO=$WORK/ro
(cd "$C" && "$DEBRIEF" archive -o "$RO" --format md --today $TODAY records) >/dev/null 2>&1
chmod 555 "$RO/partners"
# root writes anywhere unless it gives up overriding the modes of files
as=
[ "$(id -u)" = 0 ] && as="setpriv --bounding-set=-dac_override,-dac_read_search,-fowner"
(cd "$C" && $as "$DEBRIEF" archive -o "$RO" --format md --lang en --today $TODAY records) \
	>/dev/null 2>"$WORK/ro.err"
rc=$?
chmod 755 "$RO/partners"
want_rc ro 2
has ro/names-the-directory "$WORK/ro.err" "^debrief archive: cannot create a file in $RO/partners: Permission denied\$"

# ---- bad records among good ones ----
B=$WORK/bad
rm -rf "$B" && mkdir -p "$B" && cp -R "$C/records" "$C/.debrief.yaml" "$B/"
printf 'schema: debrief/1\nid: 2017-06-quangnam-nagasaki\ntitle: x\ndirection: outbound\ndates: {start: 2020-01-01, end: 2020-01-02}\nlocality: {name: Huế}\npartners: [{name: X, country: JP}]\n' >"$B/records/zz-duplicate-id.yaml"
printf 'schema: debrief/1\nid: broken\ntitle: [unclosed\n' >"$B/records/zz-broken.yaml"
# an error in one task: reported, and the rest of the record is archived
printf 'schema: debrief/1\nid: zz-bad-due\ntitle: Bad due date\ndirection: inbound\ndates: {start: 2024-05-02, end: 2024-05-03}\nlocality: {name: Huế}\npartners: [{name: Kitakyushu, country: JP}]\ntasks:\n  - {task: Follow up, owner: Sở Ngoại vụ, due: 31/12/2024}\n  - {task: Send the minutes, owner: Sở Ngoại vụ, due: 2024-06-30, status: finished}\n' >"$B/records/zz-bad-due.yaml"
# an unusable start date: still a visit, archived with the date unknown, its
# overdue task in the register and its partner in the dossiers
printf 'schema: debrief/1\nid: zz-bad-start\ntitle: Bad start date\ndirection: outbound\ndates: {start: 15/10/2023, end: 2023-10-18}\nlocality: {name: Lâm Đồng}\npartners: [{name: Liên minh châu Âu, country: EU, kind: organization}]\ntasks:\n  - {task: Report to the People'"'"'s Committee, owner: Sở Công Thương, due: 2023-11-01}\n' >"$B/records/zz-bad-start.yaml"
# a country code the schema rejects: the partner is kept, its country said unknown, not "ZZ"
printf 'schema: debrief/1\nid: zz-bad-country\ntitle: Bad country\ndirection: inbound\ndates: {start: 2024-05-02, end: 2024-05-03}\nlocality: {name: Huế}\npartners: [{name: Sendai, country: Japan}]\n' >"$B/records/zz-bad-country.yaml"
# the loader's error (a repeated key, line 9) after the schema's (line 7):
# said in line order, as check says them
printf 'schema: debrief/1\nid: zz-lines\ntitle: Lines\ndirection: inbound\ndates: {start: 2024-05-02, end: 2024-05-03}\nlocality: {name: Huế}\nstatus: complete\npartners: [{name: Kitakyushu, country: JP}]\ntitle: Again\n' >"$B/records/zz-lines.yaml"
(cd "$B" && "$DEBRIEF" archive -o out --today $TODAY --lang en records) >"$WORK/bad.out" 2>"$WORK/bad.err"
rc=$?
sanitizer_clean bad/sanitizers "$WORK/bad.err" || true
want_rc bad 1
grep -E 'zz-' "$WORK/bad.err" >"$WORK/bad-records.err"
gold bad-records.err "$WORK/bad-records.err"
(cd "$B" && "$DEBRIEF" check --today $TODAY --lang en records/zz-lines.yaml) 2>&1 | grep -E ': error: .*\[(yaml|schema)-' >"$WORK/lines-check.err"
grep '^records/zz-lines.yaml:' "$WORK/bad.err" >"$WORK/lines-archive.err"
if [ "$(wc -l <"$WORK/lines-archive.err")" -eq 2 ] && cmp -s "$WORK/lines-check.err" "$WORK/lines-archive.err"
then ok bad/errors-in-check-order; else
	fail bad/errors-in-check-order "$(cat "$WORK/lines-archive.err")"; fi
has bad/others-archived "$WORK/bad.out" '15 records'
has bad/organisation-listed-by-name "$B/out/index.md" '^- \*\*European Union\*\*: 1 delegation record, from 1 Vietnamese locality\.$'
has bad/unknown-country-said "$B/out/index.md" '^- \*\*\(country unknown\)\*\*:'
has bad/partial-record-archived "$B/out/partners/jp-kitakyushu.md" 'zz-bad-due'
cat "$B/out/tasks/"*.md >"$WORK/bad-register.md"
has bad/miswritten-status-unknown "$WORK/bad-register.md" '^\| 30 Jun 2024 \| Send the minutes \|.*\| unknown \(miswritten\) \|'
has bad/undated-record-listed "$B/out/index.md" '^- \[Date unknown\]\(visits/undated\.md\): 1 visit$'
has bad/undated-record-page "$B/out/visits/undated.md" '^\| — \| outbound \| .*zz-bad-start \|$'
has bad/undated-record-in-register "$WORK/bad-register.md" 'zz-bad-start'
has bad/undated-partner-kept "$B/out/partners/eu-lien-minh-chau-au.md" 'zz-bad-start'
has bad/organisation-not-country "$B/out/partners/eu-lien-minh-chau-au.md" '^- International organisation: European Union$'
# a partner whose country is miswritten: its localities counted, not "of (country unknown)"
has bad/unknown-country-line "$B/out/index.md" '^- \*\*\(country unknown\)\*\*: 0 Vietnamese localities cooperate with 0 partner localities; '
# the files that gave no record named on the index page and in
# archive.json, by name, each with why and where: the archive itself says
# what it lacks
sed -n '/^## Files left out of the archive$/,/^## /p' "$B/out/index.md" >"$WORK/bad-left-out.md"
gold bad-left-out-named-on-index.md "$WORK/bad-left-out.md"
json "$B/out/archive.json" 'print("\n".join("%s:%d:%d %s" % (l["file"], l["line"], l["column"], l["rule"]) for l in a["left_out"]))' \
	>"$WORK/bad-left-out.json" 2>&1
printf '%s\n' "records/zz-broken.yaml:4:1 yaml-syntax" "records/zz-duplicate-id.yaml:2:5 schema-duplicate-id" >"$WORK/bad-left-out.want"
if cmp -s "$WORK/bad-left-out.want" "$WORK/bad-left-out.json"; then ok bad/left-out-in-json; else
	fail bad/left-out-in-json "$(cat "$WORK/bad-left-out.json")"; fi
# mended, the file is archived and no longer named, as a fresh run has it
printf 'schema: debrief/1\nid: broken\ntitle: Mended\ndirection: inbound\ndates: {start: 2024-05-02, end: 2024-05-03}\nlocality: {name: Huế}\npartners: [{name: Kitakyushu, country: JP}]\n' >"$B/records/zz-broken.yaml"
(cd "$B" && "$DEBRIEF" archive -o out --format md --today $TODAY --lang en records) >/dev/null 2>&1
(cd "$B" && "$DEBRIEF" archive -o fresh --format md --today $TODAY --lang en records) >/dev/null 2>&1
if ! grep -q 'zz-broken' "$WORK/bad-left-out.md" || grep -q 'zz-broken' "$B/out/index.md" ||
	! cmp -s "$B/out/index.md" "$B/fresh/index.md"; then
	fail bad/left-out-mended-not-named "$(grep -A4 'left out' "$B/out/index.md" | head -n 6)"
else ok bad/left-out-mended-not-named; fi
# both dates unusable and no status: a visit all the same, as its report
# has it done, not one still planned (for want of an end date)
U=$WORK/undated
rm -rf "$U" && mkdir -p "$U/records"
printf 'schema: debrief/1\nid: zz-no-dates\ntitle: No usable date\ndirection: outbound\ndates: {start: 2024-13-01, end: 31/12/2024}\nlocality: {name: Lào Cai}\npartners: [{name: Yunnan, country: CN, kind: province}]\n' >"$U/records/zz-no-dates.yaml"
"$DEBRIEF" archive -o "$U/out" --format md --lang en --today $TODAY "$U/records" >/dev/null 2>&1
has undated/a-visit-not-planned "$U/out/visits/undated.md" '^\| — \| outbound \| Lao Cai \| .*zz-no-dates \|$'
has undated/counted-as-a-visit "$U/out/index.md" '^As of 1 Sep 2025: 1 visit, 1 partner'
"$DEBRIEF" archive -o "$WORK/nofile" --today $TODAY "$WORK/no-such.yaml" >/dev/null 2>"$WORK/nofile.err"
rc=$?
want_rc unreadable-file 2
# a file the walk of a directory could not read (a link to nothing, links
# in a loop) is left out as one named is: on the index and in archive.json,
# not only on standard error
W=$WORK/walk-unread
rm -rf "$W" && mkdir -p "$W/records"
cp records/2017-07-camau-nagasaki.yaml "$W/records/"
ln -s nowhere.yaml "$W/records/dangling.yaml"
ln -s loop-b.yaml "$W/records/loop-a.yaml" && ln -s loop-a.yaml "$W/records/loop-b.yaml"
(cd "$W" && "$DEBRIEF" archive -o out --format md --today $TODAY --lang en records) >/dev/null 2>"$WORK/walk-unread.err"
rc=$?
sanitizer_clean walk-unread/sanitizers "$WORK/walk-unread.err" || true
want_rc walk-unread 2
sed -n '/^## Files left out of the archive$/,/^## /p' "$W/out/index.md" >"$WORK/walk-unread.md"
gold unreadable-in-walk-named-on-index.md "$WORK/walk-unread.md"
json "$W/out/archive.json" 'print(" ".join(l["file"] for l in a["left_out"]))' >"$WORK/walk-unread.json" 2>&1
if [ "$(cat "$WORK/walk-unread.json")" = "records/dangling.yaml records/loop-a.yaml records/loop-b.yaml" ]
then ok walk-unread/left-out-in-json; else fail walk-unread/left-out-in-json "$(cat "$WORK/walk-unread.json")"; fi

# ---- a large area: the dossier stays readable, archive.json is streamed ----
# 40 visits of one agency, 26 open tasks and 3 partner-side contacts each:
# the dossier lists the 100 most urgent tasks, the 30 newest handover
# notes and the 100 contacts last met, and says how many more; the
# department's 1,040 tasks are two pages of at most 1,000.
L=$WORK/large
rm -rf "$L" && mkdir -p "$L/r"
awk -v out="$L/r" 'BEGIN {
	for (i = 1; i <= 40; i++) {
		f = sprintf("%s/v%02d.yaml", out, i)
		print "schema: debrief/1" > f
		printf "id: large-%02d\ntitle: Visit %d\ndirection: outbound\n", i, i > f
		printf "dates: {start: 2024-%02d-%02d, end: 2024-%02d-%02d}\n", 1 + i % 12, 1 + i % 25, 1 + i % 12, 2 + i % 25 > f
		print "locality: {name: Huế}\nagency: {name: Tổng Lãnh sự quán Việt Nam tại Fukuoka, kind: consulate}" > f
		print "partners: [{name: Fukuoka, country: JP}]\ntasks:" > f
		for (t = 1; t <= 26; t++)
			printf "  - {task: Task %d of visit %d, owner: Sở Ngoại vụ, due: 2025-%02d-01}\n", t, i, 1 + (i + t) % 12 > f
		printf "handover: Note of visit %d\n", i > f
		print "contacts:" > f
		for (c = 1; c <= 3; c++)
			printf "  - {name: Contact %02d-%d, org: Fukuoka City Hall, side: partner}\n", i, c > f
		close(f)
	}
}'
"$DEBRIEF" archive -o "$L/out" --today $TODAY --lang en "$L/r" >"$WORK/large.out" 2>"$WORK/large.err"
rc=$?
sanitizer_clean large/sanitizers "$WORK/large.err" || true
want_rc large 0
G=$L/out/agencies/tong-lanh-su-quan-viet-nam-tai-fukuoka.md
n=$(grep -c '^| .* | large-[0-9]* / T[0-9]* |$' "$G")
[ "$n" = 100 ] && ok large/agency-tasks-bounded || fail large/agency-tasks-bounded "$n task rows"
has large/agency-tasks-rest-said "$G" '^940 more open tasks: see each department.s page in the \[open-task register\]\(\.\./tasks\.md\)\.$'
n=$(grep -c '^- [0-9]* [A-Z][a-z]* 2024 (large-[0-9]*): Note of visit' "$G")
[ "$n" = 30 ] && ok large/handover-bounded || fail large/handover-bounded "$n notes"
has large/handover-rest-said "$G" '^10 earlier handover notes are in the records themselves\.$'
# the contacts kept are those of the newest visits (by date: visit i is on
# 2024-(1 + i % 12)-(1 + i % 25)), in the table's order, by name
sed -n '/^## Partner-side contacts/,/^## /p' "$G" | grep -o '^| Contact [0-9]*-[0-9]' |
	sed 's/^| Contact //' >"$WORK/large-contacts"
for i in $(seq 1 40); do printf '2024-%02d-%02d %02d\n' $((1 + i % 12)) $((1 + i % 25)) "$i"; done |
	sort -r | while read -r d i; do
	for c in 1 2 3; do echo "$i-$c"; done
done | head -n 100 | sort >"$WORK/large-contacts-want"
if [ "$(wc -l <"$WORK/large-contacts")" = 100 ] && sort -c "$WORK/large-contacts" 2>/dev/null &&
	cmp -s "$WORK/large-contacts" "$WORK/large-contacts-want"; then
	ok large/agency-contacts-last-met
else
	fail large/agency-contacts-last-met "not the 100 contacts of the newest visits, by name: $(tr '\n' ' ' <"$WORK/large-contacts" | cut -c 1-200)"
fi
has large/agency-contacts-rest-said "$G" '^20 more partner-side contacts, last met before those above: see each partner.s dossier \(Relationships\)\.$'
# the oldest visit's (36, on 2024-01-12): on the partner's dossier only
has large/partner-keeps-every-contact "$L/out/partners/jp-fukuoka.md" '^\| Contact 36-1 \|'
if grep -q 'Contact 36-' "$G"; then fail large/agency-oldest-contact-left "$G lists Contact 36"; else ok large/agency-oldest-contact-left; fi
dept=$(grep -oE '\]\(tasks/[^)]*\)' "$L/out/tasks.md" | sed 's/^](//; s/)$//')
n=$(grep -c '^| .* | large-[0-9]* / T[0-9]* |$' "$L/out/${dept:-none}" 2>/dev/null)
n2=$(grep -c '^| .* | large-[0-9]* / T[0-9]* |$' "$L/out/${dept%.md}.2.md" 2>/dev/null)
[ "$n" = 1000 ] && [ "$n2" = 40 ] && ok large/department-in-parts ||
	fail large/department-in-parts "$n and $n2 task rows"
has large/department-parts-linked "$L/out/${dept%.md}.2.md" '^Parts: \[1\]\([^)/]*\.md\) · \*\*2\*\*$'
has large/department-part-titled "$L/out/${dept%.md}.2.md" '^# Open tasks: .* \(part 2 of 2\)$'
rm -f "$WORK/part.pdf"
qpdf --qdf --object-streams=disable "$L/out/${dept%.md}.2.pdf" "$WORK/part.pdf" 2>/dev/null
if grep -aq "/URI ($(basename "${dept%.md}").pdf)" "$WORK/part.pdf" 2>/dev/null; then
	ok large/department-part-pdf-links
else
	fail large/department-part-pdf-links "part 2's PDF does not link to part 1's"
fi
size=$(wc -c <"$L/out/archive.json")
[ "$size" -gt 65536 ] && json "$L/out/archive.json" 'assert len(a["records"]) == 40' &&
	ok large/json-streamed-whole || fail large/json-streamed-whole "$size bytes, or not 40 records"
"$DEBRIEF" archive -o "$L/out" --today $TODAY --lang en "$L/r" >"$WORK/large2.out" 2>&1
has large/json-unchanged "$WORK/large2.out" '; 0 written, '

# ---- many records: a re-run that parsed few writes only what it added ----
# With 300 records, one changed: its entry goes to DIR/.debrief-cache.more
# and .debrief-cache is left as it is; with more than an eighth changed,
# the whole cache is written again and the second file goes.
M=$WORK/many
rm -rf "$M" && mkdir -p "$M/r"
awk -v out="$M/r" 'BEGIN {
	for (i = 1; i <= 300; i++) {
		f = sprintf("%s/m%03d.yaml", out, i)
		print "schema: debrief/1" > f
		printf "id: many-%03d\ntitle: Visit %d\ndirection: outbound\n", i, i > f
		printf "dates: {start: 2024-01-%02d, end: 2024-01-%02d}\n", 1 + i % 25, 2 + i % 25 > f
		print "locality: {name: Huế}\npartners: [{name: Fukuoka, country: JP}]\ntasks:" > f
		printf "  - {task: Task of visit %d, owner: Sở Ngoại vụ, due: 2025-01-01, status: open}\n", i > f
		close(f)
	}
}'
marc() { # marc NAME DIR: archive $M/r into $M/DIR, Markdown only
	"$DEBRIEF" archive -o "$M/$2" --format md --today $TODAY --lang en --verbose "$M/r" \
		>"$WORK/$1.out" 2>"$WORK/$1.err"
	rc=$?
	sanitizer_clean "$1/sanitizers" "$WORK/$1.err" || true
}
marc many-first out
size0=$(wc -c <"$M/out/.debrief-cache")
sed 's/status: open/status: done/' "$M/r/m150.yaml" >"$WORK/m150" && mv "$WORK/m150" "$M/r/m150.yaml"
marc many-one out
has many/one-parsed "$WORK/many-one.err" 'cache: 299 records reused, 1 parsed$'
[ -f "$M/out/.debrief-cache.more" ] && [ "$(wc -c <"$M/out/.debrief-cache")" = "$size0" ] &&
	ok many/added-entry-apart || fail many/added-entry-apart "the whole cache was written again"
[ "$(entries "$M/out/.debrief-cache.more")" = 1 ] && ok many/only-the-added-entry ||
	fail many/only-the-added-entry "$(entries "$M/out/.debrief-cache.more") entries, want 1"
marc many-again out
has many/both-files-used "$WORK/many-again.err" 'cache: 300 records reused, 0 parsed$'
many_fresh() { # NAME: $M/out against a fresh archive
	rm -rf "$M/fresh"
	marc "$1-fresh" fresh
	if diff -r -x '.debrief-*' "$M/fresh" "$M/out" >"$WORK/many.diff" 2>&1; then ok "$1"
	else fail "$1" "differs from a fresh archive"; head -n 10 "$WORK/many.diff"; fi
}
many_fresh many/added-apart-same-as-fresh
printf 'garbage\n' >"$M/out/.debrief-cache.more"
marc many-more-damaged out
has many/more-damaged-said "$WORK/many-more-damaged.err" '\.debrief-cache\.more: damaged or written by another version; not used$'
has many/more-damaged-parsed "$WORK/many-more-damaged.err" 'cache: 299 records reused, 1 parsed$'
many_fresh many/more-damaged-same-as-fresh
for i in $(seq 1 60); do
	f=$(printf '%s/r/m%03d.yaml' "$M" "$i")
	sed 's/^title: Visit/title: Delegation/' "$f" >"$WORK/m" && mv "$WORK/m" "$f"
done
marc many-lots out
has many/lots-parsed "$WORK/many-lots.err" 'cache: 240 records reused, 60 parsed$'
[ ! -e "$M/out/.debrief-cache.more" ] && [ "$(entries "$M/out/.debrief-cache")" = 300 ] &&
	ok many/lots-cache-whole-again || fail many/lots-cache-whole-again "$(entries "$M/out/.debrief-cache") entries"
many_fresh many/lots-same-as-fresh

# ---- a change reaches the pages that show it, and only those ----
# A record's row names its partners by their links, so a page listing it
# is not made again when another record of the same partner changes; but
# an agency's table of relationships shows each partner's open tasks and
# last visit, which records of other agencies make: Fukuoka is a partner of
# both embassies, and a task closed in embassy A's record changes embassy
# B's dossier, which is written again and equals a fresh run's.
X=$WORK/reach
rm -rf "$X" && mkdir -p "$X/r"
for v in a:A:2023 b:B:2022 c:B:2021; do
	IFS=: read -r n g y <<EOF2
$v
EOF2
	cat >"$X/r/$n.yaml" <<EOF2
schema: debrief/1
id: reach-$n
title: Visit $n
direction: outbound
dates: {start: $y-03-01, end: $y-03-04}
locality: {name: Huế}
agency: {name: Embassy $g, kind: embassy}
partners: [{name: Fukuoka, country: JP, relationship: {stage: mou, since: 2019-01}}]
tasks:
  - {task: Task of visit $n, owner: Sở Ngoại vụ, due: 2026-01-01, status: open}
EOF2
done
xarc() { # xarc NAME DIR
	"$DEBRIEF" archive -o "$X/$2" --format md --today $TODAY --lang en --verbose "$X/r" \
		>"$WORK/$1.out" 2>"$WORK/$1.err"
	sanitizer_clean "$1/sanitizers" "$WORK/$1.err" || true
}
xarc reach-first out
B=$(grep -l '^# Embassy B' "$X/out/agencies/"*.md)
has reach/agency-counts-other-agencies-tasks "$B" '^\| \[Fukuoka\]\(\.\./partners/jp-fukuoka\.md\) \| Japan \| Hue \| .* \| 3 \|$'
sed 's/status: open/status: done/' "$X/r/a.yaml" >"$WORK/reach-a" && mv "$WORK/reach-a" "$X/r/a.yaml"
xarc reach-task out
has reach/other-agency-dossier-written "$WORK/reach-task.out" "^written agencies/$(basename "$B")\$"
has reach/other-agency-dossier-counts "$B" '^\| \[Fukuoka\]\(\.\./partners/jp-fukuoka\.md\) \| Japan \| Hue \| .* \| 2 \|$'
rm -rf "$X/fresh"
xarc reach-fresh fresh
if diff -r -x '.debrief-*' "$X/fresh" "$X/out" >"$WORK/reach.diff" 2>&1; then ok reach/same-as-fresh
else fail reach/same-as-fresh "differs from a fresh archive"; head -n 10 "$WORK/reach.diff"; fi
# archive.json's object of an agency lists its partners' contacts, not
# their tasks: the task closed above made the objects of record a, of
# Fukuoka and of the department again, not the embassies'; a contact added
# to embassy A's record makes embassy B's object again too (it lists
# Fukuoka's contacts), and the file equals a fresh run's.
has reach/json-agency-objects-kept "$WORK/reach-task.err" 'archive.json: [0-9]* objects copied from the previous file, 3 made$'
printf 'contacts:\n  - {name: Aoki Ken, org: Fukuoka, side: partner, email: aoki@example.jp}\n' >>"$X/r/a.yaml"
xarc reach-contact out
has reach/json-agency-objects-contact "$WORK/reach-contact.err" 'archive.json: [0-9]* objects copied from the previous file, 4 made$'
has reach/json-other-agency-lists-contact "$X/out/archive.json" 'aoki@example\.jp'
rm -rf "$X/fresh"
xarc reach-contact-fresh fresh
if diff -r -x '.debrief-*' "$X/fresh" "$X/out" >"$WORK/reach.diff" 2>&1; then ok reach/contact-same-as-fresh
else fail reach/contact-same-as-fresh "differs from a fresh archive"; head -n 10 "$WORK/reach.diff"; fi

# ---- what counts as a visit (visits/) ----
# Kagoshima was visited in 2018 and declined a visit in 2024 (response:
# declined); Oita's visit is planned.  A declined visit is no visit: not
# counted, not its last visit, not in its visits, so it does not keep the
# relationship warm; a planned one is not counted either.
T=$WORK/visits
rm -rf "$T" && mkdir -p "$T" && cp -R visits "$T/in"
(cd "$T" && "$DEBRIEF" archive -o out --lang en --today $TODAY in) >"$WORK/visits.out" 2>"$WORK/visits.err"
sanitizer_clean visits/sanitizers "$WORK/visits.err" || true
P=$T/out/partners/jp-kagoshima.md
has declined/not-last-visit "$P" '^- Last visit: 12 Mar 2018 – 15 Mar 2018, outbound, Ca Mau \(2018-03-camau-kagoshima\)$'
has declined/not-counted "$P" '^- Visits: 1$'
has declined/said-declined "$P" '^- Visits declined: 11 Nov 2024 – 14 Nov 2024, outbound, Vinh Long \(2024-11-vinhlong-miyazaki\), approached instead: \[Miyazaki\]\(\.\./partners/jp-miyazaki\.md\)$'
if grep -q '^| 2024-11-11 – 2024-11-14 |' "$P"; then fail declined/not-in-visits-table "$(grep '^| 2024-11-11' "$P")"
else ok declined/not-in-visits-table; fi
has declined/marked-in-year "$T/out/visits/2024.md" '\[Kagoshima\]\(\.\./partners/jp-kagoshima\.md\) \(declined\), \[Miyazaki\]'
has declined/does-not-keep-warm "$T/out/index.md" '^- \[Kagoshima\]\(partners/jp-kagoshima\.md\) \(Japan\): last visit 15 Mar 2018 \[archive-cold-partner\]$'
(cd "$T" && "$DEBRIEF" check --lang en --today $TODAY in) >"$WORK/visits-check.out" 2>&1
has declined/check-cold "$WORK/visits-check.out" 'partner Kagoshima \(Japan\) has a memorandum of understanding but has had no visit in either direction since 2018-03-15'
json "$T/out/archive.json" '
p = [p for p in a["partners"] if p["slug"] == "jp-kagoshima"][0]
print(p["last_visit"]["record"], p["visits"], p["declined"])' >"$WORK/visits-json.out" 2>&1
has declined/json "$WORK/visits-json.out" "^2018-03-camau-kagoshima \\['2018-03-camau-kagoshima'\\] \\['2024-11-vinhlong-miyazaki'\\]$"
# the country's line counts the two visits that took place, the localities
# and partner localities of those visits only
has stats/country-counts-visits-that-took-place "$T/out/index.md" '^- \*\*Japan\*\*: 1 Vietnamese locality cooperates with 1 locality of Japan; 2 localities have delegation records with 2 partner localities \(2 visits\)\.$'
has planned/not-counted "$T/out/partners/jp-oita.md" '^- Visits: 0 \(not counting 1 planned\)$'
# A visit whose record misspells its direction took place, but neither
# way the archive can tell: the index counts it in a column of its own, not
# as outbound (nor inbound), and archive.json says so; a collection
# without one has no such column.
hasnt_col() { if grep -q 'Direction unknown' "$1"; then fail "$2" "column shown"; else ok "$2"; fi; }
hasnt_col "$T/out/index.md" direction/no-column-without-one
sed -e 's/^id: .*/id: 2018-04-camau-kagoshima/' -e 's/^direction: outbound/direction: outbund/' \
	"$T/in/2018-03-camau-kagoshima.yaml" >"$T/in/2018-04-camau-kagoshima.yaml"
(cd "$T" && "$DEBRIEF" archive -o out --lang en --today $TODAY in) >"$WORK/direction.out" 2>"$WORK/direction.err"
sanitizer_clean direction/sanitizers "$WORK/direction.err" || true
has direction/said "$WORK/direction.err" "2018-04-camau-kagoshima.yaml:[0-9]+:[0-9]+: error: 'direction: outbund'"
has direction/own-column "$T/out/index.md" '^\| Year \| Outbound \| Inbound \| Direction unknown \| Total \| Planned \(not counted\) \|$'
has direction/not-outbound "$T/out/index.md" '^\| 2018 \| 1 \| 0 \| 1 \| 2 \| 0 \|$'
json "$T/out/archive.json" '
print([d for d in a["statistics"]["delegations"] if d["year"] == 2018])' >"$WORK/direction-json.out" 2>&1
has direction/json "$WORK/direction-json.out" "'outbound': 1, 'inbound': 0, 'planned': 0, 'direction_unknown': 1"
rm "$T/in/2018-04-camau-kagoshima.yaml"

# ---- an owner naming two departments: a task of each ----
# "Sở Nội vụ, Sở Y tế" is on Sở Nội vụ's page and on Sở Y tế's, as the
# report is sent to each, never a department of its own; the locality and
# the register count the task once; an owner_aliases name written with the
# record's own province is the alias's department.
J=$WORK/joint
mkdir -p "$J/r"
printf 'owner_aliases:\n  Sở Kế hoạch và Đầu tư: Sở Tài chính\n' >"$J/r/.debrief.yaml"
cat >"$J/r/2024-11-bacninh-hyogo.yaml" <<'EOR'
schema: debrief/1
id: 2024-11-bacninh-hyogo
title: Đoàn đại biểu tỉnh Bắc Ninh thăm tỉnh Hyogo
direction: outbound
dates: {start: 2024-11-11, end: 2024-11-15}
locality: {name: Bắc Ninh, kind: province}
partners:
  - {name: Hyogo, local_name: 兵庫県, country: JP, kind: prefecture}
tasks:
  - task: Xây dựng chương trình đào tạo điều dưỡng viên
    owner: Sở Nội vụ, Sở Y tế
    due: 2025-06-30
  - task: Đăng cai hội thảo y tế Việt - Nhật
    owner: Sở Y tế
    due: 2026-03-31
  - task: Tổ chức hội nghị xúc tiến đầu tư
    owner: sở kế hoạch và đầu tư tỉnh Bắc Ninh
    due: 2025-03-31
  - task: Cấp kinh phí đoàn ra
    owner: Sở Tài chính
    due: 2026-03-31
EOR
"$DEBRIEF" archive -o "$J/out" --today $TODAY "$J/r" >"$WORK/joint.out" 2>"$WORK/joint.err"
sanitizer_clean joint/sanitizers "$WORK/joint.err" || true
{ grep -E '^(Tính|## |\| \[|[0-9] nhiệm vụ)' "$J/out/tasks.md"
  for f in "$J/out/tasks/"*.md; do
	echo "${f#"$J/out/"}"; grep -E '^\| (\*\*|[0-9])' "$f" | cut -d'|' -f2,3
  done
  json "$J/out/archive.json" '
for o in a["owners"]:
    print(o["name"], o["open"], o["overdue"], [t["owner"] for t in o["tasks"]])'
} >"$WORK/joint-owner.out"
gold joint-owner.out "$WORK/joint-owner.out"

# ---- usage ----
"$DEBRIEF" archive --today $TODAY records >/dev/null 2>"$WORK/usage.err"
rc=$?
want_rc usage-no-dir 2
has usage-no-dir/message "$WORK/usage.err" '-o DIR'
"$DEBRIEF" archive -o "$WORK/x" --format docx records >/dev/null 2>&1
rc=$?
want_rc usage-bad-format 2
# -o naming a file: said at once, before any record is read or judged
: >"$WORK/a-file"
(cd "$C" && "$DEBRIEF" archive -o "$WORK/a-file" --lang en --today $TODAY records) \
	>"$WORK/usage-file.out" 2>"$WORK/usage-file.err"
rc=$?
want_rc usage-file 2
if [ "$(cat "$WORK/usage-file.err")" = "debrief archive: $WORK/a-file is not a directory" ] &&
	[ ! -s "$WORK/usage-file.out" ]; then ok usage-file/said-alone; else
	fail usage-file/said-alone "$(head -n 3 "$WORK/usage-file.err")"; fi

# ---- the same rules through check over several files ----
(cd "$C" && "$DEBRIEF" check --today $TODAY --lang en records) >"$WORK/check.out" 2>"$WORK/check.err"
sanitizer_clean check/sanitizers "$WORK/check.err" || true
grep -E '\[archive-' "$WORK/check.out" >"$WORK/check-collection.out"
gold check-collection.out "$WORK/check-collection.out"

# A record without an id: its own finding is the one finding of the problem,
# counted once, and that it is left out is said beside it.
mkdir -p "$WORK/noid"
sed '/^id:/d' "$TOP/examples/2017-07-camau-nagasaki.yaml" >"$WORK/noid/a.yaml"
"$DEBRIEF" archive -o "$WORK/noid-out" --format md --lang en --today $TODAY "$WORK/noid" \
	>"$WORK/noid.out" 2>"$WORK/noid.err"
rc=$?
want_rc noid 1
if [ "$(grep -c 'error: .*\[schema-required\]$' "$WORK/noid.err")" = 1 ] &&
	grep -q "^debrief: $WORK/noid/a.yaml: the record has no valid id, so it is left out of the archive$" "$WORK/noid.err" &&
	grep -q '^1 file checked: 1 error' "$WORK/noid.err" &&
	grep -q "^- $WORK/noid/a.yaml:5:1: missing required field 'id' .*schema-required.\$" "$WORK/noid-out/index.md"
then ok noid/one-finding-and-said-left-out
else fail noid/one-finding-and-said-left-out "$(cat "$WORK/noid.err")"; fi
