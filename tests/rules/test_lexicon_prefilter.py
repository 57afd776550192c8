"""The lexicon pre-filter never drops a term that matches: its candidates cover every matching term."""

from __future__ import annotations

import random
import re

import pytest

from plandoc.checks.kinds.lexicon import Lexicon
from plandoc.checks.kinds.prefilter import Prefilter, pattern_needs


def _lexicon_rules(ruleset):
    return [r for r in ruleset.rules if r.kind.name == "lexicon"]


def _texts(ruleset) -> list[str]:
    """Rule examples, every term in several spellings and surroundings, and random mixes of them."""
    rng = random.Random(7)
    out: list[str] = []
    words: list[str] = []
    for rule in _lexicon_rules(ruleset):
        ex = rule.spec.examples
        out += [str(t) for t in (getattr(ex, "fail", None) or []) + (getattr(ex, "passing", None) or [])
                if isinstance(t, str)]
        for t in rule.params.terms:
            if t.term:
                words.append(t.term)
    fillers = ["the client", "reports", "4.0 mg", ".5 mL", "10 U", "QD", "q.o.d.", "urine was clean",
               "stayed clean", "Tegretol300mg", "5 cc", "3 \u00b5g", "DNA\u2019d", "F10.20", "PO-66120",
               "\u2022", "\u2013", "caf\u00e9", "\u017f", "\u212a", "STRASSE", "x-", "-1", "(", ")", ":"]
    for w in words:
        # the last three: non-ASCII letters that re.IGNORECASE matches to s, k and i
        for form in (w, w.upper(), w.lower(), w.title(), w.replace(" ", "\n"), w.replace(" ", "  "),
                     w.replace("s", "\u017f"), w.replace("k", "\u212a"), w.replace("i", "\u0131")):
            out += [form, f"{form}.", f"({form})", f"x{form}", f"{form}-1", f"a {form} b", f"{form}s"]
    for _ in range(3000):
        parts = rng.sample(words, 3) + rng.sample(fillers, 3)
        rng.shuffle(parts)
        out.append(rng.choice([" ", "", "-", "/", "\n"]).join(p if rng.random() < 0.7 else p.upper() for p in parts))
    return out


def test_candidates_cover_every_match(ruleset):
    lex = Lexicon()
    texts = _texts(ruleset)
    checked = 0
    for rule in _lexicon_rules(ruleset):
        terms, _, pre = lex._compile(rule.params)
        for text in texts:
            cand = set(pre.candidates(text))
            for i, (_, rx, _) in enumerate(terms):
                if any(m.end() > m.start() for m in rx.finditer(text)):
                    checked += 1
                    assert i in cand, (rule.code, rx.pattern, text)
    assert checked > 1000


@pytest.mark.parametrize("pattern, flags, text", [
    (r"\b(?:clean|dirty)\s+urine", re.I, "CLEAN urine"),
    (r"(?-i:DNA)['\u2019]?d", re.I, "DNA\u2019d"),
    (r"ab(?:cd)+", 0, "abcdcd"),
    (r"x{2,}y", 0, "xxy"),
    (r"k\w", re.I, "\u212ao"),  # the Kelvin sign matches k: the text falls back to the regex
])
def test_pattern_needs(pattern, flags, text):
    rx = re.compile(pattern, flags)
    assert rx.search(text)
    need = pattern_needs(rx)
    if need is not None and not any(c in text for c in "\u0130\u0131\u017f\u212a"):
        low = text.lower()
        assert any((s in low) if ci else (s in text) for s, ci in need)


def test_unknown_flags_fall_back_to_every_term():
    class T:
        term = None
        pattern = "(?s)a.b"

    rx = re.compile("(?s)a.b")
    pre = Prefilter([(T(), rx, None)])
    assert pre.candidates("zzz") == [0]
