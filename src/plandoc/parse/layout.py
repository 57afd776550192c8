"""Turn positioned words of PDF pages into `Line` and `Table` blocks in reading order.

Engine-neutral: `pdf.py` feeds words from pypdfium2 or pdfplumber. Steps, each a small function:
words -> segments (split at wide gaps) -> rows (same baseline) -> running headers/footers removed
-> goal tables rebuilt from their header row -> columns detected -> lines joined into paragraphs.
"""

from __future__ import annotations

import re
import statistics
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field

from .blocks import Block, Line, Table
from .text import BULLET_CHARS, ITEM_START, is_all_caps, join_wrapped


@dataclass
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    index: int = 0  # engine-specific handle used to look up the style lazily
    newline: bool = False  # the engine started a new text line before this word
    size: float | None = None
    bold: bool | None = None


@dataclass
class Seg:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    underline: bool = False


@dataclass
class Row:
    segs: list[Seg]
    page: int

    @property
    def top(self) -> float:
        return min(s.top for s in self.segs)

    @property
    def bottom(self) -> float:
        return max(s.bottom for s in self.segs)

    @property
    def x0(self) -> float:
        return min(s.x0 for s in self.segs)

    @property
    def x1(self) -> float:
        return max(s.x1 for s in self.segs)

    @property
    def text(self) -> str:
        return "  ".join(s.text for s in self.segs)

    @property
    def size(self) -> float:
        return self.segs[0].size


@dataclass
class PageText:
    number: int
    width: float
    height: float
    words: list[Word]
    hlines: list[tuple[float, float, float]] = field(default_factory=list)  # (x0, x1, y) top-down
    rows: list[Row] = field(default_factory=list)


# ------------------------------------------------------------------------------ segments and rows
def build_segments(words: list[Word], style) -> list[Seg]:
    """Group words in engine order into segments; a wide gap or a new line starts a new segment."""
    segs: list[Seg] = []
    cur: list[Word] = []

    def flush() -> None:
        if not cur:
            return
        lead = next((w for w in cur if not all(c in BULLET_CHARS for c in w.text)), cur[0])
        size, bold = style(lead, cur[-1])
        # min() and max() of each edge, in one pass (the same comparisons, so the same values)
        first = cur[0]
        x0, x1, top, bottom = first.x0, first.x1, first.top, first.bottom
        for w in cur[1:]:
            if w.x0 < x0:
                x0 = w.x0
            if w.x1 > x1:
                x1 = w.x1
            if w.top < top:
                top = w.top
            if w.bottom > bottom:
                bottom = w.bottom
        segs.append(Seg(" ".join([w.text for w in cur]), x0, x1, top, bottom, size or 0.0, bool(bold)))
        cur.clear()

    for w in words:
        if cur:
            prev = cur[-1]
            h = max(prev.bottom - prev.top, 1.0)
            gap = w.x0 - prev.x1
            if (w.newline or abs(w.top - prev.top) > 0.5 * h or gap > max(0.9 * h, 6.0) or gap < -0.5 * h):
                flush()
        cur.append(w)
    flush()
    return segs


def group_rows(segs: list[Seg], page: int) -> list[Row]:
    """Segments sharing a baseline band form one row, ordered left to right."""
    rows: list[list[Seg]] = []
    bands: list[list[float]] = []  # [top, bottom] of each row: min and max over its segments so far
    for s in sorted(segs, key=lambda s: (s.top, s.x0)):
        placed = False
        for k in range(len(rows) - 1, max(len(rows) - 4, 0) - 1, -1):  # the last four rows, last first
            band = bands[k]
            top, bottom = band
            overlap = min(bottom, s.bottom) - max(top, s.top)
            if overlap >= 0.5 * min(s.bottom - s.top, bottom - top):
                rows[k].append(s)
                if s.top < top:
                    band[0] = s.top
                if s.bottom > bottom:
                    band[1] = s.bottom
                placed = True
                break
        if not placed:
            rows.append([s])
            bands.append([s.top, s.bottom])
    out = []
    for r in rows:
        r.sort(key=lambda s: s.x0)
        out.append(Row(_merge_bullets(r), page))
    out.sort(key=lambda r: r.top)
    return out


def _merge_bullets(segs: list[Seg]) -> list[Seg]:
    """A bullet glyph set apart from its text belongs to the segment after it."""
    out: list[Seg] = []
    i = 0
    while i < len(segs):
        s = segs[i]
        if s.text.strip() and all(c in BULLET_CHARS or c.isspace() for c in s.text) and i + 1 < len(segs):
            n = segs[i + 1]
            out.append(Seg(s.text.strip() + " " + n.text, s.x0, n.x1, min(s.top, n.top), max(s.bottom, n.bottom),
                           n.size, n.bold, n.underline))
            i += 2
            continue
        out.append(s)
        i += 1
    return out


def mark_underlines(page: PageText) -> None:
    """A thin rule just under a segment, about as wide as it, is an underline."""
    if not page.hlines:
        return
    for row in page.rows:
        for s in row.segs:
            width = s.x1 - s.x0
            for x0, x1, y in page.hlines:
                if s.bottom - 3 <= y <= s.bottom + 5 and (x1 - x0) <= 1.4 * width + 10:
                    if min(x1, s.x1) - max(x0, s.x0) >= 0.7 * width:
                        s.underline = True
                        break


# ------------------------------------------------------------------------ running headers, footers
_PAGE_NO = re.compile(r"^(?:page\s*)?[-\u2013 ]*\d+[-\u2013 ]*(?:(?:of|/)\s*\d+)?$", re.I)
_PAGE_NO_TAIL = re.compile(r"\s*\bpage\s+\d+\s*(?:of|/)\s*\d+\s*$", re.I)


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", text.lower())).strip()


def body_size(pages: list[PageText]) -> float:
    c: Counter = Counter()
    for p in pages:
        for r in p.rows:
            for s in r.segs:
                c[round(s.size * 2) / 2] += len(s.text)
    return c.most_common(1)[0][0] if c else 10.0


def remove_running_text(pages: list[PageText], body: float) -> None:
    """Drop page numbers and lines repeated at the top or bottom of most pages; small print in the margins."""
    zone = {}
    counts: Counter = Counter()
    for p in pages:
        keys = set()
        # only the outermost rows of a page can be running text, each zone on its own
        tops = [r for r in p.rows[:3] if r.top < 0.12 * p.height]
        bottoms = [r for r in p.rows[-3:] if r.bottom > 0.88 * p.height]
        for where, rows in (("top", tops), ("bottom", bottoms)):
            for r in rows:
                k = where + ":" + _key(r.text)
                zone[id(r)] = k
                keys.add(k)
        counts.update(keys)
    need = max(2, (len(pages) + 1) // 2)
    for p in pages:
        kept = []
        for r in p.rows:
            k = zone.get(id(r))
            if k is not None:
                if counts[k] >= need and len(pages) >= 2:
                    continue
                if _PAGE_NO.match(r.text.strip()):
                    continue
                if r.bottom > 0.88 * p.height and r.size < body - 0.75:
                    continue
                if r.bottom > 0.88 * p.height and _PAGE_NO_TAIL.search(r.segs[-1].text):
                    # "Confidential ...   Page 1 of 2" on one row: drop the page number part
                    last = r.segs[-1]
                    t = _PAGE_NO_TAIL.sub("", last.text).strip()
                    if t:
                        last.text = t
                    else:
                        r.segs.pop()
                    if not r.segs:
                        continue
            kept.append(r)
        p.rows = kept


# ---------------------------------------------------------------------------------- goal tables
_COLUMN_WORDS = re.compile(
    r"^(?:(?:long|short)[\s-]*term\s+)?(?:problems?|needs?|issues?|goals?|objectives?|target(?:\s+dates?)?|dates?|"
    r"interventions?|responsible(?:\s+(?:party|person|staff))?|staff|frequency|status|progress|outcomes?|"
    r"strengths?|barriers?|methods?|services?|measures?|measurement|who|by\s+when|start(?:\s+date)?|"
    r"review(?:\s+date)?|ltg|stg|steps|action\s+steps|modality|provider|target)\b", re.I)
_GOALISH = re.compile(r"\b(?:goals?|objectives?|ltg|stg)\b", re.I)


# Column names of the other list tables plans use: services, medications, signatures, contacts,
# diagnoses, triggers and coping strategies, supports.
_LIST_COLUMN_WORDS = re.compile(
    r"^(?:(?:type\s+of\s+)?(?:interventions?|services?)|modality|type|frequency|how\s+often|sessions?(?:\s+length)?|"
    r"minutes(?:\s+per\s+session)?|duration|length|responsible(?:\s+(?:party|person|staff))?|rendered\s+by|"
    r"delivered\s+by|provider|staff|serves|medications?|dose|dosage|route|prescriber|purpose|role(?:\s+in\s+recovery)?|"
    r"signer|(?:printed\s+|print\s+)?name|credentials?|signature|date(?:\s+signed)?|relationship|phone|contact|"
    r"kind|triggers?(?:\s+or\s+stressors?)?|stressors?|warning\s+signs?|coping(?:\s+(?:strategy|strategies|skills?))?|"
    r"strateg(?:y|ies)|(?:icd[\w-]*\s+)?code|description|primary|treatment|dates|outcomes?|supports?|resources?)$", re.I)


def _is_table_header(row: Row) -> bool:
    """A row of column names: a goals table, or a list table of at least three bold column names."""
    if len(row.segs) < 2:
        return False
    texts = [s.text.strip() for s in row.segs]
    if any(len(t.split()) > 4 for t in texts):
        return False
    known = sum(1 for t in texts if _COLUMN_WORDS.match(t))
    if known >= max(2, len(texts) - 1) and any(_GOALISH.search(t) for t in texts):
        return True
    listed = sum(1 for t in texts if _COLUMN_WORDS.match(t) or _LIST_COLUMN_WORDS.match(t))
    return len(texts) >= 3 and all(s.bold for s in row.segs) and listed >= len(texts) - 1


def _header_continuation(head: Row, nxt: Row) -> bool:
    """The second line of a header row whose words wrapped in narrow columns ('Target' / 'date')."""
    if nxt.page != head.page or len(nxt.segs) > len(head.segs):
        return False
    size = max(head.size, 1.0)
    if nxt.top - head.bottom > 0.6 * size or any(s.bold != head.segs[0].bold for s in nxt.segs):
        return False
    if any(abs(s.size - head.size) > 0.6 or len(s.text.split()) > 2 for s in nxt.segs):
        return False
    starts = [s.x0 for s in head.segs]
    return all(any(abs(s.x0 - x) <= 6 for x in starts) for s in nxt.segs)


def merge_header(head: Row, nxt: Row) -> Row:
    """Append each wrapped piece to its column; a piece of up to three lower-case letters ends a word."""
    segs = [Seg(s.text, s.x0, s.x1, s.top, s.bottom, s.size, s.bold, s.underline) for s in head.segs]
    for s in nxt.segs:
        col = min(segs, key=lambda h: abs(h.x0 - s.x0))
        piece = s.text.strip()
        joined = re.fullmatch(r"[a-z]{1,3}", piece) and col.text[-1:].isalpha()
        col.text = col.text + ("" if joined else " ") + piece
        col.x1, col.bottom = max(col.x1, s.x1), max(col.bottom, s.bottom)
    return Row(segs, head.page)


def _column_of(x0: float, cols: list[float]) -> int:
    idx = 0
    for i, c in enumerate(cols):
        if x0 >= c - 6:
            idx = i
    return idx


def _fits(row: Row, cols: list[float]) -> bool:
    for s in row.segs:
        i = _column_of(s.x0, cols)
        if s.x0 < cols[0] - 12:
            return False
        if i + 1 < len(cols) and s.x1 > cols[i + 1] + 4:
            return False
    return True


@dataclass
class _OpenTable:
    header: Row
    cols: list[float]
    lines: list[Row] = field(default_factory=list)
    rules: dict[int, list[float]] = field(default_factory=dict)  # page -> y of ruled lines across the table

    def note_rules(self, page: PageText) -> None:
        """Horizontal rules spanning most of the table's width: cell borders between rows."""
        if page.number in self.rules:
            return
        left, right = self.cols[0], max(self.header.x1, self.cols[-1] + 20)
        width = max(right - left, 1.0)
        self.rules[page.number] = [y for x0, x1, y in page.hlines
                                   if min(x1, right) - max(x0, left) >= 0.6 * width]


def _table_block(t: _OpenTable) -> Table:
    cols = t.cols
    header = [[s.text] for s in t.header.segs]
    # fold header segments into columns (one per column)
    head_cells: list[list[str]] = [[] for _ in cols]
    for s in t.header.segs:
        head_cells[_column_of(s.x0, cols)].append(s.text)
    header = [[" ".join(c)] if c else [""] for c in head_cells]
    pitch_list = [b.top - a.top for a, b in zip(t.lines, t.lines[1:]) if a.page == b.page and b.top > a.top]
    pitch = statistics.median(pitch_list) if pitch_list else 12.0
    line_pitch = min(pitch_list) if pitch_list else pitch
    rows: list[list[list[str]]] = []
    cur: list[list[str]] | None = None
    prev_filled: set[int] = set()
    seen: set[int] = set()
    prev: Row | None = None
    for ln in t.lines:
        filled: dict[int, list[str]] = {}
        for s in ln.segs:
            filled.setdefault(_column_of(s.x0, cols), []).append(s.text)
        new = cur is None
        if not new and prev is not None and prev.page == ln.page and ln.top - prev.top > 1.35 * line_pitch + 0.5:
            new = True
        if not new and prev is not None and prev.page == ln.page and any(
                prev.bottom - 1 <= y <= ln.top + 1 for y in t.rules.get(ln.page, [])):
            new = True  # a ruled line between the two lines: a new row
        if not new and any(c in seen and c not in prev_filled for c in filled):
            new = True
        if new:
            cur = [[] for _ in cols]
            rows.append(cur)
            seen = set()
        for c, parts in filled.items():
            cur[c].append(" ".join(parts))
        seen |= set(filled)
        prev_filled = set(filled)
        prev = ln
    out_rows: list[list[list[str] | None]] = [header]
    for r in rows:
        out_rows.append([[join_wrapped(cell)] if cell else [] for cell in r])
    return Table(out_rows, page=t.header.page, header_rows=1)


# ------------------------------------------------------------------------------------- columns
def _gutter(rows: list[Row], width: float) -> float | None:
    """x of a vertical gap that splits most rows of a page into a left and a right text column."""
    n = len(rows)
    if n < 6:
        return None
    xs = list(range(int(width * 0.3), int(width * 0.7), 3))
    # Tallies per candidate x. A row's contribution changes only where x passes one of its
    # segments' edges, so each row is evaluated once per stretch of x between those edges (at
    # the stretch's first x, with the original comparisons) instead of at every x.
    g = len(xs)
    d_cross, d_lrows, d_rrows, d_llen, d_rlen = ([0] * (g + 1) for _ in range(5))
    for r in rows:
        segs = [(s.x0, s.x1, len(s.text)) for s in r.segs]
        cuts = {0, g}
        for x0, x1, _ in segs:
            cuts.update((bisect_right(xs, x0 - 4), bisect_left(xs, x1 + 4), bisect_left(xs, x1),
                         bisect_right(xs, x0)))
        cuts = sorted(c for c in cuts if 0 <= c <= g)
        for a, b in zip(cuts, cuts[1:]):
            x = xs[a]
            if any(x0 - 4 < x < x1 + 4 for x0, x1, _ in segs):
                d_cross[a] += 1
                d_cross[b] -= 1
                continue
            left = [k for x0, x1, k in segs if x1 <= x]
            right = [k for x0, x1, k in segs if x0 >= x]
            if left:
                d_lrows[a] += 1
                d_lrows[b] -= 1
                d_llen[a] += sum(left)
                d_llen[b] -= sum(left)
            if right:
                d_rrows[a] += 1
                d_rrows[b] -= 1
                d_rlen[a] += sum(right)
                d_rlen[b] -= sum(right)
    best = None
    cross = left_rows = right_rows = left_len = right_len = 0
    for i, x in enumerate(xs):
        cross += d_cross[i]
        left_rows += d_lrows[i]
        right_rows += d_rrows[i]
        left_len += d_llen[i]
        right_len += d_rlen[i]
        if cross > 0.15 * n or left_rows < max(3, 0.3 * n) or right_rows < max(3, 0.3 * n):
            continue
        if left_len / left_rows < 18 or right_len / right_rows < 18:
            continue
        score = left_rows + right_rows - 3 * cross
        if best is None or score > best[0]:
            best = (score, x, x)
        elif score == best[0] and x - best[2] <= 3:
            best = (score, best[1], x)  # same plateau: remember its right end
    return (best[1] + best[2]) / 2 if best else None


def reading_order(rows: list[Row], width: float) -> list[list[Row]]:
    """Regions of rows in reading order: full-width bands, and left-then-right inside two-column bands."""
    x = _gutter(rows, width)
    if x is None:
        return [rows]
    regions: list[list[Row]] = []
    band_l: list[Row] = []
    band_r: list[Row] = []

    def flush() -> None:
        if band_l:
            regions.append(list(band_l))
        if band_r:
            regions.append(list(band_r))
        band_l.clear()
        band_r.clear()

    for r in rows:
        if any(s.x0 < x < s.x1 for s in r.segs):
            flush()
            regions.append([r])
            continue
        left = [s for s in r.segs if s.x1 <= x]
        right = [s for s in r.segs if s.x0 >= x]
        if left:
            band_l.append(Row(left, r.page))
        if right:
            band_r.append(Row(right, r.page))
    flush()
    return regions


# ---------------------------------------------------------------------------------- paragraphs
def _starts_item(text: str) -> bool:
    return bool(ITEM_START.match(text))


def rows_to_lines(region: list[Row], body: float) -> list[Line]:
    """Rows of one region become lines; wrapped lines of one paragraph are joined."""
    out: list[Line] = []
    if not region:
        return out
    right = max(r.x1 for r in region)
    left = min(r.x0 for r in region)
    width = max(right - left, 1.0)
    para: list[Row] = []

    def emit() -> None:
        if not para:
            return
        first = para[0]
        s0 = first.segs[0]
        texts = [r.segs[0].text for r in para] if len(first.segs) == 1 else [first.text]
        text = join_wrapped(texts)
        bullet = bool(text) and text[0] in BULLET_CHARS
        cells = [s.text for s in first.segs] if len(para) == 1 and len(first.segs) > 1 else [text]
        if bullet:
            text = text.lstrip("".join(BULLET_CHARS)).strip()
            cells[0] = cells[0].lstrip("".join(BULLET_CHARS)).strip()
        out.append(Line(text=text, cells=cells,
                        page=first.page, bold=s0.bold, caps=is_all_caps(text), underline=s0.underline,
                        size=s0.size, indent=s0.x0, bullet=bullet))
        para.clear()

    for r in region:
        if para and _continues(para, r, right, width):
            para.append(r)
            continue
        emit()
        para.append(r)
    emit()
    return out


_TRAILING_LABEL = re.compile(r"\b(?:goal|objective|obj\.?|step)\s*#?\s*[a-z]?\d{1,2}(?:\.\d{1,2})?[a-z]?\s*:$", re.I)
_NEW_LABEL = re.compile(r"^[A-Z][\w'\u2019/-]*(?:\s+[\w'\u2019/-]+){0,3}\s*:\s")


def _continues(para: list[Row], r: Row, right: float, width: float) -> bool:
    prev = para[-1]
    if len(prev.segs) != 1 or len(r.segs) != 1 or len(para[0].segs) != 1:
        return False
    p, c = prev.segs[0], r.segs[0]
    if prev.page != r.page or abs(p.size - c.size) > 0.6 or p.bold != c.bold or p.underline:
        return False
    if r.top <= prev.top or r.top - prev.bottom > 0.8 * max(p.size, 1.0):
        return False
    text = c.text.strip()
    if not text or _starts_item(text):
        return False
    ptext = p.text.rstrip()
    full = p.x1 >= right - 0.15 * width
    if ptext.endswith(":") and not (full and len(para) > 1 and _TRAILING_LABEL.search(ptext)):
        return False  # a label line; but a wrapped paragraph may break after 'Objective 1a:'
    
    if re.search(r"[.!?][\"'\u201d)]?$", ptext) and _NEW_LABEL.match(text):
        return False  # a sentence ended and a labelled line begins ('In the client's words: ...')
    if is_all_caps(ptext) and not is_all_caps(text):
        return False
    cont_char = text[0].islower() or text[0].isdigit() or text[0] in ",;)(&"
    first_x = para[0].segs[0].x0
    if len(para) == 1 and first_x - 40 <= c.x0 < first_x - 3:
        # a paragraph with its first line indented: the second line starts further left, and
        # carries on the sentence
        return full and cont_char
    ref_x = para[1].segs[0].x0 if len(para) > 1 else first_x
    if c.x0 < ref_x - 3 or c.x0 > ref_x + 30:
        return False
    if first_x > ref_x + 3 and abs(c.x0 - first_x) <= 3:
        return False  # indented like this paragraph's first line: the next paragraph
    return full or cont_char


# ------------------------------------------------------------------------------------ document
def layout_pages(pages: list[PageText]) -> list[Block]:
    """All pages of a document to blocks in reading order."""
    body = body_size(pages)
    remove_running_text(pages, body)
    blocks: list[Block] = []
    open_t: _OpenTable | None = None
    for p in pages:
        mark_underlines(p)
        pending: list[Row] = []  # rows before and after tables, in order

        def flush_rest() -> None:
            if pending:
                for region in reading_order(list(pending), p.width):
                    blocks.extend(rows_to_lines(region, body))
                pending.clear()

        first_on_page = True
        rows = list(p.rows)
        k = 0
        while k + 1 < len(rows):  # header rows that wrapped onto a second line become one row
            if len(rows[k].segs) >= 2 and _header_continuation(rows[k], rows[k + 1]):
                merged = merge_header(rows[k], rows[k + 1])
                if _is_table_header(merged):
                    rows[k:k + 2] = [merged]
            k += 1
        for r in rows:
            if open_t is not None:
                last = open_t.lines[-1] if open_t.lines else open_t.header
                if first_on_page and last.page != r.page and _key(r.text) == _key(open_t.header.text):
                    first_on_page = False
                    continue  # repeated header row
                gap_ok = last.page != r.page or (r.top - last.bottom) < 2.2 * max(r.size, 1.0)
                heading_like = len(r.segs) == 1 and r.segs[0].bold != (open_t.lines[0].segs[0].bold if open_t.lines else False)
                if gap_ok and _fits(r, open_t.cols) and not heading_like:
                    open_t.lines.append(r)
                    open_t.note_rules(p)
                    first_on_page = False
                    continue
                blocks.append(_table_block(open_t))
                open_t = None
            first_on_page = False
            if _is_table_header(r):
                flush_rest()
                open_t = _OpenTable(r, [s.x0 for s in r.segs])
                open_t.note_rules(p)
                continue
            pending.append(r)
        if open_t is not None and pending:
            pass
        flush_rest()
    if open_t is not None:
        blocks.append(_table_block(open_t))
    for i, b in enumerate(blocks):
        b.paragraph = i
    return blocks
