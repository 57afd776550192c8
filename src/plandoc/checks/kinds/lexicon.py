"""Kind `lexicon`: words and patterns to avoid, each with what to write instead.

Covers Vale's existence and substitution checks in one kind: a term either has a `prefer`
(substitution) or only a note (existence). Context exceptions keep well-known false alarms quiet
("Alcoholics Anonymous", "clean apartment", "U.S.", "F10.20"), and `context` limits a term to
blocks that look like medication documentation.
"""

from __future__ import annotations

import re
from typing import Iterator

from pydantic import field_validator, model_validator

from ...document import PlanDocument
from ...findings import Finding
from .base import Context, Kind, Params, Rule, compile_regex, scope_sections, validate_scope
from .prefilter import Prefilter, use_document


class Term(Params):
    term: str | None = None  # a literal word or phrase, matched on word boundaries
    pattern: str | None = None  # a regular expression, for shapes such as "4.0 mg"
    prefer: str | None = None
    note: str | None = None
    case_sensitive: bool | None = None  # default: literal all-caps terms are case-sensitive
    context: str | None = None  # the block must also match this (e.g. a dose), within `window`

    @model_validator(mode="after")
    def _one(self) -> "Term":
        if (self.term is None) == (self.pattern is None):
            raise ValueError("give exactly one of 'term' or 'pattern'")
        return self

    @field_validator("pattern", "context")
    @classmethod
    def _rx(cls, v: str | None) -> str | None:
        if v is not None:
            compile_regex(v)
        return v

    def regex(self) -> re.Pattern:
        if self.pattern is not None:
            flags = 0 if self.case_sensitive else re.IGNORECASE
            return re.compile(self.pattern, flags)
        words = [re.escape(w) for w in self.term.split()]
        body = r"\s+".join(words)
        sensitive = self.case_sensitive
        if sensitive is None:
            # Acronyms (two or more capitals, or one capital letter alone) are case-sensitive:
            # "SI" is shorthand, "si" is not; "Pt" and "pt" are both shorthand.
            letters = re.sub(r"[^A-Za-z]", "", self.term)
            capitals = sum(c.isupper() for c in letters)
            sensitive = capitals >= 2 or (len(letters) == 1 and capitals == 1)
        # Not inside a word, and not the prefix of an identifier such as "PO-66120".
        return re.compile(r"(?<![\w-])" + body + r"(?![\w]|-\d)", 0 if sensitive else re.IGNORECASE)


class LexiconParams(Params):
    terms: list[Term]
    scope: str | list[str] = "all"
    exceptions: list[str] = []  # a match inside a match of any of these is not reported
    window: int = 60  # characters either side of a match that `context` is looked for in
    skip_fields: list[str] = []  # intake field names not to read (e.g. 'code')

    @field_validator("scope")
    @classmethod
    def _scope(cls, v):
        return validate_scope(v)

    @field_validator("exceptions")
    @classmethod
    def _exc(cls, v: list[str]) -> list[str]:
        for p in v:
            compile_regex(p)
        return v


class Lexicon(Kind):
    name = "lexicon"
    Params = LexiconParams
    placeholders = frozenset({"section_title", "match", "prefer", "note"})
    text_examples = True

    def __init__(self) -> None:
        self._compiled: dict[int, tuple] = {}

    def _compile(self, p: LexiconParams):
        key = id(p)
        if key not in self._compiled:
            terms = [(t, t.regex(), re.compile(t.context, re.IGNORECASE) if t.context else None) for t in p.terms]
            exceptions = [re.compile(e, re.IGNORECASE) for e in p.exceptions]
            self._compiled[key] = (terms, exceptions, Prefilter(terms))
        return self._compiled[key]

    def run(self, rule: Rule, doc: PlanDocument, ctx: Context) -> Iterator[Finding]:
        p: LexiconParams = rule.params
        terms, exceptions, prefilter = self._compile(p)
        use_document(doc)
        for block in doc.blocks_in(scope_sections(p.scope)):
            if block.field and p.skip_fields and any(str(f) in p.skip_fields for f in block.field):
                continue
            text = block.text
            candidates = prefilter.candidates(text)
            if not candidates:
                continue  # most blocks hold none of the terms: cheap word tests instead of regexes
            spans = [m.span() for rx in exceptions for m in rx.finditer(text)]
            taken: list[tuple[int, int]] = []
            for term, rx, context in (terms[i] for i in candidates):
                for m in rx.finditer(text):
                    s, e = m.span()
                    if s == e:
                        continue
                    if any(a <= s and e <= b for a, b in spans):
                        continue
                    if any(a < e and s < b for a, b in taken):
                        continue  # an earlier, longer term already covers this text
                    if context is not None:
                        around = text[max(0, s - p.window): e + p.window]
                        # a table cell is read with the rest of its row ('MS | 30 mg | PO | BID')
                        if not context.search(around) and not (block.context and context.search(block.context)):
                            continue
                    taken.append((s, e))
                    yield rule.finding(block.location(doc.path), evidence=m.group(0),
                                       match=m.group(0), prefer=term.prefer or "", note=term.note or "")

