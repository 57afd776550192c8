"""Small text helpers shared by the readers and `structure` (no file-format knowledge)."""

from __future__ import annotations

import re

BULLET_CHARS = set("\u2022\u25e6\u25aa\u25ab\u2023\u2043\u2219\u00b7\u25cf\u25cb\u25a0\u27a2\u27a4\u25ba\u25b6\u2713\u2714"
                   "\uf0b7\uf0a7\uf0d8\uf0fc\uf076\uf0a8\uf02d\u2013\u2014*-\u2212\u2726\u2756")
CHECKED = "\u2612"  # ☒
UNCHECKED = "\u2610"  # ☐
CHECK_CHARS = set("\u2610\u2611\u2612\u25a1\u25a0\u2713\u2714\u2717\u2718")

# A goal or objective label at the start of a line: 'Goal 1:', 'Objective 1a:', 'LTG 2 -', 'STG 1.2',
# 'Obj. 2.a:', 'Long-term goal:', 'Short-term objective 3)', 'Objective 2b', 'Goal A.', 'Step A1:'.
GOAL_LABEL = re.compile(
    r"""^\s*(?:my\s+)?
    (?P<kind>(?:(?:long|short)[\s-]*(?:term|range)\s+)?(?:goals?|objectives?|obj\.?)|ltg|stg|lto|sto|(?:(?:action\s+)?steps?|milestones?|benchmarks?)(?=\s*\#?\s*[a-z]?\d))
    \s*\#?\s*(?:(?P<num>\d+(?:\.\d+)*[a-z]?(?:\.[a-z\d]+)*|(?<=[\s\#])[a-z]\d*(?:\.\d+)*|(?<=[\s\#])[ivxl]+)\b\.?
               \s*(?:[:.)\u2013\u2014-]\s*|\s+(?=(?-i:[A-Z])))
             | [:.)\u2013\u2014-]\s*)""",
    re.IGNORECASE | re.VERBOSE,
)
# Outline numbering at the start of a line: '1.', '1)', '(a)', 'a.', '1a.', '1.1', '2.3a', 'iv.'
NUMBERING = re.compile(r"^\s*(?:\(?(?P<a>\d{1,2}[a-z]?|[a-zA-Z]|[ivxIVX]{1,4})[.)](?!\d)|(?P<b>\d{1,2}(?:\.\d{1,2})+[a-z]?)\.?)\s+")
BULLET_START = re.compile("^\\s*[" + re.escape("".join(sorted(BULLET_CHARS))) + "]\\s+")
CHECKBOX_START = re.compile("^\\s*[" + "".join(sorted(CHECK_CHARS)) + "]")
# Something that starts a new item rather than continuing a wrapped line.
ITEM_START = re.compile(
    "|".join([GOAL_LABEL.pattern, r"^\s*(?:\(?(?:\d{1,2}[a-z]?|[a-zA-Z]|[ivxIVX]{1,4})[.)](?!\d)|\d{1,2}(?:\.\d{1,2})+[a-z]?\.?)\s+",
              BULLET_START.pattern, CHECKBOX_START.pattern,
              r"^\s*(?:progress|status|comments?|target\s+date|problem|intervention|responsible|notes?)\b\s*:"]),
    re.IGNORECASE | re.VERBOSE,
)
# A short 'Label:' at the start of a line ('Progress: ...', 'Target date: ...').
LEAD_LABEL = re.compile(r"^\s*(?P<label>[A-Za-z][A-Za-z/&' -]{0,40}?)\s*:\s*(?P<rest>.*)$", re.S)
SENTENCE_END = re.compile(r"[.!?]\)?$")


def is_all_caps(text: str) -> bool:
    """At least three letters, and every letter upper-case (stops at the first other letter)."""
    n = 0
    for c in text:
        if c.isalpha():
            if not c.isupper():
                return False
            n += 1
    return n >= 3


def clean(text: str) -> str:
    """Collapse whitespace, drop soft hyphens and zero-width characters."""
    text = text.replace("\u00ad", "").replace("\u200b", "").replace("\ufeff", "").replace("\xa0", " ")
    return re.sub(r"\s+", " ", text).strip()


def join_wrapped(lines: list[str]) -> str:
    """Join the visual lines of one paragraph; a line ending in a hyphen joins without a space."""
    out = ""
    for ln in lines:
        ln = ln.strip()
        if not ln:
            continue
        if not out:
            out = ln
        elif out.endswith("-") and len(out) > 1 and out[-2].isalnum() and (
                ln[:1].islower() or (out[-2].isdigit() and ln[:1].isdigit())):  # 'self-' 'care', '2027-05-' '01'
            out += ln
        else:
            out += " " + ln
    return clean(out)


def strip_marker(text: str) -> str:
    """Text without a leading bullet, checkbox or outline number."""
    t = BULLET_START.sub("", text, count=1)
    t = NUMBERING.sub("", t, count=1)
    return t.strip()
