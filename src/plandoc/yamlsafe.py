"""Safe YAML loading with line numbers, for intake and rule files.

- Only PyYAML's safe constructors run (no `!!python/...` tags).
- Anchors and aliases are refused: plan and rule files never need them, and refusing them stops
  alias bombs before anything is built.
- Dates stay strings, so the intake model parses them and reports an impossible date
  ("2026-02-30") as a field problem instead of a loader crash.
- Every mapping key and sequence item keeps the line it was written on, so an error can say
  `file.yaml:14: goals[1].target_date: ...`.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

Path = tuple[str | int, ...]

MAX_BYTES = 5 * 1024 * 1024


class YamlProblem(Exception):
    """A YAML file that cannot be read; `line` is 1-based or None. The message holds no file text."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line


class _Loader(yaml.SafeLoader):
    def compose_node(self, parent, index):  # type: ignore[override]
        if self.check_event(AliasEvent):
            event = self.peek_event()
            raise YamlProblem("uses a YAML alias (*name); write the value out in full",
                              event.start_mark.line + 1)
        node = super().compose_node(parent, index)
        if getattr(node, "anchor", None):
            raise YamlProblem("uses a YAML anchor (&name); write the value out in full",
                              node.start_mark.line + 1)
        return node


# Keep dates as text: remove the timestamp resolver from our loader only.
_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


_CLoader = None
if getattr(yaml, "__with_libyaml__", False):
    class _CLoader(yaml.CSafeLoader):  # type: ignore[no-redef]
        """libyaml's parser and composer (about 15 times faster); aliases are refused after composing."""

    _CLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers


def _refuse_aliases(node: Node) -> None:
    """libyaml composes an alias as the anchored node itself: a node met twice is an alias."""
    seen: set[int] = set()
    stack: list[tuple[Node, int]] = [(node, node.start_mark.line + 1)]
    while stack:
        n, line = stack.pop()
        if id(n) in seen:
            raise YamlProblem("uses a YAML alias (*name); write the value out in full", line)
        seen.add(id(n))
        # children in document order (the stack pops the last pushed first); an alias is reported
        # at its key, or at the line its sequence starts, since its own mark is the anchor's
        if isinstance(n, MappingNode):
            for k, v in reversed(n.value):
                stack.append((v, k.start_mark.line + 1))
                stack.append((k, k.start_mark.line + 1))
        elif isinstance(n, SequenceNode):
            here = n.start_mark.line + 1
            stack.extend((item, max(here, item.start_mark.line + 1)) for item in reversed(n.value))


def _lines(node: Node, path: Path, out: dict[Path, int]) -> None:
    out.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if isinstance(key, ScalarNode):
                p = path + (key.value,)
                out[p] = key.start_mark.line + 1
                _lines(value, p, out)
    elif isinstance(node, SequenceNode):
        for i, item in enumerate(node.value):
            p = path + (i,)
            out[p] = item.start_mark.line + 1
            _lines(item, p, out)


def _duplicate_keys(node: Node) -> tuple[str, int] | None:
    if isinstance(node, MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            if isinstance(key, ScalarNode):
                if key.value in seen:
                    return key.value, key.start_mark.line + 1
                seen.add(key.value)
            found = _duplicate_keys(value)
            if found:
                return found
    elif isinstance(node, SequenceNode):
        for item in node.value:
            found = _duplicate_keys(item)
            if found:
                return found
    return None


def load(text: str) -> tuple[Any, dict[Path, int]]:
    """Parse one YAML (or JSON) document; return the data and a map of field path -> line."""
    if len(text) > MAX_BYTES:
        raise YamlProblem(f"is larger than {MAX_BYTES // (1024 * 1024)} MB; an intake or rule file is never that big")
    loader = (_CLoader or _Loader)(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}
        if _CLoader is not None:
            _refuse_aliases(node)
        dup = _duplicate_keys(node)
        if dup:
            raise YamlProblem(f"the field '{dup[0]}' appears twice", dup[1])
        data = loader.construct_document(node)
    except YamlProblem:
        raise
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise YamlProblem("uses a YAML tag (such as !!python/...) that plandoc does not allow",
                          mark.line + 1 if mark else None) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = re.sub(r"\s+", " ", str(exc.problem or "syntax error")).strip()
        # PyYAML problems quote the offending character at most; keep the wording short.
        problem = re.sub(r"'[^']{12,}'", "'...'", problem)
        raise YamlProblem(f"is not valid YAML ({problem})", mark.line + 1 if mark else None) from None
    except yaml.YAMLError:
        raise YamlProblem("is not valid YAML") from None
    except RecursionError:
        raise YamlProblem("is nested too deeply to be a plan") from None
    finally:
        loader.dispose()
    lines: dict[Path, int] = {}
    _lines(node, (), lines)
    return data, lines


def line_for(lines: dict[Path, int], path: Path) -> int | None:
    """The line of the longest prefix of `path` that the file has."""
    p = tuple(path)
    while p:
        if p in lines:
            return lines[p]
        p = p[:-1]
    return lines.get(())
