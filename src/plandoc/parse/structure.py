"""Blocks from any reader -> a `PlanDocument`: sections, text blocks, statements and facts.

Headings come from `headings`; a heading that names no catalogue section starts an `OTHER` run, so
its text never leaks into the section before it. Sections without a heading are recognised from
content: client details at the top, signature lines anywhere (usually the end).
"""

from __future__ import annotations

import re
from collections import Counter

from .. import model, sections
from ..document import PlanDocument, Statement, TextBlock
from . import facts, statements
from .blocks import Block, Line, Table
from .headings import Candidate, candidate, cell_heading, exact_match, looks_like_heading_text
from .text import LEAD_LABEL, NUMBERING

PREAMBLE = "_preamble"  # internal: text before the first heading (reported as OTHER)
# Form labels of client details typed at the top of a plan ('Client #: ...', 'D.O.B.:', 'ID HC-7712').
# Not the catalogue's client content cues (sections.py), which classify running prose: these match
# label/value shapes, and two distinct ones place the block.
_CLIENT_CUES = re.compile(
    r"\b(?:client|patient|member)\s*(?:name|id|#|no\.?|number)|\bdate\s+of\s+birth\b|\bdob\b|\bd\.o\.b\b|"
    r"\bbirth\s*date\b|\bmrn\b|\bmedicaid\s+id\b|\bemergency\s+contact\b|^\s*name\s*(?::|$)|"
    r"\b(?:id|record\s+(?:number|no\.?|#))\s*[:#]?\s*[A-Z]{0,4}-?\d{3,}", re.I | re.M)
# A diagnosis code in text with no heading says the assessment is there ('... use disorder (F12.20)').
_DIAGNOSIS_CUE = re.compile(r"\b[A-TV-Z]\d{2}\.[0-9A-TV-Z]{1,4}\b")


def _body_size(blocks: list[Block]) -> float | None:
    c: Counter = Counter()
    for b in blocks:
        if isinstance(b, Line) and b.size:
            c[round(b.size * 2) / 2] += len(b.text)
    return c.most_common(1)[0][0] if c else None


def _strength(key: tuple) -> tuple:
    level, size, bold, caps, underline = key
    return (-(level if level is not None else 99), size or 0, int(bold) + int(caps) + int(underline))


def _heading_plan(blocks: list[Block]) -> dict[int, Candidate]:
    """Which blocks are section headings; unmatched candidates count only when they look like the others."""
    body = _body_size(blocks)
    cands: dict[int, Candidate] = {}
    for i, b in enumerate(blocks):
        if isinstance(b, Line):
            c = candidate(b, body)
            if c:
                cands[i] = c
    # Catalogue wordings set the look of a section heading; keyword guesses only when there are none.
    matched = [c for c in cands.values() if c.section and not c.guessed] or [
        c for c in cands.values() if c.section]
    looks = Counter(c.line.style_key for c in matched)
    if not looks:
        return _mark_titles({i: c for i, c in cands.items() if c.strong}, None)
    dominant = looks.most_common(1)[0][0]
    first_dominant = min((i for i, c in cands.items() if c.section and c.line.style_key == dominant), default=0)
    out: dict[int, Candidate] = {}
    first_cand = min(cands, default=None)
    for i, c in cands.items():
        key = c.line.style_key
        if (c.section and c.guessed and i == first_cand and i < 3
                and not any(o.section and o.line.style_key == key for j, o in cands.items() if j != i)):
            # the first line of the document, placed only by its keywords and looking like no other
            # section heading, is the letterhead ('Summit Ridge Counseling'), not the services
            out[i] = Candidate(c.line, None, True, title=True)
        elif c.section and c.guessed and matched and not matched[0].guessed:
            # a heading placed by its keywords counts only when it looks like the real section
            # headings; smaller, it is a sub-heading ('Previous treatment' inside the assessment)
            if i < first_dominant and key != dominant and _strength(key) > _strength(dominant):
                out[i] = Candidate(c.line, None, True, title=True)  # bigger, above the first heading: a title
            elif key == dominant or _strength(key) > _strength(dominant):
                out[i] = c
        elif c.section:
            # a bigger, different-looking line above the first real heading is a title, not a section
            if i < first_dominant and key != dominant and _strength(key) > _strength(dominant):
                out[i] = Candidate(c.line, None, True, title=True)
            elif key == dominant or c.strong or _strength(key) >= _strength(dominant):
                out[i] = c
            elif exact_match(c.line.text.rstrip(":")) and (c.line.bold or c.line.caps or c.line.underline):
                out[i] = c
        elif key == dominant or (_strength(key) > _strength(dominant) and c.strong):
            out[i] = c
    return _mark_titles(out, dominant)


def _mark_titles(heads: dict[int, Candidate], dominant: tuple | None) -> dict[int, Candidate]:
    """Headings that name no section, above the first section heading and not looking like the
    section headings, are titles: the text under them is still the preamble."""
    first = min((i for i, c in heads.items() if c.section), default=None)
    for i, c in heads.items():
        if c.section is None and (first is None or i < first) and c.line.style_key != dominant:
            c.title = True
    return heads


class _Builder:
    def __init__(self, doc: PlanDocument) -> None:
        self.doc = doc
        self.current = PREAMBLE
        self.section_blocks: dict[str, list[Block]] = {}
        self.found: list[tuple[statements.Found, str]] = []
        self.sig_blocks: list[Block] = []

    def start(self, sid: str | None, heading: str, page: int | None, title: bool = False) -> None:
        if title and self.current == PREAMBLE:
            return  # a title above the first section heading: what follows is still the preamble
        self.current = sid or sections.OTHER
        if sid:
            info = self.doc.section(sid)
            if not info.present:
                info.present = True
                info.heading = heading
                info.page = page

    def mark(self, sid: str, page: int | None) -> None:
        info = self.doc.section(sid)
        if not info.present:
            info.present = True
            info.page = page

    def add(self, block: Block, sid: str | None = None) -> None:
        sid = sid or self.current
        self.section_blocks.setdefault(sid, []).append(block)


def _is_signature_line(line: Line) -> bool:
    text = " ".join(line.cells)
    if facts.SIGNATURE_LINE.search(text) and re.search(r"\bdate\b|signature", text, re.I):
        return True
    if any(facts.field_label(c) for c in line.cells):
        return False  # 'Patient | name | DOB | date' is a client-details row
    if {k for k, _ in facts.pairs_from_text(text)} & {"dob", "client_id", "member_id"}:
        return False  # 'Client: ...  Date of birth: ...  Plan date: ...' is client details
    if not facts.signatures_from_line(line):
        return False
    if len(line.cells) >= 3:
        return facts.parse_date(line.cells[-1]) is not None
    return bool(re.search(r"\bdate\s*:", text, re.I))


def _is_signature_table(t: Table) -> bool:
    head = " ".join(" ".join(c) for c in t.rows[0] if c).lower() if t.rows else ""
    return "signature" in head


def _table_title(t: Table) -> tuple[str | None, str] | None:
    """A table whose first row is one cell naming a section ('CLIENT INFORMATION' across the table)."""
    first = [c for c in t.rows[0] if c and " ".join(c).strip()] if t.rows else []
    if len(first) == 1 and len(first[0]) == 1 and looks_like_heading_text(first[0][0]):
        sid = sections.match_heading(first[0][0].rstrip(":"))
        if sid:
            return sid, first[0][0]
    return None


def build(blocks: list[Block], path: str, kind: str, pages: int | None,
          extras: list[str] | None = None) -> PlanDocument:
    doc = PlanDocument(path=path, kind=kind, plan=model.Plan(), structured=False, pages=pages)
    for sid in sections.SECTION_IDS:
        doc.section(sid)
    heads = _heading_plan(blocks)
    bld = _Builder(doc)
    for i, b in enumerate(blocks):
        if i in heads:
            c = heads[i]
            if c.section and c.section == bld.current:
                # a sub-heading restating the section ('Strengths' inside the assessment) is text of it
                bld.add(b)
            bld.start(c.section, c.line.text.strip().rstrip(":").strip(), b.page, c.title)
            continue
        if isinstance(b, Table):
            _place_table(bld, b)
            continue
        if bld.current not in ("signatures", "client_information") and _is_signature_line(b):
            bld.mark("signatures", b.page)
            bld.add(b, "signatures")
            continue
        labelled = _labelled_section(b)
        if labelled and labelled != bld.current and bld.current not in ("client_information", "signatures"):
            # 'Interventions: contingency management twice weekly' inside a problem block
            bld.mark(labelled, b.page)
            bld.add(b, labelled)
            continue
        bld.add(b)
    _content_fallback(bld)
    _drop_placeholders(bld)
    _collect_statements(bld)
    _text_blocks(doc, bld, extras or [])
    _facts(doc, bld)
    return doc


def _labelled_section(b: Block) -> str | None:
    """The section a 'Label: text' line names by its label, when the label is a section's wording."""
    if not isinstance(b, Line) or statements.GOAL_LABEL.match(b.text):
        return None
    m = LEAD_LABEL.match(b.text)
    if not m or len(m.group("rest").split()) < 2:
        return None
    return exact_match(m.group("label"))


def _place_table(bld: _Builder, t: Table) -> None:
    title = _table_title(t)
    if title:
        bld.start(title[0], title[1], t.page)
        t = Table(t.rows[1:], t.page, t.paragraph, t.header_rows)
        if not t.rows:
            return
    if _is_signature_table(t):
        if bld.current != "signatures":
            bld.mark("signatures", t.page)
        bld.add(t, "signatures")
        return
    # label-cell rows that name a section: 'Coping Strategies | text'
    rows_by_section: list[tuple[str, list]] = []
    for row in t.rows:
        cells = [c for c in row if c and " ".join(c).strip()]
        value_words = sum(len(" ".join(c).split()) for c in cells[1:])
        sid = (cell_heading(" ".join(cells[0]), value_words)
               if 2 <= len(cells) <= 3 and not statements.numbered_label(cells[0]) else None)  # not 'Goal 1 | ...'
        if sid and statements.header_roles(row) is None:
            rows_by_section.append((sid, row))
        else:
            rows_by_section.append((None, row))
    if sum(1 for s, _ in rows_by_section if s) >= 2 or (len(t.rows) <= 2 and any(s for s, _ in rows_by_section)):
        for sid, row in rows_by_section:
            if sid and sid == bld.current:
                bld.add(Table([row], t.page, t.paragraph))  # 'Next review date | ...' inside its own section
            elif sid:
                bld.start(sid, " ".join(next(c for c in row if c)).strip().rstrip(":"), t.page)
                if sid in ("client_information", "signatures"):
                    # the label says whose name or signature the value is ('Client Name', 'Counselor Signature')
                    bld.add(Table([row], t.page, t.paragraph))
                else:
                    # the value cell is running text of its section: one line per paragraph, the
                    # first keeping its label ('Strengths: ...') for rules that look for the label
                    cells = [c for c in row if c]
                    label = " ".join(cells[0]).strip().rstrip(":")
                    paras = [p for cell in cells[1:] for p in cell if p.strip()]
                    for k, para in enumerate(paras):
                        text = para if k or statements.GOAL_LABEL.match(para) else f"{label}: {para}"
                        bld.add(Line(text, page=t.page, paragraph=t.paragraph))
            else:
                bld.add(Table([row], t.page, t.paragraph))
        return
    bld.add(t)


def _content_fallback(bld: _Builder) -> None:
    """Sections present with no heading: client details typed at the top, a diagnosis sentence."""
    pre = bld.section_blocks.get(PREAMBLE, []) + bld.section_blocks.get(sections.OTHER, [])
    hits: set[str] = set()
    moved = []
    for b in pre:
        text = "\n".join(" ".join(" ".join(c) for c in r if c) for r in b.rows) if isinstance(b, Table) else "\n".join(b.cells)
        found = {m.group(0).lower().strip(" :") for m in _CLIENT_CUES.finditer(text)}
        if found:
            hits |= found
            moved.append(b)
    if len(hits) >= 2 and not bld.doc.section("client_information").present:
        _move(bld, moved, "client_information")
    _classify_preamble(bld)
    if not bld.doc.section("assessment_summary").present:
        rest = bld.section_blocks.get(PREAMBLE, []) + bld.section_blocks.get(sections.OTHER, [])
        coded = [b for b in rest if isinstance(b, Line) and _DIAGNOSIS_CUE.search(b.text)
                 and len(b.text.split()) >= 6 and not _CLIENT_CUES.search(b.text)]
        if coded:
            _move(bld, coded, "assessment_summary")


def _classify_preamble(bld: _Builder) -> None:
    """Paragraphs no heading placed (a plan written as narrative) go to the section their content
    names (`sections.classify_prose`): a paragraph of running text, not a form line or a statement."""
    for b in list(bld.section_blocks.get(PREAMBLE, [])):
        if not isinstance(b, Line) or len(b.cells) > 1 or len(re.findall(r"[A-Za-z]{2,}", b.text)) < 10:
            continue
        if statements.GOAL_LABEL.match(b.text) or statements.has_inline_label(b.text):
            continue
        sid = sections.classify_prose(b.text)
        if sid:
            _move(bld, [b], sid)


def _move(bld: _Builder, blocks: list[Block], sid: str) -> None:
    """Blocks found in the preamble or an 'other' run belong to `sid`, which is therefore present."""
    bld.mark(sid, blocks[0].page)
    for b in blocks:
        for key in (PREAMBLE, sections.OTHER):
            if b in bld.section_blocks.get(key, []):
                bld.section_blocks[key].remove(b)
        bld.section_blocks.setdefault(sid, []).append(b)


# Text that says nothing was entered: 'None', 'N/A', 'No coping strategies recorded.', 'None identified'.
PLACEHOLDER = re.compile(
    r"^\s*(?:none|n/?a|nil|not\s+applicable|[-\u2013\u2014]+|"
    r"(?:none|not|no(?:\s+[\w/'-]+){0,5})\s+(?:recorded|documented|listed|identified|reported|noted|entered|"
    r"on\s+file|available|assessed)(?:\s+at\s+this\s+time)?)\s*\.?\s*$", re.I)


def is_placeholder(text: str) -> bool:
    t = text.strip()
    if PLACEHOLDER.match(t):
        return True
    m = LEAD_LABEL.match(t)  # 'Strengths: None recorded.'
    return bool(m and m.group("rest").strip() and PLACEHOLDER.match(m.group("rest")))


def _sub_heading(b: Block) -> bool:
    return (isinstance(b, Line) and looks_like_heading_text(b.text)
            and (b.style_level is not None or b.bold or b.caps or b.underline or b.text.rstrip().endswith(":")))


def _clean_table(t: Table) -> Table | None:
    """A table without rows that say nothing: placeholders, and unfilled label/value rows."""
    rows = []
    for row in t.rows:
        cells = [" ".join(c).strip() if c else "" for c in row]
        filled = [c for c in cells if c]
        if filled and all(is_placeholder(c) for c in filled[1:] or filled):
            continue
        if len(row) == 2 and cells[0] and not cells[1] and row[1] is not None:
            continue  # a form label whose value was left blank
        rows.append(row)
    if not rows:
        return None
    return t if len(rows) == len(t.rows) else Table(rows, t.page, t.paragraph, min(t.header_rows, len(rows)))


def _drop_placeholders(bld: _Builder) -> None:
    """Placeholders and blank form fields carry no content; a section left with none is not present.

    A sub-heading whose only content was a placeholder goes too ('Strengths' / 'None recorded.'), so
    rules that look for a part by its label do not find an empty one. Signature blocks stay: a blank
    signature line is a section that is there and not signed.
    """
    for sid, blocks in list(bld.section_blocks.items()):
        if sid == "signatures":
            continue
        kept: list[Block] = []
        changed = False
        for b in blocks:
            if isinstance(b, Table):
                t = _clean_table(b)
                changed = changed or t is not b
                if t is not None:
                    kept.append(t)
                continue
            if is_placeholder(b.text):
                changed = True
                if kept and _sub_heading(kept[-1]):
                    kept.pop()
                continue
            kept.append(b)
        while kept and _sub_heading(kept[-1]) and changed:
            kept.pop()  # a trailing sub-heading left with nothing under it
        bld.section_blocks[sid] = kept
        if changed and sid in sections.SECTION_IDS and not kept:
            info = bld.doc.section(sid)
            info.present, info.heading, info.page = False, None, None


def _collect_statements(bld: _Builder) -> None:
    origin: dict[int, tuple[Block, int]] = {}  # a statement split out of a paragraph -> (paragraph, part)
    for sid, blocks in bld.section_blocks.items():
        if sid in ("signatures", "client_information"):
            continue
        in_goals = sid == "goals"
        run: list[Line] = []

        def flush() -> None:
            if run:
                found = statements.from_lines(run) if in_goals else statements.from_lines(_goal_lines(run))
                for f in found:
                    bld.found.append((f, sid))
                run.clear()

        for b in blocks:
            if isinstance(b, Table):
                flush()
                for f in statements.from_table(b, strict=not in_goals):
                    bld.found.append((f, sid))
                if any(not is_placeholder(c) for c in statements.intervention_cells(b, strict=not in_goals)):
                    bld.mark("interventions", b.page)  # services listed beside the goals
            else:
                parts = statements.split_inline_labels(b)
                for k, part in enumerate(parts):
                    if part is not b:
                        origin[id(part)] = (b, k)
                run.extend(parts)
        flush()
    order = {id(b): i for i, b in enumerate(_all_blocks(bld))}

    def position(fs: tuple[statements.Found, str]) -> tuple[int, int]:
        src = fs[0].line or fs[0].table
        block, part = origin.get(id(src), (src, 0))
        return order.get(id(block), 0), part or fs[0].row or 0

    bld.found.sort(key=position)
    goal_index = -1
    for f, sid in bld.found:
        if f.level == statements.GOAL:
            goal_index += 1
        src = f.line or f.table
        bld.doc.statements.append(Statement(text=f.text, level=f.level, field=None,
                                            page=src.page if src else None,
                                            paragraph=src.paragraph if src else None,
                                            goal_index=max(goal_index, 0)))
    if bld.doc.statements and not bld.doc.section("goals").present:
        first = bld.doc.statements[0]
        bld.mark("goals", first.page)


_GOALS_LABEL_LINE = re.compile(r"^\s*(?:(?:long|short)[\s-]*term\s+)?(?:goals?|objectives?)\s*:?\s*$", re.I)


def _goal_lines(run: list[Line]) -> list[Line]:
    """Outside the goals section, the lines that still hold statements.

    A line labelled as a goal or objective ('Long-term goal: ...'), and the numbered or bulleted
    items under a bare label line ('Short-term goals:' then '1.1 ...', as in problem-by-problem
    plans), together with that label line so the items get its level.
    """
    out: list[Line] = []
    listing = False
    for ln in run:
        text = ln.text.strip()
        if _GOALS_LABEL_LINE.match(text):
            out.append(ln)
            listing = True
        elif statements.GOAL_LABEL.match(text):
            out.append(ln)
            listing = False
        elif listing and (ln.bullet or ln.list_level is not None or NUMBERING.match(text)):
            out.append(ln)
        else:
            listing = False
    return out


def _all_blocks(bld: _Builder) -> list[Block]:
    out = []
    for blocks in bld.section_blocks.values():
        out.extend(blocks)
    out.sort(key=lambda b: b.paragraph if b.paragraph is not None else 0)
    return out


def _text_blocks(doc: PlanDocument, bld: _Builder, extras: list[str]) -> None:
    items = []
    for sid, blocks in bld.section_blocks.items():
        section = sections.OTHER if sid == PREAMBLE else sid
        for b in blocks:
            if isinstance(b, Table):
                for row in b.rows:
                    filled = [" ".join(c).strip() for c in row if c and " ".join(c).strip()]
                    row_text = "  |  ".join(filled) if len(filled) > 1 else None
                    for cell in row:
                        for text in cell or []:
                            if text.strip():
                                items.append((b.paragraph or 0, TextBlock(text=text, section=section, page=b.page,
                                                                          paragraph=b.paragraph, context=row_text)))
            elif b.text.strip():
                items.append((b.paragraph or 0, TextBlock(text="  ".join(b.cells) if len(b.cells) > 1 else b.text,
                                                          section=section, page=b.page, paragraph=b.paragraph)))
    items.sort(key=lambda x: x[0])
    doc.blocks = [tb for _, tb in items]
    for text in extras:
        doc.blocks.append(TextBlock(text=text, section=sections.OTHER, field=("header_footer",)))


def _text_of(blocks: list[Block]) -> str:
    parts = []
    for b in blocks:
        if isinstance(b, Table):
            parts.extend("  ".join(" ".join(c) for c in row if c) for row in b.rows)
        else:
            parts.append(b.text)
    return "\n".join(parts)


def _facts(doc: PlanDocument, bld: _Builder) -> None:
    plan = doc.plan
    sb = bld.section_blocks
    # labelled facts sit with the client details, at the top, or under a title that names no section
    front = sb.get("client_information", []) + sb.get(PREAMBLE, []) + sb.get(sections.OTHER, [])
    values: dict[str, str] = {}
    for b in front:
        for k, v in facts.pairs(b):
            values.setdefault(k, v)
    client = plan.client
    if "name" in values and re.search(r"[A-Za-z]{2,}", values["name"]):
        client.name = values["name"][:120]
    if "dob" in values:
        client.date_of_birth = facts.parse_date(values["dob"])
    if "client_id" in values:
        client.client_id = values["client_id"][:60]
    if "member_id" in values:
        client.member_id = values["member_id"][:60]
    if "plan_date" in values:
        plan.plan_date = facts.parse_date(values["plan_date"])
    if "admission" in values:
        plan.admission_date = facts.parse_date(values["admission"])
    # diagnoses: anywhere in the assessment, else anywhere in the document
    text_assess = _text_of(sb.get("assessment_summary", []))
    plan.assessment.diagnoses = facts.diagnoses(text_assess) or facts.diagnoses(
        _text_of([b for k, bl in sb.items() if k != "signatures" for b in bl]))
    # monitoring
    mon = _text_of(sb.get("monitoring_review", []))
    plan.monitoring.review_interval_days = facts.review_interval_days(mon)
    plan.monitoring.next_review_date = facts.next_review(mon) or (
        facts.parse_date(values["next_review"]) if "next_review" in values else None)
    # signatures
    sigs = []
    for b in sb.get("signatures", []):
        if isinstance(b, Table):
            found = facts.signatures_from_table(b)
            if not found:  # label rows without a header: 'Client Signature | Dana Whitlock 10/06/2026'
                for row in b.rows:
                    cells = [" ".join(c) for c in row if c and " ".join(c).strip()]
                    if cells:
                        found += facts.signatures_from_line(Line(text="  ".join(cells), cells=cells))
            sigs += found
        else:
            sigs += facts.signatures_from_line(b)
    plan.signatures = sigs
    # interventions from a table with type and frequency/responsible columns
    ints = []
    for b in sb.get("interventions", []):
        if isinstance(b, Table):
            ints += facts.interventions_from_table(b)
    plan.interventions = ints
