#!/usr/bin/python3
# Writes schemas/record.schema.json (JSON Schema 2020-12) from the field
# tables of the program, so that the two cannot name different fields or
# words: tests/schemas runs it again and compares.
#
# usage: tools/record-schema.py FIELDS RULES.json RECORD-FORMAT.md LANGS
#   FIELDS          the output of `schema_check --fields` (tests/unit)
#   RULES.json      the output of `debrief rules --format json`
#   RECORD-FORMAT.md  docs/record-format.md, for the descriptions
#   LANGS           the output of `schema_check --langs`: the two-letter
#                   language codes debrief knows
# An optional field may be empty (null); a required one may not, and a
# required list needs an entry, as the program decides.
import json
import re
import sys

fields_path, rules_path, doc_path, langs_path = sys.argv[1:5]
rule_ids = [r["id"] for r in json.load(open(rules_path, encoding="utf-8"))["rules"]]

# Descriptions: the "meaning" column of the tables of record-format.md,
# by object ("" is the record itself, else the "### name" above a table).
meaning = {}
obj = ""
for line in open(doc_path, encoding="utf-8"):
    m = re.match(r"^### (\w+)", line)
    if m:
        obj = m.group(1)
    m = re.match(r"^\| `(\w+)` \|(.*)\|\s*$", line)
    if m:
        cols = [c.strip() for c in m.group(2).split("|")]
        if cols and cols[-1]:
            meaning[(obj, m.group(1))] = cols[-1]

TEXT = {"type": ["string", "number", "boolean"]}
# months 01-12 and days 01-31, as debrief reads them (a day past the end of
# its month, such as 02-30, is for debrief check to say)
MONTH, DAY = r"(0[1-9]|1[0-2])", r"(0[1-9]|[12][0-9]|3[01])"
DATE = {"type": "string", "pattern": r"^[0-9]{4}-" + MONTH + "-" + DAY + "$",
        "description": "YYYY-MM-DD"}
# a bare year is read by YAML as an integer: both forms are accepted
DATEM = {"type": ["string", "integer"],
         "pattern": r"^[0-9]{4}(-" + MONTH + "(-" + DAY + ")?)?$",
         "minimum": 1000, "maximum": 9999, "description": "YYYY-MM-DD, YYYY-MM or YYYY"}
# names Windows gives to devices: not an id, as no file can bear them
DEVICE = r"^(con|prn|aux|nul|com[1-9]|lpt[1-9])$"
# A language code as debrief reads it: two letters of ISO 639-1 (the
# list it knows: "jp" is no language) or three letters, in any case ("EN"
# is en), as a country code is.
langs2 = {}
for line in open(langs_path, encoding="utf-8"):
    code = line.strip()
    if not re.fullmatch(r"[a-z]{2}", code):
        raise SystemExit("not a two-letter language code: " + repr(line))
    langs2.setdefault(code[0], []).append(code[1])
if len(langs2) < 20:
    raise SystemExit("too few language codes in " + langs_path)


def either_case(c):
    return c + c.upper()


LANG = {"type": "string",
        "pattern": "^([A-Za-z]{3}|" + "|".join(
            "[" + either_case(a) + "][" + "".join(either_case(b) for b in bs) + "]"
            for a, bs in sorted(langs2.items())) + ")$",
        "description": "ISO 639 language code"}


def leaf(kind, required, rest):
    words = rest.split("|") if kind == "word" else None
    if kind in ("text", "partner-ref", "audience"):
        s = dict(TEXT)
        if required:
            s["minLength"] = 1
        return s
    if kind == "schema":
        return {"const": "debrief/1"}
    if kind == "id":
        return {"type": "string", "pattern": r"^[a-z0-9][a-z0-9-]{0,63}$",
                "not": {"pattern": DEVICE}}
    if kind == "lang":
        return dict(LANG)
    if kind == "lang-list":
        return {"type": "array", "items": dict(LANG)}
    if kind == "country":
        return {"type": "string", "pattern": r"^([A-Za-z]{2}|[Aa][Ss][Ee][Aa][Nn])$",
                "description": "ISO 3166-1 alpha-2 country code; EU, UN or ASEAN for an organisation"}
    if kind == "rule":
        return {"enum": rule_ids}
    if kind == "date":
        return dict(DATE)
    if kind == "date~":
        return dict(DATEM)
    if kind == "word":
        return {"enum": words}
    if kind == "int":  # a number, not a quoted one: YAML reads "12" as text
        return {"type": "integer", "minimum": int(rest), "maximum": 999999999}
    if kind == "text-list":  # an empty entry is skipped, as debrief does
        return {"type": "array", "items": {"type": TEXT["type"] + ["null"]}}
    raise SystemExit("unknown field type " + kind)


def nullable(schema):
    """An optional field may be left empty (null), as debrief accepts."""
    t = schema.get("type")
    if isinstance(t, list):
        schema["type"] = t + ["null"]
    elif isinstance(t, str):
        schema["type"] = [t, "null"]
    elif "enum" in schema:
        schema["enum"] = schema["enum"] + [None]
    else:
        schema = {"anyOf": [schema, {"type": "null"}]}
    return schema


def new_object():
    return {"type": "object", "properties": {}, "additionalProperties": False}


root = new_object()
nodes = {"": root}  # path -> the object schema holding its fields
owner = {"": ""}    # path -> the name record-format.md gives its object
for line in open(fields_path, encoding="utf-8"):
    m = re.match(r"^(\S+)\s+(\S+)\s+(required|-)(?: (.*))?$", line.rstrip("\n"))
    if not m:
        raise SystemExit("unreadable field line: " + line)
    path, kind, req, rest = m.group(1), m.group(2), m.group(3) == "required", m.group(4) or ""
    parent, _, name = path.rpartition(".")
    name = name.removesuffix("[]")
    holder = nodes[parent]
    if kind in ("mapping", "list"):
        sub = new_object()
        nodes[path] = sub
        owner[path] = name if kind == "mapping" else re.sub(r"s$", "", name)
        if kind == "list":
            schema = {"type": "array", "items": sub}
            if req:
                schema["minItems"] = 1
        else:
            schema = sub
    else:
        schema = leaf(kind, req, rest)
    if not req:
        schema = nullable(schema)
    desc = meaning.get((owner[parent], name))
    if desc:
        schema["description"] = desc
    holder["properties"][name] = schema
    if req:
        holder.setdefault("required", []).append(name)

out = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "debrief trip record (debrief/1)",
    "description": "One delegation visit; see debrief(5).",
}
out.update(root)
json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
sys.stdout.write("\n")
