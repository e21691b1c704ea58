#!/usr/bin/python3
"""Check render --share's secondary suppression from what it wrote.

usage: share_lines.py DB SITE_DIR

Reads every breakdown table of the site (index.html and groups/*.html):
which group each row is, and whether its count is shown or hidden (n<MIN
or 秘匿).  Prints one line per violation and exits 1 if there is any:
- a group shown on one page and hidden on another;
- a line of the run's faces (siblings along one axis and their parent,
  from the database) with a hidden group in it and only one hidden
  member, or, its parent shown, hidden siblings holding fewer than the
  minimum group size together: a hidden group could be recomputed.
  A group no page shows counts as hidden: a reader does not know it.
Only Python's standard library: sqlite3, re.
"""
import glob
import os
import re
import sqlite3
import sys

STARS = {"★★ 二つ星": "two", "★ 一つ星": "one", "宣言なし": "none",
         "不明": "unknown"}
SIZES = {"1〜5人": "1-5", "6〜20人": "6-20", "21〜50人": "21-50",
         "51〜100人": "51-100", "101〜300人": "101-300", "301人以上": "301+",
         "不明": "unknown"}
ROW = re.compile(r'<tr><td>(?:<a [^>]*>)?([^<]*)(?:</a>)?</td>'
                 r'<td class="num" data-label="回答社数">([^<]*)</td>')


def code(axis, label):
    if axis == "ind":
        return "unknown" if label.startswith("業種不明") else label[0]
    if axis == "star":
        return STARS[label]
    return SIZES.get(label, label)


def tables(html):
    """(axis, [(code, hidden)]) for each breakdown table, in order."""
    out = []
    for m in re.finditer(r'<table class="cmp"><thead><tr><th>([^<]*)</th>'
                         r'(.*?)</table>', html, re.S):
        axis = {"業種": "ind", "宣言段階": "star", "規模": "size"}[m.group(1)]
        rows = [(code(axis, lab), not cnt.endswith("社"))
                for lab, cnt in ROW.findall(m.group(2))]
        out.append((axis, rows))
    return out


def main():
    db = sqlite3.connect(sys.argv[1])
    site = sys.argv[2]
    run_id, min_group = db.execute(
        "SELECT run_id, min_group FROM run ORDER BY as_of DESC LIMIT 1"
    ).fetchone()
    n = {(i, z, s): c for i, z, s, c in db.execute(
        "SELECT industry_code, size_class, star_level, n FROM group_stat"
        " WHERE run_id = ?", (run_id,))}
    seen = {}
    lines = []
    bad = []

    def note(g, hidden, where):
        if seen.setdefault(g, (hidden, where))[0] != hidden:
            bad.append("%s: %s on %s but %s on %s" % (
                "/".join(g), "hidden" if hidden else "shown", where,
                "hidden" if seen[g][0] else "shown", seen[g][1]))

    pages = [("index.html", ("*", "*", "*"))]
    for p in sorted(glob.glob(os.path.join(site, "groups", "*.html"))):
        kind, c = os.path.basename(p)[:-5].split("-", 1)
        pages.append((os.path.relpath(p, site),
                      (c, "*", "*") if kind == "ind" else ("*", "*", c)))
    for rel, parent in pages:
        html = open(os.path.join(site, rel), encoding="utf-8").read()
        if rel != "index.html":
            note(parent, "秘匿:" in html or "n&lt;" in html.split(
                "<h2>", 1)[0], rel)
        for axis, rows in tables(html):
            members = []
            for c, hidden in rows:
                g = list(parent)
                g[["ind", "size", "star"].index(axis)] = c
                g = tuple(g)
                note(g, hidden, rel)
                members.append(g)
    # every line of the faces: siblings along one axis and their parent
    # ("*" on that axis), the other two axes with at least one at "*";
    # a group not shown on any page is unknown to a reader, so hidden
    for axis in range(3):
        line = {}
        for g in n:
            rest = g[:axis] + g[axis + 1:]
            if "*" in rest and g[axis] != "*":
                line.setdefault(rest, []).append(g)
        for rest, members in line.items():
            parent = rest[:axis] + ("*",) + rest[axis:]
            everyone = members + [parent]
            if not any(seen.get(g, (False,))[0] for g in everyone):
                continue
            hidden = [g for g in everyone if seen.get(g, (True,))[0]]
            # with the parent shown, the hidden siblings' sum is known
            if len(hidden) < 2 or (parent not in hidden and sum(
                    n.get(g, 0) for g in hidden) < min_group):
                bad.append("line of %s along %s: hidden only %s" % (
                    "/".join(parent), ["industry", "size", "star"][axis],
                    ", ".join("/".join(g) for g in hidden)))
                lines.append(parent)
    for b in bad:
        print(b)
    print("checked %d groups shown or hidden" % len(seen))
    return 1 if bad else 0


sys.exit(main())
