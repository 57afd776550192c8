"""Kind `readability`: sentence length, reading grade, acronyms not spelled out at first use."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator, Literal

from pydantic import field_validator

from ...document import PlanDocument
from ...findings import Finding
from .base import Context, Kind, Params, Rule, scope_sections, validate_scope

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])|\n+")
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*|\d+(?:[.,]\d+)*")
_ABBREV = re.compile(r"\b(?:e\.g|i\.e|etc|vs|Dr|Mr|Mrs|Ms|St|No|approx|Jr|Sr)\.$", re.IGNORECASE)


def sentences(text: str) -> list[str]:
    parts = _SENTENCE.split(text)
    out: list[str] = []
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if out and _ABBREV.search(out[-1]):
            out[-1] = out[-1] + " " + part
        else:
            out.append(part)
    return out


_SILENT_END = re.compile(r"(?:[^laeiouy]es|ed|[^laeiouy]e)$")
_FIRST_Y = re.compile(r"^y")
_VOWELS = re.compile(r"[aeiouy]{1,2}")


@lru_cache(maxsize=8192)
def syllables(word: str) -> int:
    """A standard English syllable estimate (vowel groups, silent e). Cached: words repeat."""
    w = word.lower().strip("'")
    if not w or w.isdigit():
        return 1
    if len(w) <= 3:
        return 1
    w = _SILENT_END.sub("", w)
    w = _FIRST_Y.sub("", w)
    return max(1, len(_VOWELS.findall(w)))


def fk_grade(text: str) -> tuple[float, int]:
    """Flesch-Kincaid grade level and word count."""
    sents = [s for s in sentences(text) if _WORD.search(s)]
    words = _WORD.findall(text)
    if not sents or not words:
        return 0.0, 0
    syl = sum(syllables(w) for w in words)
    return 0.39 * len(words) / len(sents) + 11.8 * syl / len(words) - 15.59, len(words)


class ReadabilityParams(Params):
    check: Literal["sentence_length", "grade", "acronyms"]
    scope: str | list[str] = "client_facing"
    max_words: int = 30
    max_grade: float = 8.0
    min_words: int = 60  # grade is not judged on less text than this
    min_block_words: int = 8  # grade reads prose blocks only, not short labels or list items
    allow: list[str] = []  # acronyms that need no expansion (credentials, DOB, state codes ...)
    skip_fields: list[str] = []

    @field_validator("scope")
    @classmethod
    def _scope(cls, v):
        return validate_scope(v)


_ACRONYM = re.compile(r"(?<![\w-])([A-Z][A-Z0-9&/]{1,5}s?)(?![\w-])")


class Readability(Kind):
    name = "readability"
    Params = ReadabilityParams
    placeholders = frozenset({"section_title", "words", "max_words", "grade", "max_grade", "acronym"})
    text_examples = True

    def run(self, rule: Rule, doc: PlanDocument, ctx: Context) -> Iterator[Finding]:
        p: ReadabilityParams = rule.params
        blocks = [b for b in doc.blocks_in(scope_sections(p.scope))
                  if not (b.field and any(str(f) in p.skip_fields for f in b.field))]
        if p.check == "sentence_length":
            for b in blocks:
                for s in sentences(b.text):
                    n = len(_WORD.findall(s))
                    if n > p.max_words:
                        yield rule.finding(b.location(doc.path), evidence=s, words=n, max_words=p.max_words)
        elif p.check == "grade":
            by_section: dict[str, list] = {}
            for b in blocks:
                if len(_WORD.findall(b.text)) >= p.min_block_words:
                    by_section.setdefault(b.section, []).append(b)
            for sid, bs in by_section.items():
                text = " ".join(b.text if b.text.rstrip().endswith((".", "!", "?")) else b.text + "." for b in bs)
                grade, n = fk_grade(text)
                if n >= p.min_words and grade > p.max_grade:
                    yield rule.finding(bs[0].location(doc.path), grade=f"{grade:.1f}", max_grade=f"{p.max_grade:g}")
        else:
            allowed = {a.upper() for a in p.allow}
            seen: set[str] = set()
            full_text = "\n".join(b.text for b in doc.blocks)
            for b in blocks:
                for m in _ACRONYM.finditer(b.text):
                    acr = m.group(1)
                    base = acr[:-1] if acr.endswith("s") and len(acr) > 2 else acr
                    if base.upper() in allowed or base in seen or not re.search(r"[A-Z]{2}", base):
                        continue
                    seen.add(base)
                    if _expanded(base, full_text):
                        continue
                    yield rule.finding(b.location(doc.path), evidence=acr, acronym=acr)


def _expanded(acr: str, text: str) -> bool:
    """'Long Form (ABC)' or 'ABC (long form)' anywhere in the document."""
    esc = re.escape(acr)
    if re.search(r"\w[\w\s\-]{3,}\(\s*" + esc + r"s?\s*\)", text):
        return True
    return bool(re.search(esc + r"s?\s*\(\s*[a-z][\w\s\-]{3,}\)", text, re.IGNORECASE))
