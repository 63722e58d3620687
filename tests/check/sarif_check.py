# Structural check of a SARIF 2.1.0 log: the properties the standard
# requires, and the ones debrief promises (docs/outputs.md section 2).  No
# network: the schema is not fetched.
import json
import sys

log = json.load(open(sys.argv[1], encoding="utf-8"))


def need(cond, what):
    if not cond:
        print("SARIF: " + what)
        sys.exit(1)


need(log.get("version") == "2.1.0", "version is not 2.1.0")
need(isinstance(log.get("$schema"), str) and "sarif" in log["$schema"], "no $schema")
need(isinstance(log.get("runs"), list) and len(log["runs"]) == 1, "not exactly one run")
run = log["runs"][0]
driver = run["tool"]["driver"]
need(driver.get("name") == "debrief", "driver name")
need(isinstance(driver.get("version"), str), "driver version")
need("informationUri" not in driver or driver["informationUri"], "empty informationUri")
rules = driver.get("rules")
need(isinstance(rules, list) and rules, "no rules")
ids = [r.get("id") for r in rules]
need(len(set(ids)) == len(ids), "rule ids repeat")
for r in rules:
    need(isinstance(r.get("id"), str) and r["id"], "rule without id")
    need(isinstance(r.get("shortDescription", {}).get("text"), str), "rule without shortDescription")
    if "fullDescription" in r:
        need(isinstance(r["fullDescription"].get("text"), str), "fullDescription without text")
    need(r["defaultConfiguration"]["level"] in ("error", "warning", "note"), "rule level")
    need(isinstance(r["properties"]["guidance"], list), "rule guidance not a list")
need(isinstance(run.get("results"), list), "no results")
levels = {"error", "warning", "note", "none"}
for res in run["results"]:
    need(isinstance(res["message"]["text"], str), "result without message.text")
    need(res["level"] in levels, "result level")
    i = res["ruleIndex"]
    need(0 <= i < len(rules) and rules[i]["id"] == res["ruleId"], "ruleIndex does not match ruleId")
    for loc in res["locations"]:
        pl = loc["physicalLocation"]
        uri = pl["artifactLocation"]["uri"]
        need(isinstance(uri, str) and uri and " " not in uri and "\\" not in uri, "bad uri " + uri)
        reg = pl.get("region")
        if reg is not None:
            need(isinstance(reg["startLine"], int) and reg["startLine"] >= 1, "startLine")
            if "startColumn" in reg:
                need(isinstance(reg["startColumn"], int) and reg["startColumn"] >= 1, "startColumn")
print("ok")
