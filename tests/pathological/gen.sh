#!/bin/sh
# Generators of the pathological inputs: gen.sh NAME FILE writes input NAME
# to FILE.  Everything is made at test time (nothing big is committed).
set -eu
name=$1 out=$2
case $name in
flow-seq-200k)	# [[[[ ... ]]]] 200,000 deep
	awk 'BEGIN { for (i = 0; i < 200000; i++) printf "["; for (i = 0; i < 200000; i++) printf "]"; print "" }' >"$out" ;;
flow-map-200k)	# {a: {a: ... }} 200,000 deep
	awk 'BEGIN { for (i = 0; i < 200000; i++) printf "{a: "; printf "x"; for (i = 0; i < 200000; i++) printf "}"; print "" }' >"$out" ;;
block-seq-200k)	# - - - - ... x: block sequences 200,000 deep on one line
	awk 'BEGIN { for (i = 0; i < 200000; i++) printf "- "; print "x" }' >"$out" ;;
block-map-deep)	# a:\n  a:\n    a: ... indented block mappings, 2,000 deep (4 MB)
	awk 'BEGIN { for (i = 0; i < 2000; i++) { printf "%*sa:\n", i, "" } }' >"$out" ;;
billion-laughs)	# 10 levels of 10 aliases: 10^10 nodes if expanded
	awk 'BEGIN { print "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]";
		for (i = 1; i < 10; i++) { printf "l%d: &l%d [", i, i;
			for (j = 0; j < 10; j++) printf "%s*l%d", j ? ", " : "", i - 1; print "]" } }' >"$out" ;;
alias-fan)	# 100,000 anchors, then 10,000 aliases to them (the alias limit)
	awk 'BEGIN { print "anchors:"; for (i = 0; i < 100000; i++) printf "  - &a%d v%d\n", i, i;
		print "aliases:"; for (i = 0; i < 10000; i++) printf "  - *a%d\n", i * 7 % 100000 }' >"$out" ;;
alias-text)	# a 1,000,000-byte value, then 3,000 aliases of it: 3 GB of text if expanded,
	# though few nodes and aliases
	awk 'BEGIN { printf "meetings:\n  - summary: &s "; for (i = 0; i < 100000; i++) printf "Cà Mau %02d", i % 100;
		print ""; for (i = 0; i < 3000; i++) print "  - summary: *s" }' >"$out" ;;
file-50mb)	# 50 MB of ordinary YAML
	awk 'BEGIN { print "tasks:"; for (i = 0; i < 700000; i++)
		printf "  - {task: Nhiệm vụ số %d, owner: Sở Ngoại vụ, due: 2024-01-01}\n", i }' >"$out" ;;
scalar-10mb)	# one 10 MB plain scalar
	awk 'BEGIN { printf "title: "; s = "0123456789abcdef"; for (i = 0; i < 16; i++) s = s s;
		for (i = 0; i < 10 * 1048576 / length(s); i++) printf "%s", s; print "" }' >"$out" ;;
line-1mb)	# a 1 MB line: one flow sequence of short items
	awk 'BEGIN { printf "items: ["; for (i = 0; i < 125000; i++) printf "%sx%d", i ? ", " : "", i; print "]" }' >"$out" ;;
scalar-line-1mb)	# a 1,000,000-byte plain scalar on one line (under the 1 MiB scalar limit)
	awk 'BEGIN { printf "note: "; for (i = 0; i < 90000; i++) printf "Cà Mau %03d", i % 1000; print "" }' >"$out" ;;
tasks-20k)	# one record with 20,000 tasks, each with support and updates
	awk 'BEGIN {
		print "schema: debrief/1"; print "id: 2024-05-danang-kumamoto";
		print "title: Đoàn công tác thành phố Đà Nẵng làm việc tại tỉnh Kumamoto";
		print "direction: outbound"; print "dates: {start: 2024-05-06, end: 2024-05-10}";
		print "locality: {name: Đà Nẵng, kind: city}";
		print "partners:"; print "  - {name: Kumamoto, country: JP, kind: prefecture, needs: [nhân lực]}";
		split("Sở Ngoại vụ|Sở Công Thương|Sở Du lịch|Sở Nông nghiệp và Môi trường|Sở Giáo dục và Đào tạo", own, "|");
		split("open|in_progress|done|blocked|dropped", st, "|");
		print "tasks:";
		for (i = 0; i < 20000; i++) {
			printf "  - id: T%d\n", i + 1;
			printf "    task: Triển khai nội dung hợp tác số %d với tỉnh Kumamoto về nhân lực\n", i + 1;
			printf "    owner: %s\n", own[i % 5 + 1];
			printf "    support: [%s, %s]\n", own[(i + 1) % 5 + 1], own[(i + 2) % 5 + 1];
			printf "    partner: Kumamoto\n";
			printf "    due: 2024-%02d-%02d\n", i % 12 + 1, i % 28 + 1;
			printf "    status: %s\n", st[i % 5 + 1];
			printf "    updates:\n      - {date: 2024-06-01, note: Đã làm việc với đối tác lần %d}\n", i;
		} }' >"$out" ;;
keys-20k)	# one mapping with 20,000 keys
	awk 'BEGIN { for (i = 0; i < 20000; i++) printf "key_%d: giá trị %d\n", i, i }' >"$out" ;;
keys-20k-dup)	# the same, with the first key repeated at the end
	awk 'BEGIN { for (i = 0; i < 20000; i++) printf "key_%d: giá trị %d\n", i, i; print "key_0: lặp lại" }' >"$out" ;;
keys-200k)	# 200,000 keys: a quadratic duplicate check would take minutes
	awk 'BEGIN { for (i = 0; i < 200000; i++) printf "k%d: %d\n", i, i }' >"$out" ;;
nfd-400k)	# 400,000 decomposed scalars: a finding each, if nothing bounded them
	awk 'BEGIN { for (i = 0; i < 400000; i++) print "- Ca\xcc\x80 Mau" }' >"$out" ;;
*) echo "gen.sh: unknown input $name" >&2; exit 2 ;;
esac
