"""The DOCX package as a ZIP file: deterministic writing, atomic saving and a safety scan.

Nothing here reads or writes document text; it works on ZIP members and relationship parts only,
so the same code serves rendered plans, packet documents and the template build script.

Determinism (RELIABILITY.md case 15): every member gets the same timestamp (1980-01-01 00:00),
the same permissions and compression, `[Content_Types].xml` and `_rels/.rels` come first and the
rest in name order, and the core and extended properties are replaced by fixed, neutral values, so
no creation date, editing time, author or "last modified by" from a template or a clinic machine
survives (case 14).
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape as _xml_escape

from .fileio import write_atomic

FIXED_DATE = (1980, 1, 1, 0, 0, 0)
_FIRST = ("[Content_Types].xml", "_rels/.rels")

# A template or a rendered plan is a few hundred KB; refuse anything that expands past this.
MAX_UNCOMPRESSED = 64 * 1024 * 1024
MAX_RATIO = 200
MAX_MEMBERS = 2000

_CORE = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    "<dc:title>{title}</dc:title><dc:creator>plandoc</dc:creator><cp:lastModifiedBy></cp:lastModifiedBy>"
    "<cp:revision>1</cp:revision></cp:coreProperties>"
)
_APP = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>plandoc</Application><DocSecurity>0</DocSecurity></Properties>"
)


def _order(names: list[str]) -> list[str]:
    first = [n for n in _FIRST if n in names]
    return first + sorted(n for n in names if n not in _FIRST)


def normalize_docx(data: bytes, *, title: str = "") -> bytes:
    """Rewrite a DOCX so that the same content always gives the same bytes.

    `title` becomes the document title (`dc:title`); it must not hold PHI. Member contents other
    than `docProps/core.xml` and `docProps/app.xml` are copied unchanged.
    """
    src = zipfile.ZipFile(io.BytesIO(data))
    members = {i.filename: src.read(i) for i in src.infolist() if not i.is_dir()}
    if "docProps/core.xml" in members:
        members["docProps/core.xml"] = _CORE.format(title=_xml_escape(title)).encode("utf-8")
    if "docProps/app.xml" in members:
        members["docProps/app.xml"] = _APP.encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in _order(list(members)):
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0o644 << 16
            dst.writestr(info, members[name], compresslevel=6)
    return out.getvalue()


def atomic_write(path: Path, data: bytes) -> Path:
    """Write `data` to `path` via a temporary file in the same folder, fsync and os.replace.

    A crash leaves either the old file or the new one, never a partial file, and no temporary file
    holding plan content is left behind.
    """
    return write_atomic(Path(path), data, mode=0o600)


# ----------------------------------------------------------------------------- safety scan
@dataclass(frozen=True)
class PackageProblem:
    code: str  # external_relationship | macro | active_content | doctype | zip | not_docx
    part: str | None
    message: str


_EXTERNAL = re.compile(rb'TargetMode\s*=\s*["\']External["\']', re.I)
_ACTIVE = ("word/vbaproject.bin", "word/activex/", "word/embeddings/", "word/vbadata.xml")
_MACRO_TYPES = (b"macroEnabled", b"vbaProject", b"ms-office.activeX")


def read_members(path: Path) -> dict[str, bytes]:
    """Read a DOCX's members after checking the ZIP for bombs and odd names (RELIABILITY 24-26).

    Raises ValueError with a message that names the problem but no content.
    """
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        raise ValueError("is not a readable DOCX (not a ZIP package)") from None
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise ValueError("has too many parts to be a Word document")
        names = [i.filename for i in infos]
        if len(set(names)) != len(names):
            raise ValueError("has duplicate ZIP entries")
        total = sum(i.file_size for i in infos)
        packed = sum(i.compress_size for i in infos) or 1
        if total > MAX_UNCOMPRESSED or total / packed > MAX_RATIO and total > 1024 * 1024:
            raise ValueError("expands to an implausible size (possible ZIP bomb)")
        if "[Content_Types].xml" not in names or "word/document.xml" not in names:
            raise ValueError("is not a Word document (word/document.xml is missing)")
        out = {}
        for i in infos:
            if i.is_dir():
                continue
            if i.filename.startswith("/") or "\\" in i.filename or ".." in i.filename.split("/"):
                raise ValueError("has a ZIP entry with a suspicious name")
            out[i.filename] = zf.read(i)
        return out


def scan(path: Path) -> list[PackageProblem]:
    """Package-level problems of a template: external relationships, macros, active content, DTDs."""
    try:
        members = read_members(path)
    except ValueError as exc:
        return [PackageProblem("not_docx", None, str(exc))]
    problems: list[PackageProblem] = []
    for name, data in members.items():
        low = name.lower()
        if low.endswith(".rels") and _EXTERNAL.search(data):
            problems.append(PackageProblem(
                "external_relationship", name,
                "has an external relationship (TargetMode=\"External\": a linked template, image or "
                "web address Word would fetch); embed the content or remove the link"))
        if any(low.startswith(p) for p in _ACTIVE):
            problems.append(PackageProblem(
                "active_content", name,
                "holds macros, ActiveX controls or embedded objects; save the template as a plain .docx"))
        if low.endswith(".xml") and b"<!DOCTYPE" in data[:4096].upper():
            problems.append(PackageProblem("doctype", name, "declares a DOCTYPE, which Word documents never need"))
    ctypes = members.get("[Content_Types].xml", b"")
    if any(t in ctypes for t in _MACRO_TYPES):
        problems.append(PackageProblem("macro", "[Content_Types].xml",
                                       "is a macro-enabled document (.docm); save it as a plain .docx"))
    return problems


# ----------------------------------------------------------------------------- input check
# Relationship types that make Word fetch or run something from outside the file when it opens.
# Ordinary hyperlinks (TargetMode="External" on a hyperlink) are left alone: plandoc never follows
# them, and real plans carry them.
_FETCHED_TYPES = re.compile(
    rb'Type\s*=\s*["\'][^"\']*/(?:attachedTemplate|oleObject|frame|subDocument|image|externalLink|'
    rb'package|control|aFChunk|video|audio|media)["\'][^>]*TargetMode\s*=\s*["\']External|'
    rb'TargetMode\s*=\s*["\']External["\'][^>]*Type\s*=\s*["\'][^"\']*/(?:attachedTemplate|oleObject|'
    rb'frame|subDocument|image|externalLink|package|control|aFChunk|video|audio|media)["\']', re.I)
_INPUT_ACTIVE = ("word/vbaproject.bin", "word/activex/", "word/vbadata.xml")
MAX_INPUT_UNCOMPRESSED = 300 * 1024 * 1024
_LOCAL_HEADER = 30


def check_input(data: bytes) -> PackageProblem | None:
    """The first reason not to open a DOCX that came from outside, judged before parsing it.

    Works from the ZIP central directory (declared sizes, names, offsets) and reads only the
    relationship parts, the content types and the first 4 KB of each XML part, so a ZIP bomb is
    refused before anything large is decompressed (RELIABILITY.md cases 18-26).
    """
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        return PackageProblem("zip", None, "is damaged or incomplete and cannot be opened as a Word document.")
    with zf:
        infos = [i for i in zf.infolist()]
        if len(infos) > MAX_MEMBERS:
            return PackageProblem("zip", None, "has more parts than any Word document; plandoc does not read it.")
        names = [i.filename for i in infos]
        if len(set(names)) != len(names):
            return PackageProblem("zip", None, "has two parts with the same name (a damaged or crafted file).")
        for name in names:
            if name.startswith("/") or "\\" in name or ".." in name.split("/") or "\x00" in name:
                return PackageProblem("zip", name, "has a part whose name points outside the document "
                                                   "(a damaged or crafted file).")
        spans = sorted((i.header_offset, i.header_offset + _LOCAL_HEADER + len(i.filename.encode()) + i.compress_size)
                       for i in infos)
        for (a0, a1), (b0, _b1) in zip(spans, spans[1:]):
            if b0 < a1:
                return PackageProblem("zip", None, "has overlapping parts (a damaged or crafted file).")
        total = sum(i.file_size for i in infos)
        packed = sum(i.compress_size for i in infos) or 1
        if total > MAX_INPUT_UNCOMPRESSED or (total > 16 * 1024 * 1024 and total / packed > MAX_RATIO):
            return PackageProblem("bomb", None, f"expands to {total // (1024 * 1024)} MB when unpacked, far more "
                                                "than a plan holds; plandoc does not read it.")
        lowered = {n.lower(): n for n in names}
        if any(n.startswith(_INPUT_ACTIVE) for n in lowered):
            return PackageProblem("macro", None, "holds macros or ActiveX controls; save it as a plain .docx "
                                                 "(File > Save As > Word Document) and check it again.")
        try:
            ctypes = zf.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            return PackageProblem("zip", None, "is damaged or incomplete and cannot be opened as a Word document.")
        if any(t in ctypes for t in _MACRO_TYPES):
            return PackageProblem("macro", "[Content_Types].xml",
                                  "is a macro-enabled Word file; save it as a plain .docx and check it again.")
        for i in infos:
            low = i.filename.lower()
            if not low.endswith((".xml", ".rels")) or i.is_dir():
                continue
            try:
                with zf.open(i) as fh:
                    head = fh.read(4096) if not low.endswith(".rels") else fh.read(min(i.file_size, 1024 * 1024))
            except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
                return PackageProblem("zip", i.filename, "is damaged or incomplete and cannot be opened as a "
                                                          "Word document.")
            except RuntimeError:  # an encrypted ZIP member
                return PackageProblem("zip", i.filename, "is password-protected; remove the password and save "
                                                          "it again.")
            if b"<!DOCTYPE" in head.upper():
                return PackageProblem("doctype", i.filename, "contains a DOCTYPE declaration, which Word never "
                                                             "writes; plandoc does not open such files.")
            if low.endswith(".rels") and _FETCHED_TYPES.search(head):
                return PackageProblem("external_relationship", i.filename,
                                      "links to an outside template or object that Word would fetch when it "
                                      "opens; remove the link, save it again and check it again.")
    return None
