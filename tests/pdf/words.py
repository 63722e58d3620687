"""Checks that every word of cmark-gfm's plain text of an example appears
in the text pdftotext extracted from its PDF, and that poppler said nothing.

Usage: words.py DIR [MIN]   (DIR/NNNN.txt, DIR/NNNN.out, DIR/NNNN.err)
A word is a run of letters and digits (so "~2~" and "[x]" ask for "2" and
"x"); it must occur in the extracted text once whitespace is removed, since
a word wider than a line is cut between two lines.  Prints one "FAIL" line
per example that fails and exits 1 if any did, or if DIR holds fewer than
MIN examples (default 1).
"""
import os
import sys
import unicodedata


def words(s):
    out, cur = [], []
    for ch in s:
        if ch.isalnum() or unicodedata.category(ch).startswith('M'):
            cur.append(ch)
        elif cur:
            out.append(''.join(cur))
            cur = []
    if cur:
        out.append(''.join(cur))
    return out


def main():
    d = sys.argv[1]
    least = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    bad = 0
    names = sorted(n[:-4] for n in os.listdir(d) if n.endswith('.txt'))
    for n in names:
        with open(os.path.join(d, n + '.txt'), encoding='utf-8', errors='replace') as f:
            plain = unicodedata.normalize('NFC', f.read())
        try:
            with open(os.path.join(d, n + '.out'), encoding='utf-8') as f:
                got = unicodedata.normalize('NFC', f.read())
            with open(os.path.join(d, n + '.err'), encoding='utf-8', errors='replace') as f:
                err = f.read().strip()
        except OSError as e:
            print('FAIL spec/%s: %s' % (n, e))
            bad += 1
            continue
        flat = ''.join(got.split())
        missing = [w for w in words(plain) if w not in flat]
        if missing or err:
            bad += 1
            why = ('missing %r' % missing[:5]) if missing else ''
            if err:
                why += ' pdftotext said: ' + err.splitlines()[0]
            print('FAIL spec/%s: %s' % (n, why.strip()))
    print('# %d examples checked, %d failed' % (len(names), bad))
    if len(names) < least:
        print('FAIL spec: %d examples, want at least %d' % (len(names), least))
    return 1 if bad or len(names) < least else 0


if __name__ == '__main__':
    sys.exit(main())
