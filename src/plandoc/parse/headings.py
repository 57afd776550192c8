"""Decide whether a line is a heading, and which section it names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import sections
from .blocks import Line
from .text import CHECKBOX_START, GOAL_LABEL, LEAD_LABEL, NUMBERING, is_all_caps

_SECTION_NUMBER = re.compile(r"^\s*(?:section|part)\s+(?:[ivxlc]+|\d+|[a-z])\b", re.I)
# Role words that also appear as label cells in signature and client tables.
_ROLE_WORDS = {"client", "patient", "signature"}


@dataclass
class Candidate:
    line: Line
    section: str | None  # matched section id, or None for a heading that names no section
    strong: bool  # formatting alone says heading (style, larger size)
    guessed: bool = False  # the section comes from the heading's keywords, not a catalogue wording
    title: bool = False  # a document title above the first section heading (set by `structure`)


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'/-]+", text)


def looks_like_heading_text(text: str) -> bool:
    t = text.strip()
    if not t or not any(c.isalpha() for c in t):
        return False
    core = t.rstrip(":").strip()
    if len(core) > 80 or len(_words(core)) > 10:
        return False
    if re.search(r"[.;,!]$", core) and not re.search(r"\b(?:[A-Z]|[ivx]+)\.$", core):
        return False
    if core.endswith("?") and (core.count("?") > 1 or re.search(r"[.;!]", core)):
        return False  # a question heading is one short question ('What help will I get?'), not prose
    if CHECKBOX_START.match(t):
        return False
    m = GOAL_LABEL.match(t)
    if m and t[m.end():].strip():
        return False
    lab = LEAD_LABEL.match(t)
    if lab and lab.group("rest").strip():
        label = lab.group("label")
        if sections.normalize_heading(label + ".") and not _SECTION_NUMBER.match(label):
            return False
    return True


def exact_match(text: str) -> str | None:
    """A section id when the text is exactly one of the catalogue's wordings (after normalising)."""
    norm = sections.normalize_heading(text)
    sid = sections.match_heading(text)
    if sid and norm in {sections.normalize_heading(h) for s in sections.SECTIONS if s.id == sid
                        for h in (s.title, *s.headings)}:
        return sid
    return None


def candidate(line: Line, body_size: float | None) -> Candidate | None:
    """A heading candidate, or None. The caller compares candidates' looks to pick section headings."""
    if line.checkbox or line.bullet:
        return None
    if len([c for c in line.cells if c.strip()]) > 1:
        return None
    text = line.text.strip()
    if not looks_like_heading_text(text):
        return None
    sid = sections.match_heading(text.rstrip(":"))
    bigger = bool(line.size and body_size and line.size >= body_size + 1.0)
    styled = line.style_level is not None and line.style_level <= 4
    numbered = bool(NUMBERING.match(text) or _SECTION_NUMBER.match(text))
    caps = line.caps or is_all_caps(text)
    signal = styled or bigger or line.bold or caps or line.underline or text.endswith(":") or numbered
    if line.list_level is not None and not styled:
        # a list item is a heading only when it says so plainly
        return Candidate(line, sid, False) if sid and exact_match(text.rstrip(":")) and (line.bold or caps) else None
    if sid:
        if signal or exact_match(text.rstrip(":")):
            return Candidate(line, sid, styled or bigger)
        return None
    if numbered and not (styled or bigger or line.bold or caps or line.underline):
        return None
    if styled or bigger or ((line.bold or caps or line.underline) and len(_words(text)) <= 8):
        # A heading in words the catalogue does not list ('What we are working on') is placed by
        # its keywords; one that names nothing recognisable starts an 'other' run.
        guess = sections.guess_heading(text.rstrip(":"))
        return Candidate(line, guess, styled or bigger, guessed=guess is not None)
    return None


def cell_heading(text: str, value_words: int = 0) -> str | None:
    """A section id for a table label cell ('Coping Strategies' | text ...); role words do not count.

    A label in words the catalogue does not list ('Who helps me') is placed by its keywords only
    when its value is running text (six words or more): 'Member ID | XJH-55012' is a field.
    """
    t = text.strip().rstrip(":")
    if not looks_like_heading_text(t):
        return None
    if sections.normalize_heading(t) in _ROLE_WORDS:
        return None
    sid = sections.match_heading(t)
    if sid is None and value_words >= 6:
        sid = sections.guess_heading(t)
    return sid
