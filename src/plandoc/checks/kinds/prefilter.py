"""Which terms of a word list can match a block, decided without running every term's regex.

A speed aid for `lexicon` only: `Prefilter.candidates(text)` returns the indexes of the terms that
*may* match (a superset of those that do), and the caller still runs each candidate's own regex,
so findings never depend on this module. Most blocks hold none of the terms; for them the old
pre-check (one regex alternating all terms, each with a look-behind, tried at every position) was
the most expensive step of a check.

Necessary conditions used:

* A literal term's regex is `(?<![\\w-])w1\\s+w2...(?![\\w]|-\\d)`. Every run of word characters
  in the term is therefore a whole word of the matched text (the look-arounds, the term's own
  punctuation and the `\\s+` between its words bound it), so every such run must be among the
  words (maximal `\\w+` runs) of the block.
* A `pattern` term needs, where the regex syntax shows it, one of a few literal strings (for
  "(?:clean|dirty)" either word) somewhere in the block. Patterns without such strings are
  searched as one combined regex.
* Case-insensitive comparisons lower-case both sides. That is exact for ASCII terms: under
  re.IGNORECASE the only non-ASCII characters that match ASCII ones are the four letters in
  `FOLDS_TO_ASCII` (re module documentation); a block holding any of them, or a term with
  non-ASCII characters under IGNORECASE, falls back to the regexes.
"""

from __future__ import annotations

import re

try:  # the regex parser of the standard library (private; any failure means "no shortcut")
    from re import _constants as _C
    from re import _parser as _P
except ImportError:  # pragma: no cover - very old or unusual Pythons
    _C = _P = None

FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")
_WORD = re.compile(r"\w+")
_PLAIN_FLAGS = re.IGNORECASE | re.UNICODE

# Words of the blocks of the document being checked, by block text: every lexicon rule reads
# them. A pure function of the text, so the cache is only emptied (per document, to keep memory
# flat over a batch), never invalidated.
_cache: dict[str, tuple[frozenset, frozenset, str]] = {}
_cache_doc: list[int] = [0]


def use_document(doc: object) -> None:
    """Start a new cache when the lexicon rules move on to another document."""
    if _cache_doc[0] != id(doc):
        _cache.clear()
        _cache_doc[0] = id(doc)


def _words(text: str) -> tuple[frozenset, frozenset, str]:
    """Words of a block as written and lower-cased, and the lower-cased text."""
    got = _cache.get(text)
    if got is None:
        words = frozenset(_WORD.findall(text))
        low = text.lower()
        got = (words, frozenset(w.lower() for w in words), low)
        if len(_cache) > 4096:
            _cache.clear()
        _cache[text] = got
    return got


def _best(a: list[tuple[str, bool]] | None, b: list[tuple[str, bool]] | None) -> list[tuple[str, bool]] | None:
    """The more selective of two alternatives lists (its shortest string is longer)."""
    if a is None:
        return b
    if b is None:
        return a
    return a if min(len(s) for s, _ in a) >= min(len(s) for s, _ in b) else b


def _needed(items, ci: bool) -> list[tuple[str, bool]] | None:
    """Strings of which every match of the parsed sequence `items` contains at least one, or None."""
    best = None
    run: list[str] = []
    run_ci = ci

    def close() -> None:
        nonlocal best
        if run:
            best = _best(best, [("".join(run), run_ci)])
            run.clear()

    for op, av in items:
        if op is _C.LITERAL:
            if run and run_ci != ci:
                close()
            run.append(chr(av))
            run_ci = ci
            continue
        close()
        got = None
        if op is _C.SUBPATTERN:
            _, add, delete, sub = av
            sub_ci = (ci or bool(add & re.IGNORECASE)) and not delete & re.IGNORECASE
            if not (add | delete) & ~_PLAIN_FLAGS:
                got = _needed(list(sub), sub_ci)
        elif op is _C.BRANCH:
            alts: list[tuple[str, bool]] | None = []
            for branch in av[1]:
                one = _needed(list(branch), ci)
                if one is None:
                    alts = None
                    break
                alts += one
            got = alts or None
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT, getattr(_C, "POSSESSIVE_REPEAT", None)):
            lo, _, sub = av
            got = _needed(list(sub), ci) if lo >= 1 else None
        elif op is getattr(_C, "ATOMIC_GROUP", None):
            got = _needed(list(av), ci)
        best = _best(best, got)
    close()
    return best


def pattern_needs(rx: re.Pattern) -> list[tuple[str, bool]] | None:
    """(string, case-insensitive) pairs of which every match of `rx` contains one; None if unknown."""
    if _P is None or rx.flags & ~_PLAIN_FLAGS:
        return None
    try:
        tree = _P.parse(rx.pattern, rx.flags)
        if tree.state.flags & ~_PLAIN_FLAGS:
            return None
        got = _needed(list(tree), bool(tree.state.flags & re.IGNORECASE))
    except Exception:  # noqa: BLE001 - a shortcut only; the regex itself still decides
        return None
    if not got or any(not s or (ci and not s.isascii()) for s, ci in got):
        return None
    return [(s.lower() if ci else s, ci) for s, ci in got]


def any_of(patterns: list[re.Pattern]) -> re.Pattern | None:
    """One pattern that matches wherever any of `patterns` does (each keeps its own case rule).

    None when the patterns cannot be combined (a pattern with global inline flags, or other flags
    than I).
    """
    parts = []
    for rx in patterns:
        if rx.flags & ~_PLAIN_FLAGS:
            return None
        parts.append(f"(?{'i' if rx.flags & re.IGNORECASE else '-i'}:{rx.pattern})")
    try:
        return re.compile("|".join(parts)) if parts else None
    except re.error:
        return None


class Prefilter:
    """Built once per rule from its terms: a list of (term, compiled regex, context regex)."""

    def __init__(self, terms: list) -> None:
        self.n = len(terms)
        self.all = any_of([rx for _, rx, _ in terms])
        self.every = list(range(self.n))
        # literal terms: word runs that must all be words of the block, indexed by the first run
        self.exact: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        self.folded: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        self.needs: list[tuple[int, list[tuple[str, bool]]]] = []  # pattern terms with known strings
        rest: list[tuple[int, re.Pattern]] = []
        for i, (term, rx, _) in enumerate(terms):
            plain = not rx.flags & ~_PLAIN_FLAGS
            ci = bool(rx.flags & re.IGNORECASE)
            if term.pattern is None and plain:
                runs = tuple(_WORD.findall(term.term))
                if runs and (not ci or all(r.isascii() for r in runs)):
                    if ci:
                        runs = tuple(r.lower() for r in runs)
                    (self.folded if ci else self.exact).setdefault(runs[0], []).append((i, runs))
                    continue
            need = pattern_needs(rx) if plain else None
            if need is not None:
                self.needs.append((i, need))
            else:
                rest.append((i, rx))
        self.rest_ids = [i for i, _ in rest]
        self.rest = any_of([rx for _, rx in rest])
        self.exact_keys = frozenset(self.exact)
        self.folded_keys = frozenset(self.folded)

    def candidates(self, text: str) -> list[int]:
        """Indexes of the terms that may match `text`, in term order (empty: none can)."""
        if self.all is None:
            return self.every
        if not text.isascii() and any(c in text for c in FOLDS_TO_ASCII):
            return self.every if self.all.search(text) else []
        words, folded, low = _words(text)
        out: list[int] = []
        for key in self.exact_keys & words:
            out += [i for i, runs in self.exact[key] if all(r in words for r in runs)]
        for key in self.folded_keys & folded:
            out += [i for i, runs in self.folded[key] if all(r in folded for r in runs)]
        for i, need in self.needs:
            if any((s in low) if ci else (s in text) for s, ci in need):
                out.append(i)
        if self.rest_ids and (self.rest is None or self.rest.search(text)):
            out += self.rest_ids
        if len(out) > 1:
            out.sort()
        return out
