"""Rule docs are generated from the rule files; a stale docs/rules/ fails the suite."""

from __future__ import annotations

from plandoc.ruledocs import generate

from .conftest import REPO


def test_rule_docs_are_up_to_date(tmp_path, ruleset):
    generate(ruleset, tmp_path)
    committed = REPO / "docs" / "rules"
    fresh = {p.name: p.read_text() for p in tmp_path.iterdir()}
    have = {p.name: p.read_text() for p in committed.glob("*.md")} if committed.is_dir() else {}
    stale = sorted(n for n in fresh if have.get(n) != fresh[n]) + sorted(set(have) - set(fresh))
    assert not stale, f"docs/rules is stale ({', '.join(stale[:5])}); run: python -m plandoc.ruledocs"


def test_every_command_has_help():
    from click.testing import CliRunner

    from plandoc.cli import cli

    def walk(group, prefix):
        for name, cmd in group.commands.items():
            yield prefix + [name], cmd
            if hasattr(cmd, "commands"):
                yield from walk(cmd, prefix + [name])

    for path, cmd in walk(cli, []):
        assert cmd.help, f"'plandoc {' '.join(path)}' has no help text"
        assert CliRunner().invoke(cli, path + ["--help"]).exit_code == 0
