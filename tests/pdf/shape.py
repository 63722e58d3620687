"""Compares the glyphs of a word in a PDF with what hb-shape gives for the
same font: the same glyph ids, each where the shaper puts it, to a
hundredth of a point.

Usage: shape.py PDF FONTFILE PSNAME WORD
The PDF holds the word alone in face PSNAME (of FONTFILE).  Glyphs drawn
as text are read with `mutool trace` (visible text only: the characters of
a cluster drawn as paths are invisible text); glyphs drawn as paths with
their /Glyph << /GID n >> marked content and cm from `qpdf --qdf`.  A face
shaped text was drawn with keeps its glyph ids in the subset, so ids in
the PDF are the font's own.  Prints one line saying what differs and exits
1, or exits 0.
"""
import re
import struct
import subprocess
import sys

TOL = 0.01  # points


def upem(path):
    data = open(path, 'rb').read()
    n = struct.unpack('>H', data[4:6])[0]
    for k in range(n):
        tag, _, off, _ = struct.unpack('>4sIII', data[12 + 16 * k:28 + 16 * k])
        if tag == b'head':
            return struct.unpack('>H', data[off + 18:off + 20])[0]
    raise SystemExit('no head table in ' + path)


def shaped(font, word):
    out = subprocess.run(['hb-shape', '--no-glyph-names', font, word], check=True,
                         capture_output=True, text=True).stdout.strip()
    glyphs, pen = [], 0
    for g in out.strip('[]').split('|'):
        m = re.match(r'(\d+)=\d+(?:@(-?\d+),(-?\d+))?\+(-?\d+)$', g)
        if not m:
            raise SystemExit('cannot read hb-shape output: ' + g)
        gid, dx, dy, adv = int(m[1]), int(m[2] or 0), int(m[3] or 0), int(m[4])
        glyphs.append((gid, pen + dx, dy))
        pen += adv
    return glyphs


def in_pdf(pdf, psname):
    trace = subprocess.run(['mutool', 'trace', pdf], check=True, capture_output=True,
                           text=True).stdout
    glyphs, size = [], None
    visible = font = False
    for line in trace.splitlines():
        line = line.strip()
        if line.startswith('<fill_text'):
            visible = True
        elif line.startswith(('<ignore_text', '</fill_text')):
            visible = False
        m = re.match(r'<span font="[A-Z]{6}\+([^"]+)".* trm="([-\d.]+) ', line)
        if m:
            font = m[1] == psname
            if font and visible:
                size = float(m[2])
        m = re.match(r'<g unicode=".*" glyph="(\d+)" x="([-\d.]+)" y="([-\d.]+)"', line)
        if m and visible and font:
            glyphs.append((int(m[1]), float(m[2]), float(m[3])))
    qdf = pdf + '.qdf'
    subprocess.run(['qpdf', '--qdf', '--object-streams=disable', pdf, qdf], check=True)
    text = open(qdf, 'rb').read().decode('latin-1')
    pat = (r'/Glyph\s*<<\s*/GID\s+(\d+)\s*>>\s*BDC\s+q\s+[-\d.]+\s+[-\d.]+\s+[-\d.]+\s+rg\s+'
           r'([-\d.e]+)\s+0\s+0\s+[-\d.e]+\s+([-\d.]+)\s+([-\d.]+)\s+cm')
    scale = None
    for m in re.finditer(pat, text):
        glyphs.append((int(m[1]), float(m[3]), float(m[4])))
        scale = float(m[2])
    return glyphs, size, scale


def main():
    pdf, font, psname, word = sys.argv[1:5]
    em = upem(font)
    want = shaped(font, word)
    got, size, scale = in_pdf(pdf, psname)
    if size is None and scale is not None:
        size = scale * em
    if size is None:
        print('no glyph of %s in %s' % (psname, pdf))
        return 1
    k = size / em
    if len(got) != len(want):
        print('%d glyphs in the PDF, hb-shape gives %d: %s / %s' % (
            len(got), len(want), sorted(g[0] for g in got), [g[0] for g in want]))
        return 1
    # the word's origin: where the PDF puts the shaper's first glyph
    for anchor in [g for g in got if g[0] == want[0][0]]:
        ox, oy = anchor[1] - want[0][1] * k, anchor[2] - want[0][2] * k
        left = list(got)
        for gid, x, y in want:
            hit = [g for g in left if g[0] == gid and abs(g[1] - (ox + x * k)) < TOL
                   and abs(g[2] - (oy + y * k)) < TOL]
            if not hit:
                break
            left.remove(hit[0])
        else:
            return 0
    print('glyphs differ: PDF %s, hb-shape (x%.4f) %s' % (
        sorted(got), k, [(g, round(x * k, 3), round(y * k, 3)) for g, x, y in want]))
    return 1


sys.exit(main())
