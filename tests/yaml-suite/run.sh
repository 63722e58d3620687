#!/bin/sh
# The YAML test suite (tests/data/yaml-test-suite, 402 cases) through
# the loader built with ASan+UBSan: every case loads or gives a yaml-*
# finding with a position, nothing crashes, invalid YAML never loads
# cleanly, valid trees equal in.json; known libyaml 0.2.5 deviations are
# listed, with reasons, in deviations.txt (verdict.py explains the rules).
. ../lib.sh
suite=$TOP/tests/data/yaml-test-suite
tool=$UNITDIR/yamlload
verify_data yaml-test-suite || { fail yaml-suite "not run: the test data is not as SOURCE says"; exit 0; }
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
