"""`--audit-log FILE`: an append-only record of runs for HIPAA audit controls (45 CFR 164.312(b)).

One JSON line per document, then one for the run. Lines hold times, the plandoc version, the
SHA-256 of the rules in force, each input's SHA-256, statuses, error codes and finding counts;
never a path (paths can hold client names), a field value or document text. The file is created
owner-only (0600), opened for appending only and never through a symbolic link.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import uuid
from pathlib import Path
from typing import Any

from . import __version__
from .results import Report


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def lines(report: Report | None, *, command: str, outcome: str, exit_code: int, rules_digest: str,
          options: dict[str, Any]) -> list[dict[str, Any]]:
    run_id = uuid.uuid4().hex
    out: list[dict[str, Any]] = []
    statuses: dict[str, int] = {}
    if report is not None:
        for i, d in enumerate(report.documents):
            statuses[d.status] = statuses.get(d.status, 0) + 1
            out.append({"event": "document", "time": _now(), "run": run_id, "plandoc_version": __version__,
                        "rules_sha256": rules_digest, "index": i, "kind": d.kind,
                        "input_sha256": d.sha256, "status": d.status,
                        "error_code": (d.error or {}).get("code"), "findings": d.counts()})
    summary = report.summary() if report is not None else {}
    out.append({"event": "run", "time": _now(), "run": run_id, "command": command, "plandoc_version": __version__,
                "rules_sha256": rules_digest, "outcome": outcome, "exit_code": exit_code,
                "documents": summary.get("documents", 0), "skipped": summary.get("skipped", 0),
                "statuses": statuses, "findings": summary.get("findings", {}),
                "seconds": report.seconds if report is not None else None, "options": options})
    return out


def append(path: Path, records: list[dict[str, Any]]) -> None:
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags, 0o600)
    try:
        data = "".join(json.dumps(r, sort_keys=True, ensure_ascii=True) + "\n" for r in records).encode()
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
