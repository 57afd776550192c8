from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import REPO

AS_OF = "2026-11-27"


def cli_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CI",)}
    env["PYTHONPATH"] = str(REPO / "src")
    env.update(extra)
    return env


def cli_command(*args: str, honour_permissions: bool = False) -> list[str]:
    cmd = [sys.executable, "-m", "plandoc.cli", *args]
    if honour_permissions and os.geteuid() == 0:
        # Root reads a chmod 000 file anyway; without these two capabilities it cannot.
        setpriv = shutil.which("setpriv")
        if not setpriv:
            pytest.skip("running as root without setpriv: cannot make a file unreadable")
        cmd = [setpriv, "--bounding-set", "-dac_override,-dac_read_search", *cmd]
    return cmd


def run_cli(*args: str, honour_permissions: bool = False, timeout: float = 120, **kw) -> subprocess.CompletedProcess:
    """plandoc in a fresh process (for signals, terminals and file permissions)."""
    return subprocess.run(cli_command(*args, honour_permissions=honour_permissions), capture_output=True,
                          text=kw.pop("text", True), env=kw.pop("env", cli_env()), timeout=timeout, cwd=kw.pop("cwd", REPO), **kw)


@pytest.fixture
def world_tmp():
    """A temporary folder any user can read (for running plandoc as an unprivileged user)."""
    import shutil
    import tempfile

    d = Path(tempfile.mkdtemp(prefix="plandoc-batch-"))
    os.chmod(d, 0o755)
    yield d
    for root, dirs, files in os.walk(d):
        for name in dirs + files:
            try:
                os.chmod(os.path.join(root, name), 0o755, follow_symlinks=False)
            except (OSError, NotImplementedError):
                pass
    shutil.rmtree(d, ignore_errors=True)


class _Result:
    def __init__(self, code: int, stdout, stderr):
        self.returncode, self.stdout, self.stderr = code, stdout, stderr


def invoke(*args: str, text: bool = True) -> _Result:
    """plandoc in this process (CliRunner): much faster than a fresh interpreter; workers still fork."""
    from click.testing import CliRunner

    from plandoc.cli import cli

    res = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    out = res.stdout if text else res.stdout_bytes
    return _Result(res.exit_code, out, res.stderr)
