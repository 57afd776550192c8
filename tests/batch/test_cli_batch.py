"""The batch command line: exit codes, Ctrl-C, progress, verbosity, duplicate goals across clients."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time

import yaml

from plandoc.progress import Progress, wanted

from ..conftest import SAMPLES
from .conftest import AS_OF, cli_command, cli_env, invoke

GOOD = SAMPLES / "intake" / "complete.yaml"


def test_exit_codes_hold_with_workers(tmp_path):
    shutil.copy(GOOD, tmp_path / "ok.yaml")
    assert invoke("check", str(tmp_path / "ok.yaml"), "--as-of", AS_OF, "--workers", "2").returncode == 0
    assert invoke("check", str(tmp_path / "ok.yaml"), "--as-of", AS_OF, "--fail-on", "info").returncode == 1
    (tmp_path / "empty.pdf").write_bytes(b"")
    assert invoke("check", str(tmp_path), "--as-of", AS_OF).returncode == 3  # unreadable, no failing findings
    shutil.copy(SAMPLES / "intake" / "missing-sections.yaml", tmp_path / "bad.yaml")
    assert invoke("check", str(tmp_path), "--as-of", AS_OF).returncode == 1  # failing findings win
    assert invoke("check", str(tmp_path), "--workers", "0").returncode == 2
    assert invoke("check", str(tmp_path), "--format", "pdf").returncode == 2
    res = invoke("check", str(tmp_path), "-v", "-q")
    assert res.returncode == 2 and "not both" in res.stderr
    res = invoke("check", str(tmp_path), "--max-memory", "64")
    assert res.returncode == 2 and "too small" in res.stderr


def test_ctrl_c_kills_workers_and_writes_nothing(tmp_path):
    plans = tmp_path / "plans"
    plans.mkdir()
    for i in range(2000):  # about 25 s of work at the current speed: far more than the wait below
        shutil.copy(GOOD, plans / f"{i:04d}.yaml")
    out = tmp_path / "out" / "report.json"
    out.parent.mkdir()
    proc = subprocess.Popen(cli_command("check", str(plans), "--format", "json", "-o", str(out), "--workers", "2"),
                            env=cli_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    time.sleep(2)
    assert proc.poll() is None, "the run ended before it could be interrupted"
    os.killpg(proc.pid, signal.SIGINT)  # what a terminal does: the whole foreground group
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert b"interrupted" in err and b"Traceback" not in err
    assert list(out.parent.iterdir()) == []  # no report, no temporary file
    time.sleep(0.5)
    leftovers = []
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                if str(plans).encode() in open(f"/proc/{pid}/cmdline", "rb").read():
                    leftovers.append(pid)
            except OSError:
                pass
    assert leftovers == []


def test_progress_only_on_a_terminal_and_not_in_ci(tmp_path, monkeypatch):
    import io

    assert not wanted(io.StringIO())
    p = Progress(io.StringIO())
    line = p.line(50, 200, now=p.started + 10)
    assert "50/200 files" in line and "5.0/s" in line and "0:30 left" in line
    from .test_formats import _pty_run

    for i in range(30):
        shutil.copy(GOOD, tmp_path / f"{i}.yaml")
    code, term, out = _pty_run(["check", str(tmp_path), "--format", "json", "--as-of", AS_OF], "stderr")
    assert code == 0 and b"30/30 files" in term and b"/s" in term
    assert json.loads(out)["summary"]["documents"] == 30  # stdout is the report only
    env = cli_env(CI="true")
    piped = subprocess.run(cli_command("check", str(tmp_path), "--format", "json", "--as-of", AS_OF),
                           capture_output=True, env=env)
    assert piped.stderr == b""


def test_same_goal_for_three_clients_is_reported_on_each(tmp_path):
    base = yaml.safe_load(GOOD.read_text())
    clients = [("Avery Stone", "A-1"), ("Blake Moss", "B-2"), ("Casey Fern", "C-3"), ("Avery Stone", "A-1")]
    for i, (name, cid) in enumerate(clients):
        data = json.loads(json.dumps(base, default=str))
        data["client"].update(name=name, preferred_name=name.split()[0], client_id=cid)
        first = name.split()[0]
        data["goals"][0]["objectives"][0]["statement"] = (
            f"{first} will attend 3 SMART Recovery meetings per week for 12 weeks, shown on an attendance log.")
        (tmp_path / f"{i}.yaml").write_text(yaml.safe_dump(data))
    res = invoke("check", str(tmp_path), "--format", "json", "--as-of", AS_OF)
    docs = json.loads(res.stdout)["documents"]
    # (the rest of the copied sample plan is the same for every client too, and is flagged as well)
    hits = [[f for f in d["findings"] if f["rule"] == "PD102" and "SMART Recovery meetings" in f["evidence"]]
            for d in docs]
    assert [len(h) for h in hits] == [1, 1, 1, 1]
    f = hits[0][0]
    assert f["category"] == "vague_goal" and f["section"] == "goals" and "3 different clients" in f["message"]
    assert f["evidence"].startswith("Avery will attend") and f["source"]["citation"].startswith("TJC")
    raised = invoke("check", str(tmp_path), "--format", "json", "--as-of", AS_OF, "--duplicate-threshold", "4")
    assert not [f for d in json.loads(raised.stdout)["documents"] for f in d["findings"] if f["rule"] == "PD102"]
    # one client's four plans are not four clients
    for i in (1, 2):
        (tmp_path / f"{i}.yaml").unlink()
    alone = invoke("check", str(tmp_path), "--format", "json", "--as-of", AS_OF)
    assert not [f for d in json.loads(alone.stdout)["documents"] for f in d["findings"] if f["rule"] == "PD102"]
