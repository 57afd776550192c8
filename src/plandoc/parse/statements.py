"""Find goal and objective statements in lines and tables (CONTRACT.md section 2).

A statement is returned without its leading label or number. Problem, target-date, intervention and
responsible cells, progress notes and checkbox lines are not statements.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from .blocks import Line, Table
from .text import (BULLET_START, CHECKBOX_START, GOAL_LABEL, LEAD_LABEL, NUMBERING, clean, join_wrapped)

GOAL, OBJECTIVE = "goal", "objective"


@dataclass
class Found:
    text: str
    level: str
    line: Line | None = None
    table: Table | None = None
    row: int | None = None


def label_level(kind: str) -> str:
    k = kind.lower()
    if k.startswith(("obj", "stg", "sto", "short", "step", "action", "milestone", "benchmark")):
        return OBJECTIVE
    return GOAL


def _is_statement_text(text: str, min_words: int = 3) -> bool:
    """Statement-shaped text; `min_words` is 2 where a label or a goal column already says it is one
    ('Goal 1: Staying sober.', a 'Desired Outcome' cell 'Stable housing')."""
    t = text.strip()
    if len(re.findall(r"[A-Za-z]{2,}", t)) < min_words or t.endswith(":"):
        return False
    return not CHECKBOX_START.match(t)


def _strip_all_labels(text: str) -> tuple[str, str | None, str | None]:
    """(text without label, level from a goal/objective label, numbering kind 'top'/'sub')."""
    t = BULLET_START.sub("", text.strip(), count=1)
    m = GOAL_LABEL.match(t)
    if m:
        rest = t[m.end():].strip()
        rest = NUMBERING.sub("", rest, count=1) if NUMBERING.match(rest) else rest
        return rest, label_level(m.group("kind")), None
    n = NUMBERING.match(t)
    if n:
        rest = t[n.end():].strip()
        if n.group("b"):
            return rest, None, "sub"
        token = n.group("a")
        return rest, None, ("top" if token.isdigit() or re.fullmatch(r"[IVX]+", token) else "sub")
    return t, None, None


def _other_label(text: str) -> bool:
    """'Progress: ...', 'Target date: ...', 'Problem 1: ...': labelled text that is not a statement."""
    if GOAL_LABEL.match(text):
        return False
    m = LEAD_LABEL.match(text)
    if not m:
        return bool(re.match(r"^\s*(?:problem|need|issue)\s*#?\s*\d*[a-z]?\s*[:.)-]", text, re.I))
    label = m.group("label").strip()
    return len(label.split()) <= 4


# ------------------------------------------------------------------------------------- lines
# A numbered goal/objective label after a sentence ends, inside running text: '... three goals. Goal 1: ...'
_INLINE_LABEL = re.compile(
    r"(?:(?<=[.!?])|(?<=[.!?][\"')\u201d]))\s+(?=(?:(?:long|short)[\s-]*term\s+)?(?:goal|objective|obj\.|step|stg|ltg|sto|lto)"
    r"\s*#?\s*[a-z]?\d{1,2}(?:\.\d{1,2})?[a-z]?\s*[:.)\u2013\u2014-]\s)", re.I)
# Where a sentence ends: a full stop not after a title or a common abbreviation, then a capital.
_SENTENCE_BREAK = re.compile(
    r"(?<!\b[A-Z])(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bSt)(?<!\bNo)(?<!\bvs)(?<!\be\.g)(?<!\bi\.e)"
    r"(?<!\ba\.m)(?<!\bp\.m)(?<!\betc)(?<!\bJr)(?<!\bSr)[.!?][\"')\u201d]?\s+(?=[A-Z\"\u201c])")


def has_inline_label(text: str) -> bool:
    return bool(_INLINE_LABEL.search(text))


def first_sentence(text: str) -> str:
    m = _SENTENCE_BREAK.search(text)
    return text[:m.end()].strip() if m else text.strip()


def split_inline_labels(line: Line) -> list[Line]:
    """A paragraph that runs several labelled statements together ('Goal 1: ... Objective 1a: ...
    Objective 1b: ...'), or carries one after narrative text, as one line per statement.

    Each part keeps only its first sentence: what follows in running text is narrative ('To get
    there she has agreed to two objectives.'), and text before the first label is not a statement.
    """
    text = line.text
    cuts = [m.end() for m in _INLINE_LABEL.finditer(text)]
    if not cuts:
        return [line]
    starts = ([0] if GOAL_LABEL.match(text) else []) + cuts
    out = []
    for a, b in zip(starts, starts[1:] + [len(text)]):
        piece = text[a:b].strip()
        m = GOAL_LABEL.match(piece)
        if m:
            piece = piece[:m.end()] + first_sentence(piece[m.end():])
        out.append(dataclasses.replace(line, text=piece, cells=[piece]))
    return out


def from_lines(lines: list[Line], default_level: str = GOAL) -> list[Found]:
    """Statements among the lines of one goals section (or block of goals)."""
    items = []
    marked = False
    for ln in lines:
        if ln.checkbox or not ln.text.strip():
            continue
        raw = ln.text.strip()
        if _other_label(raw):
            continue
        body, level, num = _strip_all_labels(raw)
        dash = bool(BULLET_START.match(raw)) or ln.bullet  # '– Go to 3 meetings a week.' typed with a dash
        structured = level is not None or num is not None or dash or ln.list_level is not None
        marked = marked or structured
        items.append((ln, body, level, num, structured, dash))
    out: list[Found] = []
    indents = [ln.indent for ln, _, lv, _, s, _ in items if s and ln.indent is not None]
    base = min(indents) if indents else None
    last_goal_indent = None
    numbered_goal = False  # the last statement was a goal numbered '1.', so bullets under it are objectives
    pending: str | None = None
    for ln, body, level, num, structured, dash in items:
        if marked and not structured and pending is None:
            continue
        if not body:
            pending = level  # 'Goal 1' alone: the next line is its text
            continue
        # two words are enough where a label says it is a statement, or for a numbered or bulleted
        # sentence ('1. Stop drinking.')
        short_ok = level is not None or pending is not None or (
            (num is not None or dash) and re.search(r"[.!]$", body.strip()))
        if not _is_statement_text(body, 2 if short_ok else 3):
            pending = None
            continue
        if level is None and pending is not None:
            level = pending
        pending = None
        if level is None:
            if num == "sub":
                level = OBJECTIVE
            elif num == "top":
                level = GOAL
            elif ln.list_level is not None:
                level = OBJECTIVE if ln.list_level > 0 else GOAL
            elif dash and numbered_goal:
                level = OBJECTIVE
            elif ln.indent is not None and base is not None and ln.indent > base + 8:
                level = OBJECTIVE if last_goal_indent is None or ln.indent > last_goal_indent + 8 else GOAL
            else:
                level = default_level
        if level == GOAL:
            last_goal_indent = ln.indent
            numbered_goal = num == "top"
        out.append(Found(clean(body), level, line=ln))
    return out


# ------------------------------------------------------------------------------------- tables
_GOAL_COL = re.compile(r"\b(?:goals?|ltg|lto|long[\s-]*term|desired\s+outcomes?|outcomes?)\b", re.I)
# Outside a goals section only columns that say goal or objective hold statements ('Outcome' of a
# previous-treatment table is not a goal).
_STRICT_COL = re.compile(r"\b(?:goals?|objectives?|ltg|stg|lto|sto|(?:long|short)[\s-]*term)\b", re.I)
_OBJ_COL = re.compile(r"\b(?:objectives?|stg|sto|short[\s-]*term|action\s+steps|steps|milestones?|benchmarks?)\b", re.I)
_INLINE_MARK = re.compile(
    r"(?:(?<=\s)|^)(?:(?:(?:long|short)[\s-]*term\s+)?(?:objective|obj\.?|goal|stg|ltg)\s*#?\s*\d+[a-z]?(?:\.\w+)?\s*[:.)-]"
    r"|\d{1,2}\)|\d{1,2}\.\d{1,2}[a-z]?\.?|[a-z]\)|\d{1,2}\.(?=\s+[A-Z])|[\u2022\u25aa\u25e6\u2013-](?=\s))\s+(?=\S)", re.I)


def split_items(paragraphs: list[str], wrapped: bool = False) -> list[str]:
    """Statements in one cell: each paragraph, further split where a new label or number starts."""
    text_parts = [join_wrapped(paragraphs)] if wrapped else [p for p in paragraphs if p.strip()]
    out: list[str] = []
    for part in text_parts:
        starts = [m.start() for m in _INLINE_MARK.finditer(part)]
        if not starts or starts[0] != 0:
            starts = [0] + starts
        for a, b in zip(starts, starts[1:] + [len(part)]):
            piece = part[a:b].strip()
            if piece:
                out.append(piece)
    return out


def _cell_text(cell: list[str] | None) -> list[str]:
    return [c for c in (cell or []) if c and c.strip()]


def header_roles(row: list[list[str] | None], strict: bool = False) -> list[str | None] | None:
    """Column roles from a header row: 'goal', 'objective', 'mixed' or None; None when not a goals header.

    `strict` (a table outside the goals section): a column counts only when it says goal or objective.
    """
    roles: list[str | None] = []
    weak: list[bool] = []
    for cell in row:
        t = re.sub(r"\([^)]*\)", " ", " ".join(_cell_text(cell))).strip()  # 'Objective (in the client's words)'
        if len(t.split()) > 5:
            return None
        g, o = bool(_GOAL_COL.search(t)), bool(_OBJ_COL.search(t))
        if strict and not _STRICT_COL.search(t):
            g, o = ("weak" if g else False), ("weak" if o else False)
        if re.search(r"\b(?:target|date|status|progress|intervention|responsible)\b", t, re.I) and not re.search(
                r"\b(?:goals?|objectives?)\s*$", t, re.I):
            g = o = False
        roles.append("mixed" if g and o else "goal" if g else "objective" if o else None)
        weak.append(bool(g == "weak" or o == "weak"))
    if not any(roles):
        return None
    if strict and all(w for r, w in zip(roles, weak) if r):
        # outside the goals section, words like 'Outcome' or 'Steps' count only together: a goal
        # column and an objective column ('Desired Outcome | Action Steps'), not 'Outcome' alone
        if not ({"goal", "mixed"} & set(roles) and {"objective", "mixed"} & set(roles)):
            return None
    return roles


def goals_header(table: Table, strict: bool = False) -> tuple[int, list[str | None]] | None:
    """(row index, column roles) of a goals table's header row, or None."""
    for i, row in enumerate(table.rows[:3]):
        if any(numbered_label(c) for c in row):
            break  # 'Goal 1 | text': label rows, not a header
        roles = header_roles(row, strict)
        if roles and len([c for c in row if _cell_text(c)]) >= 2:
            return i, roles
    return None


# A goals-table column that holds the services: 'Interventions', 'Method', 'Services', 'Modality'.
_INTERVENTION_COL = re.compile(
    r"^(?:planned\s+|treatment\s+|therapeutic\s+)?(?:interventions?|methods?|services?|modalit(?:y|ies)|"
    r"strateg(?:y|ies)|treatment\s+approach|action\s+plan)\b", re.I)


def intervention_cells(table: Table, strict: bool = False) -> list[str]:
    """The filled cells of a goals table's intervention column ('Interventions', 'Method').

    A plan that lists its services only beside the goals has its interventions there.
    """
    head = goals_header(table, strict)
    if head is None:
        return []
    hi, _ = head
    cols = [ci for ci, c in enumerate(table.rows[hi]) if _INTERVENTION_COL.match(" ".join(_cell_text(c)).strip())]
    out = []
    for row in table.rows[hi + 1:]:
        if [" ".join(_cell_text(c)) for c in row] == [" ".join(_cell_text(c)) for c in table.rows[hi]]:
            continue
        for ci in cols:
            if ci < len(row) and _cell_text(row[ci]):
                out.append(" ".join(_cell_text(row[ci])))
    return out


def from_table(table: Table, strict: bool = False) -> list[Found]:
    out: list[Found] = []
    rows = table.rows
    head = goals_header(table, strict)
    wrapped = table.header_rows > 0  # rebuilt from a PDF: cell lines are wrapped text
    if head is None:
        return _label_rows(table)
    hi, roles = head
    last_goal = None
    for ri, row in enumerate(rows[hi + 1:], start=hi + 1):
        if [" ".join(_cell_text(c)) for c in row] == [" ".join(_cell_text(c)) for c in rows[hi]]:
            continue  # a repeated header row
        # a label cell in a column of its own ('Obj. 1a' | statement) gives the row its level
        row_level = next((label_level(m.group("kind")) for ci, c in enumerate(row)
                          if (ci >= len(roles) or roles[ci] is None)
                          and (m := _LABEL_CELL.match(" ".join(_cell_text(c))))), None)
        for ci, cell in enumerate(row):
            role = roles[ci] if ci < len(roles) else None
            if role is None or not _cell_text(cell):
                continue
            for piece in split_items(_cell_text(cell), wrapped):
                if _other_label(piece):
                    continue
                body, level, num = _strip_all_labels(piece)
                if not _is_statement_text(body, 2):
                    continue
                level = level or row_level
                if role == "goal":
                    lv = level or GOAL
                elif role == "objective":
                    lv = level or OBJECTIVE
                else:
                    lv = level or (OBJECTIVE if num == "sub" else GOAL)
                body = clean(body)
                if lv == GOAL and role == "goal":
                    if body == last_goal:
                        continue
                    last_goal = body
                out.append(Found(body, lv, table=table, row=ri))
    return out


_LABEL_CELL = re.compile(
    r"^\s*(?P<kind>(?:(?:long|short)[\s-]*(?:term|range)\s+)?(?:goal|objective|obj\.?)|ltg|stg|lto|sto)"
    r"\s*#?\s*\d{1,2}[a-z]?(?:\.\d{1,2}[a-z]?)*\s*[:.]?\s*$", re.I)


def numbered_label(cell: list[str] | None) -> bool:
    """A cell that is only a numbered goal/objective label ('Goal 1', 'Objective 1a')."""
    return bool(_LABEL_CELL.match(" ".join(_cell_text(cell))))


def _label_rows(table: Table) -> list[Found]:
    """Rows like 'Goal 1 | text' or single cells 'Objective 1a: text'."""
    out: list[Found] = []
    for ri, row in enumerate(table.rows):
        cells = [c for c in row if _cell_text(c)]
        if not cells:
            continue
        first = " ".join(_cell_text(cells[0])).strip()
        m = _LABEL_CELL.match(first) or GOAL_LABEL.match(first + " ")
        if m and not first[m.end():].strip() and len(cells) >= 2:
            text = " ".join(_cell_text(cells[1]))
            if _is_statement_text(text):
                out.append(Found(clean(text), label_level(m.group("kind")), table=table, row=ri))
            continue
        for cell in cells:
            for piece in split_items(_cell_text(cell)):
                lab = GOAL_LABEL.match(piece)
                if lab and _is_statement_text(piece[lab.end():]):
                    out.append(Found(clean(piece[lab.end():]), label_level(lab.group("kind")), table=table, row=ri))
    return out
