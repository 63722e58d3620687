# Validates JSON documents against a JSON Schema (Debian's
# python3-jsonschema).  Prints "ok NAME" or "FAIL NAME: why" per document.
# usage: validate.py SCHEMA want-valid|want-invalid NAME=FILE...
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1], encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
want_valid = sys.argv[2] == "want-valid"
for arg in sys.argv[3:]:
    name, _, path = arg.partition("=")
    try:
        doc = json.load(open(path, encoding="utf-8"))
    except (OSError, ValueError) as e:
        print("FAIL %s: not JSON: %s" % (name, e))
        continue
    errors = list(validator.iter_errors(doc))
    if want_valid and errors:
        e = errors[0]
        print("FAIL %s: %s at /%s" % (name, e.message[:200], "/".join(map(str, e.absolute_path))))
    elif not want_valid and not errors:
        print("FAIL %s: the schema accepts it" % name)
    else:
        print("ok " + name)
