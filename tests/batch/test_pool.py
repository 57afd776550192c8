"""Workers: deadlines and memory caps enforced by killing, fresh workers, order, recycling."""

from __future__ import annotations

import os
import shutil
import time

import pytest

from plandoc import api
from plandoc.batch import Runner
from plandoc.findings import Severity
from plandoc.pool import Limits, Pool

from ..conftest import SAMPLES

GOOD = SAMPLES / "intake" / "complete.yaml"


def _pid(x):
    return os.getpid()


def _sleepy(x):
    time.sleep(x)
    return x


def _core_limit(x):
    import resource

    return resource.getrlimit(resource.RLIMIT_CORE)


def test_workers_write_no_core_dumps():
    """RELIABILITY.md case 40: a crashing worker leaves no core file holding PHI."""
    pool = Pool(_core_limit, 1, Limits(timeout=10))
    (_, out), = list(pool.map([(0, 0)]))
    assert out.value == (0, 0)


def test_pool_recycles_workers_after_n_tasks():
    pool = Pool(_pid, 1, Limits(timeout=10, recycle_after=2))
    pids = [o.value for _, o in pool.map((i, i) for i in range(6))]
    assert len(set(pids)) == 3 and os.getpid() not in pids


def test_pool_kills_at_deadline_and_goes_on():
    pool = Pool(_sleepy, 2, Limits(timeout=0.5))
    started = time.monotonic()
    out = dict(pool.map(enumerate([0.0, 30.0, 0.0, 0.0, 30.0, 0.0])))
    assert time.monotonic() - started < 5
    assert [out[i].failure for i in range(6)] == [None, "timeout", None, None, "timeout", None]


@pytest.fixture
def folder(tmp_path):
    for name in ("a", "hang-b", "c", "bomb-d", "e", "crash-f", "g"):
        shutil.copy(GOOD, tmp_path / f"{name}.yaml")
    return tmp_path


@pytest.fixture
def hostile_reader(monkeypatch):
    """A reader that hangs in C-like fashion, exhausts memory, or dies, by file name.

    Workers are forked, so they inherit the patch.
    """
    real = Runner.read

    def read(self, item):
        name = item.path.name
        if name.startswith("hang"):
            time.sleep(3600)
        if name.startswith("bomb"):
            hog = []
            while True:
                hog.append(bytearray(64 * 1024 * 1024))
        if name.startswith("crash"):
            os._exit(7)
        return real(self, item)

    monkeypatch.setattr(Runner, "read", read)


def test_batch_survives_hang_bomb_and_crash(folder, hostile_reader):
    started = time.monotonic()
    report = api.check_paths([folder], workers=2, timeout=2, max_memory_mb=1024, as_of=None)
    assert time.monotonic() - started < 30
    got = [(os.path.basename(d.path), d.status, (d.error or {}).get("code")) for d in report.documents]
    assert got == [("a.yaml", "checked", None), ("bomb-d.yaml", "error", "resource_limit"),
                   ("c.yaml", "checked", None), ("crash-f.yaml", "error", "worker_crashed"),
                   ("e.yaml", "checked", None), ("g.yaml", "checked", None),
                   ("hang-b.yaml", "error", "timeout")]
    for d in report.documents:
        if d.error:
            assert "took longer" in d.error["message"] or "memory" in d.error["message"] or "stopped" in d.error["message"]
            assert str(folder) not in d.error["message"]
    assert report.exit_code(Severity.error) == 3


def test_one_worker_still_enforces_the_deadline(tmp_path, hostile_reader):
    shutil.copy(GOOD, tmp_path / "hang.yaml")
    shutil.copy(GOOD, tmp_path / "ok.yaml")
    report = api.check_paths([tmp_path], workers=1, timeout=1)
    assert [(d.status, (d.error or {}).get("code")) for d in report.documents] == [
        ("error", "timeout"), ("checked", None)]


def test_results_keep_input_order_and_match_in_process(tmp_path):
    for i in range(12):
        shutil.copy(SAMPLES / "intake" / sorted(os.listdir(SAMPLES / "intake"))[i % 7], tmp_path / f"{i:02d}.yaml")
    parallel = api.check_paths([tmp_path], workers=2, recycle_after=3).to_contract()
    serial = api.check_paths([tmp_path], workers=0).to_contract()
    assert [d["path"] for d in parallel["documents"]] == sorted(str(p) for p in tmp_path.iterdir())
    assert parallel == serial


def test_real_flate_bomb_pdf_hits_the_memory_cap(tmp_path):
    pikepdf = pytest.importorskip("pikepdf")
    import zlib

    pdf = pikepdf.new()
    pdf.add_blank_page()
    comp = zlib.compressobj(9)
    chunk = b" " * (16 * 1024 * 1024)
    data = b"".join(comp.compress(chunk) for _ in range(64)) + comp.flush()  # 1 GiB of spaces
    stream = pikepdf.Stream(pdf, data)
    stream.Filter = pikepdf.Name.FlateDecode
    pdf.pages[0].Contents = stream
    pdf.save(tmp_path / "bomb.pdf")
    shutil.copy(GOOD, tmp_path / "ok.yaml")
    from plandoc.pool import address_space_mb

    cap = (address_space_mb() or 300) + 400  # 400 MB of headroom: less than the bomb needs
    report = api.check_paths([tmp_path], workers=1, timeout=30, max_memory_mb=cap)
    bomb, ok = report.documents
    assert ok.status == "checked"
    assert (bomb.status, bomb.error["code"]) == ("error", "resource_limit"), bomb.error
