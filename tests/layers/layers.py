"""Reads every #include "..." in src/ and the layer table of ARCHITECTURE.md
(between the markers <!-- layers --> and <!-- /layers -->; columns layer,
stage, module, files) and prints one line per finding: "ok NAME" or
"FAIL NAME: why".  A file may include headers of its own layer or a lower
one; modules (a row each) must not include each other in a circle.
Libraries kept behind one file are included by that file alone: libharu
(<hpdf*.h>) by pdf_hpdf.c, which stops the build on any version but the
one its internals were read from, and ICU (<unicode/*.h>) by pdf_shape.c.
Usage: layers.py TOP (the tree holding src/ and ARCHITECTURE.md)."""
import os
import re
import sys

top = sys.argv[1]
bad = 0


def ok(name):
    print("ok " + name)


def fail(name, why):
    global bad
    bad += 1
    print("FAIL %s: %s" % (name, why))


text = open(os.path.join(top, "ARCHITECTURE.md"), encoding="utf-8").read()
m = re.search(r"<!-- layers -->\n(.*?)<!-- /layers -->", text, re.S)
if not m:
    fail("layers/table", "ARCHITECTURE.md has no <!-- layers --> table")
    sys.exit(0)
layer, module = {}, {}
rows = 0
for line in m.group(1).splitlines():
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    if len(cells) != 4 or not cells[0].isdigit():
        continue
    rows += 1
    for f in re.findall(r"`([^`]+)`", cells[3]):
        if f in layer:
            fail("layers/table/" + f, "listed twice")
        layer[f] = int(cells[0])
        module[f] = cells[2]

files = {}
for d, _, names in os.walk(os.path.join(top, "src")):
    for n in names:
        if n.endswith((".c", ".h")):
            if n in files:
                fail("layers/unique/" + n, "two files of that name in src/")
            files[n] = os.path.join(d, n)
if len(files) < 60 or rows < 20:
    fail("layers/table", "%d files in src/, %d modules in the table; want at least 60 and 20"
         % (len(files), rows))
else:
    ok("layers/table (%d files, %d modules)" % (len(files), rows))
for n in sorted(set(files) - set(layer)):
    fail("layers/listed/" + n, "not in the layer table of ARCHITECTURE.md")
for n in sorted(set(layer) - set(files)):
    fail("layers/listed/" + n, "in the layer table but not in src/")

inc = re.compile(r'^\s*#\s*include\s*"([^"]+)"', re.M)
edges = {}
for n in sorted(files):
    if n not in layer:
        continue
    wrong = []
    for target in inc.findall(open(files[n], encoding="utf-8").read()):
        t = os.path.basename(target)
        if t not in layer:
            wrong.append("%s (not in the table)" % target)
            continue
        if layer[t] > layer[n]:
            wrong.append("%s (layer %d above %d)" % (target, layer[t], layer[n]))
        if module[t] != module[n]:
            edges.setdefault(module[n], {}).setdefault(module[t], n)
    if wrong:
        fail("layers/order/" + n, "includes " + ", ".join(wrong))
    else:
        ok("layers/order/" + n)

# libraries behind one file: (name, include pattern, the one file, what
# else that file must hold)
behind = [("libharu", r"hpdf[a-z_]*\.h", "pdf_hpdf.c", "HPDF_MAJOR_VERSION"),
          ("icu", r"unicode/[a-z0-9_]+\.h", "pdf_shape.c", None)]
for lib, pat, owner, must in behind:
    sysinc = re.compile(r'^\s*#\s*include\s*<(%s)>' % pat, re.M)
    users = sorted(n for n in files
                   if sysinc.search(open(files[n], encoding="utf-8").read()))
    if users != [owner]:
        fail("layers/behind-one-file/" + lib, "included by %s, want %s alone"
             % (", ".join(users) or "no file", owner))
        continue
    own = open(files[owner], encoding="utf-8").read()
    if must and not (must in own and re.search(r"^\s*#\s*error", own, re.M)):
        fail("layers/behind-one-file/" + lib, "%s checks no version (%s, #error)"
             % (owner, must))
    else:
        ok("layers/behind-one-file/%s (%s)" % (lib, owner))

# circles between modules: depth-first search, the first circle named
state, stack, circle = {}, [], None


def visit(u):
    global circle
    state[u] = 1
    stack.append(u)
    for v in sorted(edges.get(u, {})):
        if circle:
            return
        if state.get(v) == 1:
            path = stack[stack.index(v):] + [v]
            circle = " -> ".join("%s (%s)" % (a, edges[a][b]) for a, b in zip(path, path[1:]))
            return
        if not state.get(v):
            visit(v)
    stack.pop()
    state[u] = 2


for u in sorted(set(module.values())):
    if not state.get(u) and not circle:
        visit(u)
if circle:
    fail("layers/no-cycle", "modules include each other: " + circle)
else:
    ok("layers/no-cycle (%d modules, %d edges)" % (len(set(module.values())),
                                                 sum(len(v) for v in edges.values())))
