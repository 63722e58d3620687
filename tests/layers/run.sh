#!/bin/sh
# Layers: every #include "..." of src/ goes to the file's own layer or a
# lower one of the table in ARCHITECTURE.md, and no modules include each
# other in a circle (tests/layers/layers.py).  The checker is first shown
# to catch an include against the order, a circle and libharu included
# outside pdf_hpdf.c, in a copy.
. ../lib.sh
PY=/usr/bin/python3
[ -x $PY ] || { fail layers/python "$PY is missing"; exit 0; }
# a copy with one include upward (xalloc.c → archive.h) and one circle
# (buf.h → text.h, while text.c includes buf.h)
mkdir -p "$WORK/copy" && cp -R "$TOP/src" "$TOP/ARCHITECTURE.md" "$WORK/copy/" || exit 1
x=$(find "$WORK/copy/src" -name xalloc.c) b=$(find "$WORK/copy/src" -name buf.h)
printf '#include "archive.h"\n' >>"$x" && printf '#include "text.h"\n' >>"$b" || exit 1
o=$(find "$WORK/copy/src" -name pdf_out.c)
printf '#include <hpdf.h>\n' >>"$o" || exit 1
$PY layers.py "$WORK/copy" >"$WORK/copy.out" 2>&1
if grep -q '^FAIL layers/order/xalloc.c: includes archive.h' "$WORK/copy.out"; then
	ok layers/catches-upward-include
else
	fail layers/catches-upward-include "an include of archive.h in xalloc.c went unseen"
	cat "$WORK/copy.out"
fi
if grep -q '^FAIL layers/no-cycle: .*text.*buf' "$WORK/copy.out" ||
	grep -q '^FAIL layers/no-cycle: .*buf.*text' "$WORK/copy.out"; then
	ok layers/catches-cycle
else
	fail layers/catches-cycle "buf.h including text.h went unseen"
	grep no-cycle "$WORK/copy.out"
fi
if grep -q '^FAIL layers/behind-one-file/libharu: included by pdf_hpdf.c, pdf_out.c' "$WORK/copy.out"; then
	ok layers/catches-libharu-outside
else
	fail layers/catches-libharu-outside "an include of hpdf.h in pdf_out.c went unseen"
	grep behind-one-file "$WORK/copy.out"
fi
$PY layers.py "$TOP"
