"""Read a DOCX into blocks: body paragraphs and tables in document order, headers/footers apart.

python-docx opens the package and resolves styles; the body is walked with lxml so that content
controls (w:sdt), text boxes, fields, legacy checkboxes and tracked changes (accepted view: w:ins and
w:moveTo kept, w:del and w:moveFrom dropped) are read the way Word shows them.
"""

from __future__ import annotations

import re
import zipfile
from io import BytesIO
from pathlib import Path

from ..docx_package import check_input
from ..errors import ResourceLimitError, UnreadableError, UnsafeInputError
from .blocks import Block, Line, Table
from .text import CHECKED, UNCHECKED, clean, is_all_caps

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


P, R, T, TBL, TR, TC = _w("p"), _w("r"), _w("t"), _w("tbl"), _w("tr"), _w("tc")
SDT, SDT_CONTENT, TXBX = _w("sdt"), _w("sdtContent"), _w("txbxContent")
SKIP = {_w("del"), _w("moveFrom"), _w("pPr"), _w("rPr"), _w("sdtPr"), _w("sdtEndPr"), _w("proofErr"),
        _w("bookmarkStart"), _w("bookmarkEnd"), _w("commentRangeStart"), _w("commentRangeEnd"),
        _w("tblPr"), _w("tblGrid"), _w("trPr"), _w("tcPr"), _w("delText"), _w("instrText"),
        _w("footnoteReference"), _w("endnoteReference"), _w("commentReference")}
# Wingdings / Webdings private-use glyphs Word uses for check boxes.
_SYM_CHECKED = {"F0FE", "F0FD", "F078", "F0FB", "F0FC", "F0D2", "F0F0"}
_SYM_UNCHECKED = {"F0A8", "F06F", "F071", "F0A3", "F072", "F0A1"}
_STRICT = re.compile(rb"http://purl\.oclc\.org/ooxml/(wordprocessingml|drawingml|officeDocument|spreadsheetml|presentationml)/(\w+)")


def _open(path: Path):
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    data = path.read_bytes()
    problem = check_input(data)
    if problem is not None:
        if problem.code == "bomb":
            raise ResourceLimitError(problem.message)
        if problem.code == "zip":
            raise UnreadableError(problem.message)
        raise UnsafeInputError(problem.message)
    try:
        with zipfile.ZipFile(BytesIO(data)) as z:
            strict = any(b"purl.oclc.org/ooxml" in z.read(n)[:4000] for n in z.namelist()
                         if n.endswith(".rels") or n == "[Content_Types].xml")
    except zipfile.BadZipFile:
        raise UnreadableError("is damaged or incomplete and cannot be opened as a Word document.") from None
    if strict:
        data = _strict_to_transitional(data)
    try:
        return docx.Document(BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, TypeError, AttributeError,
            IndexError, OSError, EOFError, NotImplementedError) as exc:
        if isinstance(exc, ValueError) and "macroEnabled" in str(exc):
            raise UnreadableError("is a macro-enabled Word file; save it as a regular .docx and check it again.") from None
        raise UnreadableError("is damaged or is not a Word document plandoc can read.") from None
    except Exception as exc:  # lxml.etree.XMLSyntaxError and other parser errors
        if type(exc).__module__.startswith(("lxml", "docx", "zipfile", "zlib")):
            raise UnreadableError("is damaged or is not a Word document plandoc can read.") from None
        raise


def _strict_to_transitional(data: bytes) -> bytes:
    """Rewrite Strict Open XML namespaces to their transitional twins, in memory."""
    out = BytesIO()
    with zipfile.ZipFile(BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            raw = zin.read(info.filename)
            if info.filename.endswith((".xml", ".rels")):
                raw = _STRICT.sub(lambda m: b"http://schemas.openxmlformats.org/" + m.group(1) + b"/2006/" + m.group(2), raw)
                raw = raw.replace(b'w:conformance="strict"', b"")
            zout.writestr(info, raw)
    return out.getvalue()


class _Styles:
    """Effective paragraph-style facts (heading level, bold, caps, underline, list) by style id."""

    def __init__(self, document) -> None:
        self._doc = document
        self._cache: dict[str | None, dict] = {}
        try:
            self._styles = {s.style_id: s for s in document.styles}
        except Exception:  # noqa: BLE001 - a package without a styles part still reads
            self._styles = {}

    def facts(self, style_id: str | None) -> dict:
        if style_id in self._cache:
            return self._cache[style_id]
        f = {"name": "", "level": None, "bold": None, "caps": None, "underline": None, "list": None}
        s = self._styles.get(style_id) if style_id else None
        seen = 0
        while s is not None and seen < 10:
            seen += 1
            name = (s.name or "").lower()
            if not f["name"]:
                f["name"] = name
            el = s.element
            if f["level"] is None:
                m = re.fullmatch(r"heading\s*(\d)", name)
                if m:
                    f["level"] = int(m.group(1))
                elif name in ("title", "subtitle"):
                    f["level"] = 0 if name == "title" else 9
                else:
                    ol = el.find(f"{_w('pPr')}/{_w('outlineLvl')}")
                    if ol is not None and (ol.get(_w("val")) or "9").isdigit() and int(ol.get(_w("val"))) < 9:
                        f["level"] = int(ol.get(_w("val"))) + 1
            rpr = el.find(_w("rPr"))
            for key, tag in (("bold", "b"), ("caps", "caps"), ("underline", "u")):
                if f[key] is None and rpr is not None and rpr.find(_w(tag)) is not None:
                    f[key] = _on(rpr.find(_w(tag)), tag)
            if f["list"] is None:
                num = el.find(f"{_w('pPr')}/{_w('numPr')}")
                if num is not None:
                    ilvl = num.find(_w("ilvl"))
                    f["list"] = int(ilvl.get(_w("val"), "0")) if ilvl is not None else None
                    if f["list"] is None:
                        m = re.search(r"\b(\d)$", name)
                        f["list"] = int(m.group(1)) - 1 if m else 0
            s = s.base_style
        self._cache[style_id] = f
        return f


def _on(el, tag: str) -> bool:
    val = el.get(_w("val"))
    if tag == "u":
        return val not in ("none", None) or val is None and True
    return val not in ("0", "false", "off")


class _Walker:
    def __init__(self, document) -> None:
        self.styles = _Styles(document)
        self.blocks: list[Block] = []
        self.page = 1
        self.rendered = document.element.body.find(f".//{_w('lastRenderedPageBreak')}") is not None

    # ---------------------------------------------------------------------------- body
    def body(self, el) -> None:
        for child in el.iterchildren():
            tag = child.tag
            if tag == P:
                self.paragraph(child)
            elif tag == TBL:
                self.table(child)
            elif tag in (SDT, _w("customXml"), SDT_CONTENT, _w("ins"), _w("moveTo")):
                self.body(child.find(SDT_CONTENT) if tag == SDT and child.find(SDT_CONTENT) is not None else child)
            elif tag == f"{{{MC_NS}}}AlternateContent":
                choice = child.find(f"{{{MC_NS}}}Choice")
                self.body(choice if choice is not None else child.find(f"{{{MC_NS}}}Fallback") or child)

    def paragraph(self, p) -> None:
        texts: list[str] = []
        boxes: list = []
        runs = {"bold": [], "caps": [], "underline": []}
        self._inline(p, texts, boxes, runs, {"field": None})
        text = clean("".join(texts))
        page = self.page if self.rendered else None
        if text:
            ppr = p.find(_w("pPr"))
            style_id = None
            list_level = None
            level = None
            if ppr is not None:
                ps = ppr.find(_w("pStyle"))
                style_id = ps.get(_w("val")) if ps is not None else None
                num = ppr.find(_w("numPr"))
                if num is not None:
                    ilvl = num.find(_w("ilvl"))
                    numid = num.find(_w("numId"))
                    if numid is None or numid.get(_w("val")) != "0":
                        list_level = int(ilvl.get(_w("val"), "0")) if ilvl is not None else 0
                ol = ppr.find(_w("outlineLvl"))
                if ol is not None and (ol.get(_w("val")) or "").isdigit() and int(ol.get(_w("val"))) < 9:
                    level = int(ol.get(_w("val"))) + 1
            sf = self.styles.facts(style_id)
            if level is None:
                level = sf["level"]
            if list_level is None:
                list_level = sf["list"]

            def whole(key: str) -> bool:
                vals = [v if v is not None else bool(sf[key]) for v in runs[key]]
                return bool(vals) and all(vals)

            caps = whole("caps") or is_all_caps(text)
            self.blocks.append(Line(text=text, page=page, bold=whole("bold"), caps=caps,
                                    underline=whole("underline"), style_level=level, list_level=list_level,
                                    checkbox=text[:1] in (CHECKED, UNCHECKED)))
        for box in boxes:
            self.body(box)
        # page accounting after the paragraph's own text
        for el in p.iter(_w("lastRenderedPageBreak"), _w("br")):
            if el.tag == _w("lastRenderedPageBreak") and self.rendered:
                self.page += 1

    def _inline(self, el, texts, boxes, runs, state) -> None:
        for child in el.iterchildren():
            tag = child.tag
            if tag in SKIP:
                continue
            if tag == R:
                self._run(child, texts, boxes, runs, state)
            elif tag == f"{{{MC_NS}}}AlternateContent":
                choice = child.find(f"{{{MC_NS}}}Choice")
                self._inline(choice if choice is not None else child, texts, boxes, runs, state)
            elif tag == TXBX:
                boxes.append(child)
            elif tag == SDT:
                content = child.find(SDT_CONTENT)
                if content is not None:
                    self._inline(content, texts, boxes, runs, state)
            else:  # w:ins, w:moveTo, w:hyperlink, w:smartTag, w:fldSimple, w:customXml, w:sdtContent ...
                self._inline(child, texts, boxes, runs, state)

    def _run(self, r, texts, boxes, runs, state) -> None:
        rpr = r.find(_w("rPr"))
        start = len(texts)
        for child in r.iterchildren():
            tag = child.tag
            if tag == T:
                if state["field"] != "instr":
                    texts.append(child.text or "")
            elif tag in (_w("tab"), _w("ptab")):
                texts.append("\t")
            elif tag in (_w("br"), _w("cr")):
                texts.append(" ")
            elif tag == _w("noBreakHyphen"):
                texts.append("-")
            elif tag == _w("sym"):
                code = (child.get(_w("char")) or "").upper()
                if code in _SYM_CHECKED:
                    texts.append(CHECKED + " ")
                elif code in _SYM_UNCHECKED:
                    texts.append(UNCHECKED + " ")
            elif tag == _w("fldChar"):
                kind = child.get(_w("fldCharType"))
                if kind == "begin":
                    state["field"] = "instr"
                    box = child.find(f"{_w('ffData')}/{_w('checkBox')}")
                    if box is not None:
                        checked = box.find(_w("checked"))
                        default = box.find(_w("default"))
                        on = _on(checked, "checked") if checked is not None else (
                            default is not None and _on(default, "default"))
                        texts.append((CHECKED if on else UNCHECKED) + " ")
                elif kind == "separate":
                    state["field"] = "result"
                elif kind == "end":
                    state["field"] = None
            elif tag in (_w("drawing"), _w("pict"), f"{{{MC_NS}}}AlternateContent", _w("object")):
                for box in _first_choice_boxes(child):
                    boxes.append(box)
        if "".join(texts[start:]).strip() and rpr is not None or "".join(texts[start:]).strip():
            for key, tag in (("bold", "b"), ("caps", "caps"), ("underline", "u")):
                e = rpr.find(_w(tag)) if rpr is not None else None
                runs[key].append(_on(e, tag) if e is not None else None)

    # ---------------------------------------------------------------------------- tables
    def table(self, tbl) -> None:
        rows: list[list[list[str] | None]] = []
        page = self.page if self.rendered else None
        for tr in _children(tbl, TR):
            cells: list[list[str] | None] = []
            for tc in _children(tr, TC):
                tcpr = tc.find(_w("tcPr"))
                vm = tcpr.find(_w("vMerge")) if tcpr is not None else None
                if vm is not None and vm.get(_w("val")) in (None, "continue"):
                    cells.append(None)
                    continue
                cells.append(self._cell_lines(tc))
            if any(c for c in cells if c):
                rows.append(cells)
            elif cells:
                rows.append(cells)
        if rows:
            self.blocks.append(Table(rows, page=page))
        if self.rendered:
            self.page += len(list(tbl.iter(_w("lastRenderedPageBreak"))))

    def _cell_lines(self, tc) -> list[str]:
        sub = _Walker.__new__(_Walker)
        sub.styles, sub.blocks, sub.page, sub.rendered = self.styles, [], self.page, False
        sub.body(tc)
        out: list[str] = []
        for b in sub.blocks:
            if isinstance(b, Line):
                out.append(b.text)
            else:  # nested table: one line per row
                for row in b.rows:
                    parts = [" ".join(c) for c in row if c]
                    if parts:
                        out.append("  ".join(parts))
        return out


def _children(el, tag):
    """Direct children with this tag, looking through content controls and custom XML wrappers."""
    for child in el.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag in (SDT, SDT_CONTENT, _w("customXml"), _w("ins"), _w("moveTo")):
            inner = child.find(SDT_CONTENT) if child.tag == SDT else child
            if inner is not None:
                yield from _children(inner, tag)


def _first_choice_boxes(el):
    """Text-box contents inside a drawing, taking only the first alternative of mc:AlternateContent."""
    if el.tag == f"{{{MC_NS}}}AlternateContent":
        choice = el.find(f"{{{MC_NS}}}Choice")
        el = choice if choice is not None else el
    found = []
    for box in el.iter(TXBX):
        if not any(a is not None and a.tag == TXBX for a in box.iterancestors(TXBX)):
            found.append(box)
    return found


def _header_footer_texts(document) -> list[str]:
    out: list[str] = []
    seen: set[int] = set()
    for section in document.sections:
        for part_name in ("header", "footer", "first_page_header", "first_page_footer",
                          "even_page_header", "even_page_footer"):
            try:
                hf = getattr(section, part_name)
                if hf.is_linked_to_previous:
                    continue
                el = hf._element
            except Exception:  # noqa: BLE001 - a missing or odd header part is not fatal
                continue
            if id(el) in seen:
                continue
            seen.add(id(el))
            w = _Walker.__new__(_Walker)
            w.styles, w.blocks, w.page, w.rendered = _Styles(document), [], 1, False
            w.body(el)
            for b in w.blocks:
                if isinstance(b, Line) and b.text:
                    out.append(b.text)
                elif isinstance(b, Table):
                    for row in b.rows:
                        parts = [" ".join(c) for c in row if c]
                        if parts:
                            out.append("  ".join(parts))
    return out


def read_docx(path: Path, display: str) -> tuple[list[Block], list[str], int | None]:
    """Body blocks, header/footer lines, and the page count when Word recorded its page breaks."""
    document = _open(path)
    try:
        walker = _Walker(document)
        walker.body(document.element.body)
        extras = _header_footer_texts(document)
    except (ValueError, KeyError, AttributeError, TypeError, IndexError, RecursionError):
        raise UnreadableError("is damaged or is not a Word document plandoc can read.") from None
    for i, b in enumerate(walker.blocks):
        b.paragraph = i
    pages = walker.page if walker.rendered else None
    return walker.blocks, extras, pages
