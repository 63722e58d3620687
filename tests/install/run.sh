#!/bin/sh
# The build as a distribution uses it: plain make and make install never
# install packages; CPPFLAGS, CFLAGS and LDFLAGS from the environment reach
# every compile and link (hardening flags survive); -Werror only when
# WERROR asks for it; make install with PREFIX and DESTDIR puts the binary,
# both man pages, the templates and the schemas in place, and the installed
# binary finds its templates from any directory.
. ../lib.sh
cd "$TOP" || exit 1
M="make --no-print-directory"

# ---- what make would run (-n: nothing is built) ----
$M -n -B BUILD="$WORK/b" all install DESTDIR="$WORK/dry" >"$WORK/plain.n" 2>&1
if grep -qE 'deps\.sh|apt-get' "$WORK/plain.n"; then
	fail make/plain-installs-no-package "make all install would run: $(grep -m1 -E 'deps|apt' "$WORK/plain.n")"
else ok make/plain-installs-no-package; fi
for t in deps demo test; do
	$M -n "$t" >"$WORK/$t.n" 2>&1
	if grep -q 'deps\.sh' "$WORK/$t.n"; then ok "make/$t-installs-packages"; else
		fail "make/$t-installs-packages" "make $t does not run tools/deps.sh"; fi
done
hard_cpp="-D_FORTIFY_SOURCE=2" hard_c="-fstack-protector-strong -Wformat -Werror=format-security"
hard_ld="-Wl,-z,relro -Wl,-z,now"
CPPFLAGS=$hard_cpp CFLAGS=$hard_c LDFLAGS=$hard_ld $M -n -B BUILD="$WORK/b" all >"$WORK/env.n" 2>&1
ncc=$(grep -c ' -c -o ' "$WORK/env.n")
nhard=$(grep ' -c -o ' "$WORK/env.n" | grep -F -- "$hard_cpp" | grep -cF -- "$hard_c")
if [ "$ncc" -gt 10 ] && [ "$ncc" = "$nhard" ]; then ok make/cppflags-cflags-every-compile; else
	fail make/cppflags-cflags-every-compile "$nhard of $ncc compiles have the environment's flags"; fi
if grep -- '-o .*/debrief ' "$WORK/env.n" | grep -qF -- "$hard_ld"; then ok make/ldflags-link; else
	fail make/ldflags-link "the link lacks LDFLAGS"; fi
if grep ' -c -o ' "$WORK/env.n" | grep -q -- '-Werror '; then
	fail make/no-werror-by-default "plain make compiles with -Werror"; else ok make/no-werror-by-default; fi
$M -n -B BUILD="$WORK/b" WERROR=-Werror all >"$WORK/werror.n" 2>&1
if grep ' -c -o ' "$WORK/werror.n" | grep -q -- '-Werror '; then ok make/werror-when-asked; else
	fail make/werror-when-asked "WERROR=-Werror is not used"; fi
$M -n test >"$WORK/test.n" 2>&1
if grep -q 'WERROR=-Werror' "$WORK/test.n"; then ok make/test-builds-with-werror; else
	fail make/test-builds-with-werror "make test does not set WERROR"; fi

# ---- make install ----
R=$WORK/root
if $M install PREFIX=/usr DESTDIR="$R" >"$WORK/install.out" 2>&1; then ok install/runs; else
	fail install/runs "$(tail -n 3 "$WORK/install.out")"; fi
for f in usr/bin/debrief usr/share/man/man1/debrief.1 usr/share/man/man5/debrief.5 \
	usr/share/debrief/templates/vi/report.mustache usr/share/debrief/templates/en/report.mustache \
	usr/share/debrief/schemas/record.schema.json usr/share/debrief/schemas/config.schema.json \
	usr/share/debrief/schemas/check.schema.json usr/share/debrief/schemas/archive.schema.json \
	usr/share/debrief/schemas/tasks.schema.json; do
	if [ -f "$R/$f" ]; then ok "install/$f"; else fail "install/$f" "not installed"; fi
done
n_tpl=$(find "$TOP/templates" -type f | wc -l)
n_inst=$(find "$R/usr/share/debrief/templates" -type f | wc -l)
if [ "$n_tpl" = "$n_inst" ]; then ok install/every-template; else
	fail install/every-template "$n_inst of $n_tpl templates"; fi
modes="$(stat -c %a "$R/usr/bin/debrief") $(stat -c %a "$R/usr/share/man/man1/debrief.1")"
if [ "$modes" = "755 644" ]; then ok install/modes; else fail install/modes "binary, manual: $modes"; fi
# from another directory, with no template set beside it, the installed
# binary writes a report
mkdir -p "$WORK/elsewhere"
cp "$TOP/tests/check/in/clean.yaml" "$WORK/elsewhere/"
(cd "$WORK/elsewhere" && env -u DEBRIEF_TEMPLATES "$R/usr/bin/debrief" report -o out --format md \
	--today 2026-01-01 clean.yaml) >"$WORK/report.out" 2>&1
if [ -s "$WORK/elsewhere/out/2025-10-danang-sakai.md" ]; then ok install/finds-templates; else
	fail install/finds-templates "$(head -n 3 "$WORK/report.out")"; fi
# the manual installed is the one of the source tree and renders
if man -l "$R/usr/share/man/man1/debrief.1" >/dev/null 2>&1; then ok install/man-renders; else
	fail install/man-renders "man -l fails"; fi
# debrief new points editors at the installed record schema
(cd "$WORK/elsewhere" && "$R/usr/bin/debrief" new 2026-01-x) >/dev/null 2>&1
if head -n 1 "$WORK/elsewhere/2026-01-x.yaml" 2>/dev/null |
	grep -qxF "# yaml-language-server: \$schema=$R/usr/share/debrief/schemas/record.schema.json"; then
	ok install/new-names-installed-schema
else fail install/new-names-installed-schema "$(head -n 1 "$WORK/elsewhere/2026-01-x.yaml" 2>&1)"; fi

# ---- make, then make install with other directories ----
# The program is built once with the defaults, then installed as a package
# is (PREFIX=/usr, another DATADIR, under DESTDIR) and as a local install
# (DATADIR outside PREFIX): each installed program finds its own templates
# and schemas, the objects that embed the directories are made again with
# the environment's flags, and the link keeps LDFLAGS.
B=$WORK/b2
export CPPFLAGS="$hard_cpp" CFLAGS="$hard_c" LDFLAGS="$hard_ld"
if $M BUILD="$B" all >"$WORK/b2.out" 2>&1; then ok install/datadir/build; else
	fail install/datadir/build "$(tail -n 3 "$WORK/b2.out")"; fi
$M -n BUILD="$B" install PREFIX=/usr DATADIR=/usr/lib/debrief DESTDIR="$WORK/stage" \
	>"$WORK/b2-install.n" 2>&1
rebuilt=$(grep ' -c -o ' "$WORK/b2-install.n" | grep -F 'DEBRIEF_DATADIR' | grep -F '/usr/lib/debrief')
if [ -n "$rebuilt" ] && printf '%s\n' "$rebuilt" | grep -F -- "$hard_cpp" | grep -qF -- "$hard_c" &&
	grep -- '-o .*/debrief ' "$WORK/b2-install.n" | grep -qF -- "$hard_ld"; then
	ok install/datadir/rebuilds-with-flags
else fail install/datadir/rebuilds-with-flags "$(grep -c ' -c -o ' "$WORK/b2-install.n") compiles," \
	"none of the data directory with the environment's flags, or no link with LDFLAGS"; fi
if $M BUILD="$B" install PREFIX=/usr DATADIR=/usr/lib/debrief DESTDIR="$WORK/stage" \
	>"$WORK/stage.out" 2>&1; then ok install/datadir/staged-runs; else
	fail install/datadir/staged-runs "$(tail -n 3 "$WORK/stage.out")"; fi
(cd "$WORK/elsewhere" && env -u DEBRIEF_TEMPLATES "$WORK/stage/usr/bin/debrief" report -o out-stage \
	--format md --today 2026-01-01 clean.yaml) >"$WORK/stage-report.out" 2>&1
if [ -s "$WORK/elsewhere/out-stage/2025-10-danang-sakai.md" ]; then ok install/datadir/staged-finds-templates
else fail install/datadir/staged-finds-templates "$(head -n 3 "$WORK/stage-report.out")"; fi
L=$WORK/local
if $M BUILD="$B" install PREFIX="$L/prefix" DATADIR="$L/data" >"$WORK/local.out" 2>&1; then
	ok install/datadir/local-runs
else fail install/datadir/local-runs "$(tail -n 3 "$WORK/local.out")"; fi
# the program alone in a directory of its own: only DATADIR can lead it to its data
# (deep enough that the directories it looks in first, its own and the two
# above, are this suite's, whatever the suites before it left beside)
mkdir -p "$WORK/lone/bin"
cp "$L/prefix/bin/debrief" "$WORK/lone/bin/debrief"
(cd "$WORK/elsewhere" && env -u DEBRIEF_TEMPLATES "$WORK/lone/bin/debrief" report -o out-local \
	--format md --today 2026-01-01 clean.yaml) >"$WORK/local-report.out" 2>&1
if [ -s "$WORK/elsewhere/out-local/2025-10-danang-sakai.md" ]; then ok install/datadir/finds-templates
else fail install/datadir/finds-templates "$(head -n 3 "$WORK/local-report.out")"; fi
(cd "$WORK/elsewhere" && "$WORK/lone/bin/debrief" new 2026-01-y) >/dev/null 2>&1
if head -n 1 "$WORK/elsewhere/2026-01-y.yaml" 2>/dev/null |
	grep -qxF "# yaml-language-server: \$schema=$L/data/schemas/record.schema.json"; then
	ok install/datadir/new-names-installed-schema
else fail install/datadir/new-names-installed-schema "$(head -n 1 "$WORK/elsewhere/2026-01-y.yaml" 2>&1)"; fi
# a missing set is named by the file looked for, in the language's directory
mv "$L/data/templates" "$L/data/templates.away"
(cd "$WORK/elsewhere" && env -u DEBRIEF_TEMPLATES "$WORK/lone/bin/debrief" report -o out-none \
	--format md --today 2026-01-01 clean.yaml) >"$WORK/none.out" 2>&1
if grep -qF "$L/data/templates/vi/report.mustache:" "$WORK/none.out"; then
	ok install/datadir/names-file-tried
else fail install/datadir/names-file-tried "$(head -n 1 "$WORK/none.out")"; fi
