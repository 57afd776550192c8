"""Kind `across_clients`: the same goal or objective, word for word, in plans of different clients.

The Joint Commission's surveyors cite goals and objectives "identical across individuals, copied
from scripted EHR text" (DOMAIN.md section 4, A2). One document cannot show that; a batch can. So
this is the one kind that runs after every document of a run is checked: its per-document `run`
finds nothing, and `check_batch` compares the documents' statements.

* A statement is compared after normalizing: case, spacing, punctuation and quote styles are
  ignored, and the client's own names become "client" (so "Jordan will attend..." and
  "Sam will attend..." are the same scripted text). Numbers and dates are kept.
* A client is the record id (client id, else member id) from the plan facts, else the client's
  name, else the file. Only a hash of it travels between processes.
* A statement in plans of `threshold` or more different clients is reported once on each plan
  that holds it. The threshold is the profile parameter `batch_duplicate_goal_threshold` (or
  `--duplicate-threshold`).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import TYPE_CHECKING, Iterator

from ... import model
from ...document import PlanDocument
from ...findings import Finding, Location
from .base import Context, Kind, Params, Rule

if TYPE_CHECKING:  # pragma: no cover
    from ...results import Report
    from ..loader import RuleSet


class AcrossParams(Params):
    param: str = "batch_duplicate_goal_threshold"
    min_words: int = 4  # "Abstinence" or "Housing" as a goal heading is not scripted text


class AcrossClients(Kind):
    name = "across_clients"
    Params = AcrossParams
    placeholders = frozenset({"section_title", "level", "count", "threshold"})
    batch = True  # runs over a whole run of documents (check_batch), not one document

    def run(self, rule: Rule, doc: PlanDocument, ctx: Context) -> Iterator[Finding]:
        return iter(())


_PUNCT = re.compile(r"[^\w\s]+")
_SPACE = re.compile(r"\s+")


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def client_names(plan: model.Plan) -> list[str]:
    """The client's own name words (3+ letters), for normalizing statements."""
    words: set[str] = set()
    for value in (plan.client.name, plan.client.preferred_name):
        for w in re.findall(r"[^\W\d_]{3,}", value or ""):
            words.add(w.lower())
    return sorted(words, key=len, reverse=True)


def normalize(text: str, names: list[str] = ()) -> str:
    t = unicodedata.normalize("NFKC", text).lower()
    t = t.replace("\u2019", "'").replace("\u2018", "'")
    for n in names:
        t = re.sub(rf"\b{re.escape(n)}(?:'s)?\b", "client", t)
    t = _PUNCT.sub(" ", t)
    return _SPACE.sub(" ", t).strip()


def statement_key(text: str, names: list[str] = ()) -> str:
    norm = normalize(text, names)
    return f"{len(norm.split())}:{_hash(norm)}"


def client_key(plan: model.Plan, path: str) -> str:
    c = plan.client
    for label, value in (("id", c.client_id), ("member", c.member_id or plan.payer.member_id),
                         ("name", " ".join((c.name or "").lower().split()))):
        if value and value.strip():
            return _hash(f"{label}:{value.strip().lower()}")
    return _hash(f"file:{path}")


def check_batch(report: "Report", ruleset: "RuleSet", profile: str, threshold: int | None) -> int:
    """Add a finding to each document whose statement appears for `threshold`+ clients. Returns how many."""
    from ..engine import resolve

    prof = resolve(ruleset, profile)
    rules = [r for r in prof.rules if isinstance(r.kind, AcrossClients)]
    added = 0
    for rule in rules:
        p: AcrossParams = rule.params
        limit = threshold if threshold is not None else prof.value(p.param)
        if not limit or limit < 2:
            continue
        clients: dict[str, set[str]] = {}
        for d in report.documents:
            if d.status != "checked" or d.client_key is None:
                continue
            for key in set(d.goal_keys):
                if int(key.partition(":")[0]) >= p.min_words:
                    clients.setdefault(key, set()).add(d.client_key)
        scripted = {k: len(v) for k, v in clients.items() if len(v) >= limit}
        if not scripted:
            continue
        for d in report.documents:
            if d.status != "checked":
                continue
            reported: set[str] = set()
            new: list[Finding] = []
            for key, goal in zip(d.goal_keys, d.goals):
                if key in scripted and key not in reported:
                    reported.add(key)
                    field = tuple(_parse_field(goal.get("field")))
                    new.append(rule.finding(
                        Location(file=d.path, section="goals", field=field or None, page=goal.get("page")),
                        evidence=goal["text"], level=goal["level"], count=scripted[key], threshold=limit))
            if new:
                from ...findings import sort_key

                d.findings = sorted(d.findings + new, key=sort_key)
                added += len(new)
    return added


def _parse_field(path: str | None) -> list[str | int]:
    """'goals[1].objectives[0].statement' -> ['goals', 1, 'objectives', 0, 'statement']."""
    out: list[str | int] = []
    for part in re.findall(r"[^.\[\]]+|\[\d+\]", path or ""):
        out.append(int(part[1:-1]) if part.startswith("[") else part)
    return out
