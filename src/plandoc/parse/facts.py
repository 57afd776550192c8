"""Recover plan facts a reader can see (names, dates, diagnoses, signatures) into a `model.Plan`.

Every fact is optional: a value that does not validate is left out, never raised.
"""

from __future__ import annotations

import datetime as dt
import re

from pydantic import ValidationError

from .. import model
from .blocks import Line, Table
from .text import clean

_MONTHS = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
_DATE = re.compile(
    r"\b(?:(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})|(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})"
    r"|(?P<mn>[A-Za-z]{3,9})\.?\s+(?P<md>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<my>\d{4})"
    r"|(?P<dd>\d{1,2})\s+(?P<dm>[A-Za-z]{3,9})\.?,?\s+(?P<dy>\d{4})"
    r"|(?P<pd>\d{1,2})\.(?P<pm>\d{1,2})\.(?P<py>\d{4}))\b")
_NUM_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "eight": 8, "ten": 10,
              "twelve": 12, "thirty": 30, "sixty": 60, "ninety": 90}


def parse_date(text: str) -> dt.date | None:
    m = _DATE.search(text or "")
    if not m:
        return None
    try:
        if m.group("m"):
            a, b, y = int(m.group("m")), int(m.group("d")), int(m.group("y"))
            month, day = (b, a) if a > 12 >= b else (a, b)  # day-month-year when it can only be that
            return dt.date(y, month, day)
        if m.group("iy"):
            return dt.date(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
        if m.group("mn"):
            mon = _MONTHS.get(m.group("mn")[:3].lower())
            return dt.date(int(m.group("my")), mon, int(m.group("md"))) if mon else None
        if m.group("dm"):
            mon = _MONTHS.get(m.group("dm")[:3].lower())
            return dt.date(int(m.group("dy")), mon, int(m.group("dd"))) if mon else None
        return dt.date(int(m.group("py")), int(m.group("pm")), int(m.group("pd")))
    except (ValueError, TypeError):
        return None


# --------------------------------------------------------------------------------- label/values
_LABELS = {
    "name": r"(?:client|patient|member|participant|consumer)?\s*(?:full\s+)?name|client|patient|person\s+served",
    "dob": r"date\s+of\s+birth|d\.?o\.?b\.?|birth\s*date",
    "client_id": r"(?:client|patient|record|chart|case)\s*(?:id|#|no\.?|number)|mrn|record\s+no\.?",
    "member_id": r"(?:member|medicaid|insurance|subscriber)\s*(?:id|#|no\.?|number)",
    "plan_date": r"(?:treatment\s+)?plan\s+(?:start\s+|effective\s+)?date|date\s+of\s+plan|plan\s+developed",
    "admission": r"admission\s+date|admit\s+date|date\s+of\s+admission",
    "next_review": r"next\s+(?:formal\s+|full\s+|plan\s+)?review(?:\s+date)?|review\s+due|plan\s+update\s+due",
}
# a label may carry a parenthetical: 'Plan date (established)', 'DOB (MM/DD/YYYY)'
_LABEL_RX = {k: re.compile(rf"^\s*(?:{v})\s*(?:\([^)]{{0,30}}\))?\s*:?\s*$", re.I) for k, v in _LABELS.items()}
_INLINE = re.compile(r"(?P<label>" + "|".join(f"(?:{v})" for v in _LABELS.values()) + r")\s*:\s*", re.I)


def _kind(label: str) -> str | None:
    for k, rx in _LABEL_RX.items():
        if rx.match(label):
            return k
    return None


def field_label(text: str) -> str | None:
    """The fact a label cell names ('DOB' -> 'dob'), or None."""
    return _kind(text.strip().rstrip(":"))


def pairs_from_cells(cells: list[str]) -> list[tuple[str, str]]:
    out = []
    for a, b in zip(cells, cells[1:]):
        k = _kind(a)
        if k and b.strip() and not _kind(b):
            out.append((k, clean(b)))
    return out


def pairs_from_text(text: str) -> list[tuple[str, str]]:
    if ":" not in text:
        return []  # every inline label ends with a colon; skips the costly search on most blocks
    out = []
    ms = list(_INLINE.finditer(text))
    for i, m in enumerate(ms):
        k = _kind(m.group("label"))
        end = ms[i + 1].start() if i + 1 < len(ms) else len(text)
        val = text[m.end():end].strip(" ,;")
        if k and val:
            out.append((k, clean(val)))
    return out


def pairs(block) -> list[tuple[str, str]]:
    if isinstance(block, Table):
        out = []
        for row in block.rows:
            cells = [" ".join(c) if c else "" for c in row]
            out += pairs_from_cells(cells)
            for c in cells:
                out += pairs_from_text(c)
        return out
    if len(block.cells) > 1:
        return pairs_from_cells(block.cells) + [p for c in block.cells for p in pairs_from_text(c)]
    return pairs_from_text(block.text)


# ------------------------------------------------------------------------------------ diagnoses
_ICD = re.compile(r"\b([A-TV-Z]\d{2}\.[0-9A-TV-Z]{1,4})\b")


def diagnoses(text: str) -> list[model.Diagnosis]:
    out: list[model.Diagnosis] = []
    seen = set()
    for m in _ICD.finditer(text):
        code = m.group(1)
        if code in seen:
            continue
        seen.add(code)
        after = re.split(r"[;()\n]|\.\s|\s{2,}", text[m.end():], maxsplit=1)[0].strip(" ,:-\u2013")
        desc = after[:100] or None
        try:
            out.append(model.Diagnosis(code=code, description=desc, primary=not out))
        except ValidationError:
            continue
    return out


# ----------------------------------------------------------------------------------- signatures
_ROLES = [
    ("client", r"client|patient|member|participant|consumer|person served|youth"),
    ("guardian", r"guardian|parent|caregiver"),
    ("supervisor", r"supervisor|clinical director|program director"),
    ("physician", r"physician|prescriber|psychiatrist|medical director|doctor|\bmd\b|\bdo\b|nurse practitioner|aprn|np"),
    ("counselor", r"counselor|counsellor"),
    ("peer", r"peer"),
    ("clinician", r"clinician|therapist|social worker|case manager|psychologist|provider|staff"),
]
_CRED = re.compile(r"^(?:[A-Z][A-Za-z]{0,3}-?)?[A-Z]{2,}[A-Za-z-]*$")
SIGNATURE_LINE = re.compile(r"signature\s*[:_]|_{5,}|\bsigned\b|electronically signed", re.I)


def role_of(text: str) -> str | None:
    t = text.lower()
    for role, rx in _ROLES:
        if re.search(rf"\b(?:{rx})", t):
            return role
    return None


def _name_creds(value: str) -> tuple[str | None, str | None]:
    v = re.sub(r"\((?:signed|e-?signed|electronically signed)\)", "", value, flags=re.I)
    v = re.sub(r"/s/|_+", " ", v).strip(" ,")
    if not re.search(r"[A-Za-z]{2,}", v):
        return None, None
    parts = [p.strip() for p in v.split(",")]
    creds = [p for p in parts[1:] if _CRED.match(p.replace(".", ""))]
    name = parts[0]
    return (name or None), (", ".join(creds) or None)


def signature(role_text: str, value: str, date_text: str) -> model.Signature | None:
    role = role_of(role_text)
    name, creds = _name_creds(value)
    if role is None or name is None:
        return None
    try:
        return model.Signature(role=role, name=name, credentials=creds, date=parse_date(date_text))
    except ValidationError:
        return None


_SIG_TEXT = re.compile(
    r"^(?P<role>[A-Za-z][A-Za-z /'-]{1,40}?)\s*(?:signature)?\s*:\s*(?P<value>.*?)\s*(?:date(?:\s+signed)?\s*:\s*(?P<date>.*))?$",
    re.I)


def signatures_from_line(line: Line) -> list[model.Signature]:
    cells = [c for c in line.cells if c.strip()]
    if len(cells) >= 2 and not cells[0].rstrip().endswith(":") and role_of(cells[0]) and ":" not in cells[0]:
        # 'Role | Name | Credentials | Date': a cell of credentials alone joins the name
        value, rest = cells[1], cells[2:]
        while rest and parse_date(rest[0]) is None and all(_CRED.match(p.strip().replace(".", ""))
                                                          for p in rest[0].split(",") if p.strip()):
            value, rest = f"{value}, {rest[0]}", rest[1:]
        date_text = " ".join(rest)
        if not rest and parse_date(value):  # 'Dana Whitlock  10/06/2026' in one cell
            m = _DATE.search(value)
            date_text, value = m.group(0), (value[:m.start()] + value[m.end():]).strip()
        sig = signature(cells[0], value, date_text)
        return [sig] if sig else []
    m = _SIG_TEXT.match(" ".join(cells))
    if m and role_of(m.group("role")):
        sig = signature(m.group("role"), m.group("value") or "", m.group("date") or "")
        return [sig] if sig else []
    return []


def signatures_from_table(table: Table) -> list[model.Signature]:
    """Rows of a signature table: role, name (printed name, else the signature cell), credentials, date."""
    rows = [[" ".join(c) if c else "" for c in r] for r in table.rows]
    if not rows:
        return []
    head = [h.lower().strip() for h in rows[0]]
    name_col = next((i for i, h in enumerate(head) if re.search(r"\b(?:printed|print|typed)\s+name\b|^name$", h)), None)
    sig_col = next((i for i, h in enumerate(head) if "signature" in h), None)
    cred_col = next((i for i, h in enumerate(head) if re.search(r"credential|licen[cs]e|degree", h)), None)
    date_col = next((i for i, h in enumerate(head) if "date" in h), None)
    role_col = next((i for i, h in enumerate(head) if re.search(r"role|title|signer|position", h)), 0)
    if name_col is None and sig_col is None:
        return []
    out = []
    for r in rows[1:]:
        def cell(i: int | None) -> str:
            return r[i] if i is not None and i < len(r) else ""

        value = cell(name_col) or cell(sig_col)
        if cell(cred_col).strip() and "," not in value:
            value = f"{value}, {cell(cred_col)}"
        sig = signature(cell(role_col), value, cell(date_col))
        if sig:
            out.append(sig)
    return out


# -------------------------------------------------------------------------------- interventions
def interventions_from_table(table: Table) -> list[model.Intervention]:
    rows = [[" ".join(c) if c else "" for c in r] for r in table.rows]
    if len(rows) < 2:
        return []
    head = [h.lower() for h in rows[0]]
    t_col = next((i for i, h in enumerate(head) if re.search(r"service|intervention|modality|treatment|type", h)), None)
    f_col = next((i for i, h in enumerate(head) if re.search(r"frequency|how often|schedule", h)), None)
    r_col = next((i for i, h in enumerate(head) if re.search(r"responsible|staff|provider|who|by whom|rendered by|delivered by|clinician", h)), None)
    if t_col is None or (f_col is None and r_col is None) or any(re.search(r"\bgoals?\b|objective", h) for h in head):
        return []
    out = []
    for r in rows[1:]:
        if t_col >= len(r) or not r[t_col].strip():
            continue
        try:
            out.append(model.Intervention(
                type=clean(r[t_col]),
                frequency=clean(r[f_col]) or None if f_col is not None and f_col < len(r) else None,
                responsible=clean(r[r_col]) or None if r_col is not None and r_col < len(r) else None))
        except ValidationError:
            continue
    return out


# ------------------------------------------------------------------------------------ monitoring
_EVERY = re.compile(r"\bevery\s+(\d+|one|two|three|four|six|eight|ten|twelve|thirty|sixty|ninety)\s+(day|week|month)s?\b", re.I)
_WORD_FREQ = {"monthly": 30, "quarterly": 90, "weekly": 7, "biweekly": 14}


def review_interval_days(text: str) -> int | None:
    """The plan review interval from monitoring text: 'reviewed every 30 days', 'review monthly'."""
    for sentence in re.split(r"(?<=[.;])\s+", text):
        if not re.search(r"\breview|\bupdate|\blook at this plan|\breassess", sentence, re.I):
            continue
        m = _EVERY.search(sentence)
        if m:
            n = m.group(1).lower()
            count = int(n) if n.isdigit() else _NUM_WORDS.get(n)
            unit = {"day": 1, "week": 7, "month": 30}[m.group(2).lower()]
            if count:
                return count * unit
        for word, days in _WORD_FREQ.items():
            if re.search(rf"\breview\w*\s+{word}\b|\b{word}\s+review", sentence, re.I):
                return days
    return None


def next_review(text: str) -> dt.date | None:
    m = re.search(r"next\s+(?:formal\s+|full\s+|plan\s+)?review[^.;]{0,40}?|plan\s+update\s+due\s*|review\s+due\s*", text, re.I)
    if not m:
        return None
    return parse_date(text[m.end() - 1: m.end() + 40])
