"""Reads a report's PDF back (mutool's structured text: every character
with its face, size and position) and checks the form of an administrative
document, docs/official-report.md.  Prints "ok NAME" / "FAIL NAME: why".

usage: form_check.py NAME PDF LANG final|draft
"""
import subprocess
import sys
import xml.etree.ElementTree as ET

NAME, PDF, LANG, KIND = sys.argv[1:5]
MM = 72 / 25.4
PAGE_W = 595.276
WORDS = {
    "vi": dict(nation="CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", motto="Độc lập - Tự do - Hạnh phúc",
               number="Số:", type="BÁO CÁO", recipients="Nơi nhận:", archive="- Lưu: VT, SNV.",
               draft="DỰ THẢO", issuer="SỞ NGOẠI VỤ", authority="KT. GIÁM ĐỐC",
               annex="Phụ lục dự thảo"),
    "en": dict(nation="SOCIALIST REPUBLIC OF VIET NAM", motto="Independence - Freedom - Happiness",
               number="No.:", type="REPORT", recipients="Recipients:",
               archive="- Archived: VT, SNV.", draft="DRAFT",
               issuer="DEPARTMENT OF FOREIGN AFFAIRS", authority="p.p. DIRECTOR",
               annex="Draft annex"),
}[LANG]


def runs():
    """Per page, the runs of text in one face: dict(text, face, size, x0, x1, top)."""
    xml = subprocess.run(["mutool", "draw", "-q", "-F", "stext", "-o", "-", PDF],
                         capture_output=True, check=True).stdout
    pages = []
    for page in ET.fromstring(xml).iter("page"):
        out = []
        for line in page.iter("line"):
            for font in line.iter("font"):
                chars = list(font.iter("char"))
                if not chars:
                    continue
                q0 = [float(v) for v in chars[0].get("quad").split()]
                q1 = [float(v) for v in chars[-1].get("quad").split()]
                out.append(dict(text="".join(c.get("c") for c in chars).strip(),
                                face=font.get("name"), size=float(font.get("size")),
                                x0=q0[0], x1=q1[2], top=q0[1]))
        pages.append(out)
    return pages


PAGES = runs()
failed = []


def check(what, cond, why):
    if cond:
        print(f"ok {NAME}/{what}")
    else:
        print(f"FAIL {NAME}/{what}: {why}")
        failed.append(what)


def find(page, text):
    return [r for r in PAGES[page] if r["text"].startswith(text)]


def one(page, text, what):
    hits = find(page, text)
    check(f"{what}/present", len(hits) >= 1, f"'{text}' not on page {page + 1}")
    return hits[0] if hits else None


def face(r, want):
    f = r["face"]
    bold, italic = "Bold" in f, "Ital" in f
    return {"regular": not bold and not italic, "bold": bold and not italic,
            "italic": italic and not bold, "bolditalic": bold and italic}[want] and \
        f.startswith("LiberationSerif")


body_left = 30 * MM
body_right = PAGE_W - 20 * MM
mid = (body_left + body_right) / 2

# The header: national title and motto in the right column, bold; the
# issuing body on the left, bold; the number upright, the place-date line
# italic, each 12-14 pt.
nation = one(0, WORDS["nation"], "header/nation")
motto = one(0, WORDS["motto"], "header/motto")
issuer = one(0, WORDS["issuer"], "header/issuer")
number = one(0, WORDS["number"], "header/number")
if nation and motto and issuer and number:
    check("header/nation-bold-12-13", face(nation, "bold") and 12 <= nation["size"] <= 13,
          f"{nation['face']} {nation['size']}")
    check("header/motto-bold-13-14", face(motto, "bold") and 13 <= motto["size"] <= 14,
          f"{motto['face']} {motto['size']}")
    first_left = min((r for r in PAGES[0] if r["x1"] < nation["x0"]), key=lambda r: r["top"])
    check("header/two-columns", issuer["x1"] < nation["x0"] and abs(first_left["top"] - nation["top"]) < 1,
          f"issuer {issuer['x0']:.0f}-{issuer['x1']:.0f} nation {nation['x0']:.0f}, "
          f"left column from {first_left['top']:.0f}, right from {nation['top']:.0f}")
    check("header/issuer-bold", face(issuer, "bold"), issuer["face"])
    check("header/number-13", face(number, "regular") and number["size"] == 13, number["face"])
    date = [r for r in PAGES[0] if r["top"] == number["top"] and r["x0"] > nation["x0"] - 5]
    check("header/place-date-italic-same-line",
          len(date) == 1 and face(date[0], "italic") and 13 <= date[0]["size"] <= 14,
          str([(r["text"], r["face"]) for r in date]))

# The title: centred, bold, 13-14 pt, below the header.
title = one(0, WORDS["type"], "title")
if title and number:
    c = (title["x0"] + title["x1"]) / 2
    check("title/centred-bold-14", face(title, "bold") and 13 <= title["size"] <= 14 and abs(c - mid) < 2,
          f"centre {c:.1f} vs {mid:.1f}, {title['face']} {title['size']}")
    check("title/below-header", title["top"] > number["top"], "title above the number line")

# The body: 13-14 pt serif from the 30 mm margin; tables 12-13 pt.
body = [r for p in PAGES for r in p if r["size"] not in (11, 12) and r["text"]]
sizes = sorted({r["size"] for r in body})
check("body/13-14pt", all(12 <= s <= 14 for s in sizes), f"sizes {sizes}")
# (a checklist's "[x] " is invisible text, for extraction only)
left = min((r for p in PAGES for r in p if r["text"] and r["text"][:4] not in ("[x] ", "[ ] ")),
           key=lambda r: r["x0"])
check("body/left-margin-30mm", left["x0"] >= body_left - 0.5, f"text at x={left['x0']:.1f}: {left}")
check("body/right-margin-15mm", max(r["x1"] for p in PAGES for r in p) <= PAGE_W - 15 * MM + 0.5,
      "text in the right margin")
cells = [r for p in PAGES for r in p if r["size"] == 12 and r["x0"] > body_left + 5]
check("body/tables-12pt", len(cells) > 0, "no 12 pt table text")

# Page numbers: none on page 1, centred at the top from page 2, 13 pt.
def number_of(page):
    return [r for r in PAGES[page] if r["text"] == str(page + 1) and r["top"] < 20 * MM]


check("page-numbers/not-on-page-1", not number_of(0), "page 1 carries a number")
if len(PAGES) > 1:
    n = number_of(1)
    check("page-numbers/top-centre-from-page-2",
          len(n) == 1 and abs((n[0]["x0"] + n[0]["x1"]) / 2 - PAGE_W / 2) < 2 and n[0]["size"] == 13,
          str(n))
else:
    check("page-numbers/top-centre-from-page-2", False, "the report has one page only")

# The annex of a draft follows the signature and starts a page of its
# own; a final report has none.
annex = [p for p in range(len(PAGES))
         if any(r["text"].startswith(WORDS["annex"]) for r in PAGES[p])]
if KIND == "draft":
    check("draft/annex-present", len(annex) == 1, f"annex heading on pages {annex}")
else:
    check("final/no-annex", not annex, f"annex heading on pages {annex}")
if annex:
    body = [r for r in PAGES[annex[0]] if r["top"] > 20 * MM]
    check("draft/annex-opens-its-page", body and body[0]["text"].startswith(WORDS["annex"]),
          str(body[:1]))

# The footer: recipients on the left (label bold italic 12 pt, the file
# copy last), the signature block on the right at the same height; on the
# last page, or the page before the annex.
last = annex[0] - 1 if annex else len(PAGES) - 1
rec = one(last, WORDS["recipients"], "footer/recipients")
auth = one(last, WORDS["authority"], "footer/authority")
arch = find(last, WORDS["archive"])
if rec and auth:
    check("footer/label-bold-italic-12", face(rec, "bolditalic") and rec["size"] == 12, rec["face"])
    check("footer/side-by-side", rec["x1"] < auth["x0"] and abs(rec["top"] - auth["top"]) < 3,
          f"label {rec['x0']:.0f},{rec['top']:.0f} authority {auth['x0']:.0f},{auth['top']:.0f}")
    below = [r for r in PAGES[last] if r["top"] > rec["top"] and r["x0"] < rec["x0"] + 5]
    check("footer/file-copy-last", arch and below and below[-1]["text"] == WORDS["archive"],
          str(below[-1:]))
    signer = [r for r in PAGES[last] if r["top"] > auth["top"] + 40 and r["x0"] > rec["x1"]]
    check("footer/signer-name-bold-below-room", len(signer) >= 1 and face(signer[0], "bold"),
          str(signer[:1]))

# Draft and final.
marks = [bool(find(p, WORDS["draft"])) for p in range(len(PAGES))]
if KIND == "draft":
    check("draft/every-page-marked", all(marks), f"marked pages: {marks}")
else:
    check("final/no-draft-mark", not any(marks), f"marked pages: {marks}")

sys.exit(1 if failed else 0)
