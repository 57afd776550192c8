"""A folder with every awkward case gives a complete report: each file exactly once, with a reason."""

from __future__ import annotations

import json
import os
import shutil
import stat

import pytest

from plandoc import api
from plandoc.batch import Input, discover

from ..conftest import SAMPLES
from .conftest import AS_OF, run_cli

GOOD = SAMPLES / "intake" / "complete.yaml"


def build_awkward(root, outside):
    """Every case of RELIABILITY.md 37 that a folder can hold. Returns (folder, expectations)."""
    d = root / "plans"
    d.mkdir()
    shutil.copy(GOOD, d / "good.yaml")
    (d / "empty.pdf").write_bytes(b"")
    (d / "empty.yaml").write_bytes(b"")
    (d / "corrupt.pdf").write_bytes(b"%PDF-1.7\n" + os.urandom(2000))
    (d / "text-named.docx").write_text("this is not a Word file")
    (d / "README.md").write_text("# notes")
    (d / "notes.odt").write_bytes(b"PK\x03\x04odt")
    (d / "settings.yaml").write_text("colour: blue\nsize: 3\n")  # YAML that is not an intake
    (d / "~$good.docx").write_bytes(b"\x00lock")
    (d / "x.pdf").mkdir()  # a folder named like a document
    shutil.copy(GOOD, d / "x.pdf" / "inside.yaml")
    (d / "secret.yaml").write_text((GOOD).read_text())
    os.chmod(d / "secret.yaml", 0)
    os.mkfifo(d / "pipe.pdf")
    (outside / "elsewhere.yaml").write_text(GOOD.read_text())
    os.symlink(outside / "elsewhere.yaml", d / "link-outside.yaml")
    os.symlink(d / "good.yaml", d / "link-inside.yaml")
    os.symlink(d / "missing.pdf", d / "broken.pdf")
    os.symlink("loop.pdf", d / "loop.pdf")
    os.symlink(d / "x.pdf", d / "dirlink")
    os.symlink(root, d / "x.pdf" / "up")  # a loop back up the tree
    expect = {
        "good.yaml": ("checked", None),
        "x.pdf/inside.yaml": ("checked", None),
        "empty.pdf": ("unreadable", "empty"),
        "empty.yaml": ("unreadable", "empty"),
        "corrupt.pdf": ("unreadable", None),
        "text-named.docx": ("unreadable", None),
        "secret.yaml": ("error", "permission_denied"),
        "README.md": ("skipped", "not a plan document"),
        "notes.odt": ("skipped", "not a plan document"),
        "settings.yaml": ("skipped", "not a plandoc intake"),
        "~$good.docx": ("skipped", "lock file"),
        "x.pdf": ("skipped", "folder named like a document"),
        "pipe.pdf": ("skipped", "not a regular file"),
        "link-outside.yaml": ("skipped", "outside this folder"),
        "link-inside.yaml": ("skipped", "another file in this folder"),
        "broken.pdf": ("skipped", "broken symbolic link"),
        "loop.pdf": ("skipped", "loops back"),
        "dirlink": ("skipped", "link to a folder"),
        "x.pdf/up": ("skipped", "link to a folder"),
    }
    return d, expect


def _check_report(data, folder, expect):
    entries = {}
    for doc in data["documents"]:
        rel = os.path.relpath(doc["path"], folder)
        assert rel not in entries, f"{rel} reported twice"
        entries[rel] = (doc["status"], (doc["error"] or {}).get("code"), (doc["error"] or {}).get("message", ""))
    for sk in data["skipped"]:
        rel = os.path.relpath(sk["path"], folder)
        assert rel not in entries, f"{rel} both a document and skipped, or skipped twice"
        entries[rel] = ("skipped", None, sk["reason"])
    assert set(entries) == set(expect), (set(entries) ^ set(expect))
    for rel, (status, detail) in expect.items():
        got_status, code, message = entries[rel]
        assert got_status == status, (rel, entries[rel])
        if detail and status == "skipped":
            assert detail in message, (rel, message)
        elif detail:
            assert code == detail, (rel, entries[rel])
        if status not in ("checked", "skipped"):
            assert message, rel
    assert data["summary"]["documents"] == len(data["documents"])
    assert data["summary"]["skipped"] == len(data["skipped"])


def test_awkward_folder_every_file_once(world_tmp):
    outside = world_tmp / "outside"
    outside.mkdir()
    folder, expect = build_awkward(world_tmp, outside)
    for p in world_tmp.rglob("*"):
        if not p.is_symlink() and p.name not in ("secret.yaml",):
            os.chmod(p, 0o755 if p.is_dir() else 0o644)
    before = {p: p.read_bytes() for p in folder.iterdir() if p.is_file() and not p.is_symlink()
              and p.name != "secret.yaml" and not stat.S_ISFIFO(p.lstat().st_mode)}
    res = run_cli("check", str(folder), "--format", "json", "--as-of", AS_OF, "--workers", "2",
                  honour_permissions=True)
    assert res.returncode in (1, 3), res.stderr
    data = json.loads(res.stdout)
    _check_report(data, folder, expect)
    assert res.returncode == 3 or any(d["counts"]["error"] for d in data["documents"])
    # inputs are left as they were
    assert all(p.read_bytes() == b for p, b in before.items())


def test_discovery_names_each_path_once(tmp_path):
    shutil.copy(GOOD, tmp_path / "a.yaml")
    entries = discover([tmp_path / "a.yaml", tmp_path, tmp_path / "a.yaml", tmp_path / ".." / tmp_path.name])
    assert [e.display if isinstance(e, Input) else e.path for e in entries] == [str(tmp_path / "a.yaml")]


def test_explicit_broken_link_and_loop_are_documents(tmp_path):
    os.symlink(tmp_path / "nope.pdf", tmp_path / "broken.pdf")
    os.symlink("self.pdf", tmp_path / "self.pdf")
    report = api.check_paths([tmp_path / "broken.pdf", tmp_path / "self.pdf"], workers=1)
    assert [(d.status, d.error["code"]) for d in report.documents] == [("error", "broken_link"), ("error", "link_loop")]
    assert report.exit_code(__import__("plandoc.findings").findings.Severity.error) == 3


def test_missing_path_is_usage_error(tmp_path):
    res = run_cli("check", str(tmp_path / "nope.yaml"))
    assert res.returncode == 2
    assert "no such file" in res.stderr


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to check an unreadable file as root")
def test_permission_denied_in_process(tmp_path, monkeypatch):
    p = tmp_path / "a.yaml"
    shutil.copy(GOOD, p)
    real_open = os.open

    def deny(path, *a, **kw):
        if str(path) == str(p):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *a, **kw)

    monkeypatch.setattr(os, "open", deny)
    (d,) = api.check_paths([p]).documents
    assert (d.status, d.error["code"]) == ("error", "permission_denied")
    assert str(p) not in d.error["message"]
