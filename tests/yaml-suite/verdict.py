#!/usr/bin/python3
"""Verdicts of the yaml-suite: one "ok ID" or "FAIL ID: reason" per case.

usage: verdict.py SUITE OUTDIR DEVIATIONS

OUTDIR holds, per case ID (sub-folders joined with ':'), what run.sh left:
ID.out (the loader's findings and its "= FILE STATUS" line), ID.rc (exit
status) and ID.json (the tree, when loaded).  Expected outcomes:
  - a case with an `error` file must not load cleanly;
  - a valid case with more than one document is rejected with
    yaml-multiple-documents (one record per file, by design);
  - any other valid case loads cleanly, and its tree equals in.json;
unless DEVIATIONS lists the case: "ID OUTCOME REASON", OUTCOME one of
clean, clean-tree (loads, but the tree differs from in.json),
loaded:RULE, rejected:RULE.  A listed case must behave exactly as listed,
so a change in libyaml or in the loader shows up here.
"""
import json
import os
import re
import sys

suite, outdir, devfile = sys.argv[1:4]

deviations = {}
for line in open(devfile, encoding="utf-8"):
    line = line.strip()
    if not line or line.startswith("#"):
        continue
    parts = line.split(None, 2)
    if len(parts) < 3:
        print("FAIL deviations: line without a reason: %s" % line)
        continue
    deviations[parts[0]] = (parts[1], parts[2])

finding_re = re.compile(r"^(.*):(\d+):(\d+): (error|warning|info): (.*) \[([a-z-]+)\]$")


def json_docs(path):
    """Every JSON value of in.json (a stream may hold several)."""
    text = open(path, encoding="utf-8").read()
    dec = json.JSONDecoder()
    i, docs = 0, []
    while True:
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text):
            return docs
        v, i = dec.raw_decode(text, i)
        docs.append(v)


def verdict(case, casedir):
    out = open(os.path.join(outdir, case + ".out"), encoding="utf-8", errors="replace").read()
    rc = int(open(os.path.join(outdir, case + ".rc")).read().strip() or "-1")
    if re.search(r"ERROR: (Address|Leak)Sanitizer|runtime error:", out):
        return "sanitizer report: " + out.strip().splitlines()[0]
    if rc not in (0, 1):
        return "exit status %d" % rc
    status, findings = None, []
    for line in out.splitlines():
        if line.startswith("= "):
            status = line.split()[-1]
            continue
        m = finding_re.match(line)
        if not m:
            return "unexpected output: " + line
        findings.append(m)
    if status is None:
        return "no status line"
    for m in findings:
        if int(m.group(2)) < 1 or int(m.group(3)) < 1:
            return "finding without a position: " + m.group(0)
    errors = [m.group(6) for m in findings if m.group(4) == "error"]
    if status != "clean" and not any(r.startswith("yaml-") for r in errors):
        return "%s without a yaml-* error" % status
    if status == "clean" and errors:
        return "clean with errors"
    actual = status if status == "clean" else "%s:%s" % (status, errors[0])

    is_error = os.path.exists(os.path.join(casedir, "error"))
    events = open(os.path.join(casedir, "test.event"), encoding="utf-8").read()
    ndocs = len(re.findall(r"^\+DOC", events, re.M))
    in_json = os.path.join(casedir, "in.json")
    tree_differs = False
    if status == "clean" and not is_error and os.path.exists(in_json):
        want = json_docs(in_json)
        got_path = os.path.join(outdir, case + ".json")
        got = None  # no file: the tree has a collection as a key
        if os.path.exists(got_path):
            got_text = open(got_path, encoding="utf-8").read()
            got = [json.loads(got_text)] if got_text else []
        tree_differs = got != want
        if tree_differs and status == "clean":
            actual = "clean-tree"

    if case in deviations:
        want, reason = deviations[case]
        if actual != want:
            return "listed as %s (%s), now %s" % (want, reason, actual)
        return None
    if is_error:
        return "libyaml and the loader accept invalid YAML" if actual == "clean" else None
    if ndocs > 1:
        want = "rejected:yaml-multiple-documents"
    else:
        want = "clean"
    if actual != want:
        return "expected %s, got %s" % (want, actual)
    return None


cases = []
for d in sorted(os.listdir(suite)):
    p = os.path.join(suite, d)
    if not os.path.isdir(p):
        continue
    if os.path.exists(os.path.join(p, "in.yaml")):
        cases.append((d, p))
    else:
        for s in sorted(os.listdir(p)):
            if os.path.exists(os.path.join(p, s, "in.yaml")):
                cases.append((d + ":" + s, os.path.join(p, s)))

seen = set()
for case, casedir in cases:
    seen.add(case)
    why = verdict(case, casedir)
    if why:
        print("FAIL yaml-suite/%s: %s" % (case, why))
    else:
        print("ok yaml-suite/%s" % case)
for case in sorted(set(deviations) - seen):
    print("FAIL yaml-suite/%s: listed in deviations but not in the suite" % case)
# the vendored suite has 402 cases; fewer means cases went missing unseen
if len(cases) >= 402:
    print("ok yaml-suite/all-cases (%d)" % len(cases))
else:
    print("FAIL yaml-suite/all-cases: %d cases, want at least 402" % len(cases))
