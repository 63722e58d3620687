#!/bin/sh
# The YAML test suite (SHARED/testdata/yaml-test-suite, 402 cases) through
# the loader built with ASan+UBSan: every case loads or gives a yaml-*
# finding with a position, nothing crashes, invalid YAML never loads
# cleanly, valid trees equal in.json; known libyaml 0.2.5 deviations are
# listed, with reasons, in deviations.txt (verdict.py explains the rules).
. ../lib.sh
suite=$SHARED/testdata/yaml-test-suite
tool=$UNITDIR/yamlload
if [ ! -d "$suite" ]; then fail yaml-suite "no test suite at $suite"; exit 0; fi
if [ ! -x "$tool" ]; then fail yaml-suite "not built: $tool"; exit 0; fi
out=$WORK/out
mkdir -p "$out"
(cd "$suite" && find . -name in.yaml) | sed 's|^\./||; s|/in\.yaml$||' | sort |
while read -r d; do
	id=$(echo "$d" | tr / :)
	# One process per case: a crash stays with its case.
	(cd "$suite/$d" && exec "$tool" -j "$out/$id.json" in.yaml) >"$out/$id.out" 2>&1
	echo $? >"$out/$id.rc"
done
/usr/bin/python3 ./verdict.py "$suite" "$out" deviations.txt
