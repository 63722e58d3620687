#!/bin/sh
# Style: every C file of the project is as clang-format (.clang-format)
# writes it, and every text file keeps to .editorconfig's basics: UTF-8,
# LF line ends, a final newline, no trailing blanks.
. ../lib.sh
cd "$TOP" || exit 1
# the Makefile's list, the one make format uses
files=$(make -s --no-print-directory print-cstyled) || exit 1
n=$(echo $files | wc -w)
[ "$n" -ge 90 ] || { fail style/clang-format "make print-cstyled listed $n files, want at least 90"; exit 0; }
for f in $files; do
	if clang-format --style=file --dry-run -Werror "$f" >"$WORK/cf.out" 2>&1; then
		ok "style/clang-format/$f"
	else
		fail "style/clang-format/$f" "not as clang-format writes it (make format)"
		head -n 6 "$WORK/cf.out"
	fi
done
# the files people edit by hand (tracked by git, or found outside a clone);
# test data and the upstream suites of tests/data aside
if git rev-parse --git-dir >/dev/null 2>&1; then
	git ls-files -- '*.c' '*.h' '*.sh' '*.md' '*.mustache' '*.yaml' '*.1' '*.5' Makefile \
		'.ci/*' 'tests/run' 'bench/run' 'bench/gen_records'
else
	find . -path ./build -prune -o -path ./out -prune -o -type f \( -name '*.[ch]' -o \
		-name '*.sh' -o -name '*.md' -o -name '*.mustache' -o -name '*.yaml' -o \
		-name '*.[15]' -o -name Makefile \) -print | sed 's#^\./##'
fi |
	grep -v -e '^tests/data/' -e '^tests/.*/cases/' -e '^tests/.*/golden/' -e '^tests/.*/expected/' -e '^fuzz/corpus/' \
		>"$WORK/files"
bad=
while IFS= read -r f; do
	[ -f "$f" ] || continue
	if ! iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1; then bad="$bad $f(not-utf8)"; continue; fi
	if grep -q "$(printf '\r')" "$f"; then bad="$bad $f(crlf)"; continue; fi
	if [ -s "$f" ] && [ "$(tail -c 1 "$f" | od -An -c | tr -d ' ')" != '\n' ]; then
		bad="$bad $f(no-final-newline)"; continue
	fi
	if grep -qE '[[:blank:]]+$' "$f"; then bad="$bad $f(trailing-blank)"; fi
done <"$WORK/files"
if [ -z "$bad" ] && [ -s "$WORK/files" ]; then ok style/editorconfig
else fail style/editorconfig "${bad:-no files listed}"; fi
