"""English left on a French screen: english_left.py PO SPECS SCREEN...

Reads the translated catalogue PO (its English msgids and French msgstrs)
and prints every place where one of the screens shows, as whole words, an
English msgid (or the part of one between its %-directives) of 4 letters
or more that no French text of the catalogue has. Spec text is left
out: a cell of a screen (text between panes' lines or runs of two spaces)
that is a piece of a spec file under SPECS, alone or continuing the cell
above it (a value wrapped over lines), is not read.

Exit status: 0 when no English is left, 1 when some is (each printed as
SCREEN:LINE: words), 2 when the catalogue cannot be read."""

import glob
import os
import re
import sys

WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
DIRECTIVE = re.compile(r"%(?:\d+\$)?[-+ #0']*(?:\d+|\*)?(?:\.(?:\d+|\*))?"
                       r"(?:hh|h|ll|l|L|z|j|t)?[diouxXeEfFgGaAcspn%]")
CELL_SEP = re.compile(r"[\u2502|]|\s{2,}")


def unquote(s):
    body = s.strip()[1:-1]
    return re.sub(r'\\(.)', lambda m: {'n': '\n', 't': '\t'}.get(m.group(1), m.group(1)),
                  body)


def read_po(path):
    """[(msgid, [msgstr...])] of the catalogue's live entries."""
    entries, cur, field = [], None, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("#") or not line.strip():
                continue
            m = re.match(r'(msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+(".*")$', line)
            if m:
                key = m.group(1)
                if key == "msgid":
                    cur = {"msgid": "", "msgstr": []}
                    entries.append(cur)
                if key.startswith("msgstr"):
                    cur["msgstr"].append("")
                field = key
                text = unquote(m.group(2))
            elif line.startswith('"') and cur is not None:
                text = unquote(line)
            else:
                continue
            if field == "msgid":
                cur["msgid"] += text
            elif field.startswith("msgstr"):
                cur["msgstr"][-1] += text
    return [(e["msgid"], e["msgstr"]) for e in entries if e["msgid"]]


def contains(seq, sub):
    n = len(sub)
    return any(seq[i:i + n] == sub for i in range(len(seq) - n + 1))


def english_phrases(entries):
    """Word sequences to look for: the pieces of each msgid between its
    directives, 4 letters or more, that no French text of the catalogue
    has (French's "Note", the translation of "Rating", is no English left
    because "Note: ..." is a msgid too)."""
    french = [WORD.findall(s) for _, msgstrs in entries for s in msgstrs if s]
    phrases = set()
    for msgid, _ in entries:
        for piece in DIRECTIVE.split(msgid):
            for line in piece.split("\n"):
                words = WORD.findall(line)
                if sum(len(w) for w in words) < 4:
                    continue
                if any(contains(f, words) for f in french):
                    continue
                phrases.add(tuple(words))
    return phrases


def spec_text(specs):
    text = []
    for path in glob.glob(os.path.join(specs, "**", "*.md"), recursive=True):
        with open(path, encoding="utf-8") as f:
            text.append(" ".join(f.read().split()))
    return "\n".join(text)


def cells(line):
    """(start, text) of each cell of a screen line."""
    out, pos = [], 0
    for m in CELL_SEP.finditer(line + "  "):
        if m.start() > pos and line[pos:m.start()].strip():
            out.append((pos, line[pos:m.start()]))
        pos = m.end()
    return out


def without_spec(lines, spec):
    """The screen's lines with the cells of spec text blanked."""
    kept, above = [], {}
    for line in lines:
        here = {}
        for start, text in cells(line):
            norm = " ".join(text.split())
            joined = above.get(start, "") + " " + norm
            wrapped = start in above and joined in spec
            if (len(WORD.findall(norm)) >= 2 and norm in spec) or wrapped:
                line = line[:start] + " " * len(text) + line[start + len(text):]
                here[start] = joined if wrapped else norm
        kept.append(line)
        above = here
    return kept


def main(argv):
    if len(argv) < 4:
        print(__doc__.split("\n")[0], file=sys.stderr)
        return 2
    entries = read_po(argv[1])
    phrases = english_phrases(entries)
    if len(entries) < 100 or not phrases:
        print("%s: no catalogue read" % argv[1], file=sys.stderr)
        return 2
    spec = spec_text(argv[2])
    left = 0
    for screen in argv[3:]:
        with open(screen, encoding="utf-8") as f:
            lines = without_spec(f.read().split("\n"), spec)
        for n, line in enumerate(lines, 1):
            words = WORD.findall(line)
            for p in sorted(phrases):
                if contains(words, list(p)):
                    print("%s:%d: %s" % (os.path.basename(screen), n, " ".join(p)))
                    left += 1
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
