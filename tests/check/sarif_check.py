# Structural check of a SARIF 2.1.0 log: the properties the standard
# requires, and the ones debrief promises (docs/outputs.md section 2).  No
# network: the schema is not fetched.
import json
import sys

log = json.load(open(sys.argv[1], encoding="utf-8"))
# the rule ids of `debrief rules --format json`, when given
catalogue = set()
if len(sys.argv) > 2:
    catalogue = {r["id"] for r in json.load(open(sys.argv[2], encoding="utf-8"))["rules"]}


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
    # GitHub code scanning shows name and help with each alert
    need(isinstance(r.get("name"), str) and r["name"].isalnum(), "rule without a name")
    help = r.get("help")
    need(help is not None or r["id"] not in catalogue, "catalogue rule without help")
    if help is not None:
        need(help["text"].startswith(r["id"] + " (") and r["id"] in help["markdown"],
             "help does not explain " + r["id"])
inv = run.get("invocations")
need(isinstance(inv, list) and len(inv) == 1 and
     isinstance(inv[0].get("executionSuccessful"), bool), "invocation")
need(isinstance(run.get("results"), list), "no results")
levels = {"error", "warning", "note", "none"}
for res in run["results"]:
    need(isinstance(res["message"]["text"], str), "result without message.text")
    need(res["level"] in levels, "result level")
    i = res["ruleIndex"]
    need(0 <= i < len(rules) and rules[i]["id"] == res["ruleId"], "ruleIndex does not match ruleId")
    fp = res.get("partialFingerprints", {}).get("debriefFinding/v1", "")
    need(len(fp) == 16 and all(c in "0123456789abcdef" for c in fp), "no partialFingerprints")
    for loc in res["locations"]:
        pl = loc["physicalLocation"]
        uri = pl["artifactLocation"]["uri"]
        need(isinstance(uri, str) and uri and " " not in uri and "\\" not in uri, "bad uri " + uri)
        need(uri.startswith("file:///") or pl["artifactLocation"].get("uriBaseId") == "%SRCROOT%",
             "relative uri without uriBaseId")
        reg = pl.get("region")
        if reg is not None:
            need(isinstance(reg["startLine"], int) and reg["startLine"] >= 1, "startLine")
            if "startColumn" in reg:
                need(isinstance(reg["startColumn"], int) and reg["startColumn"] >= 1, "startColumn")
print("ok")
