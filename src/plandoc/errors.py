"""plandoc's own error types.

Every error names the input and the problem in words a billing clerk can act on, and never
carries a field value or document text (plans are PHI and 42 CFR Part 2 records).
"""

from __future__ import annotations

from .findings import Location


class PlandocError(Exception):
    """Base of every error plandoc raises on purpose."""

    code = "error"

    def __init__(self, message: str, location: Location | None = None, code: str | None = None):
        super().__init__(message)
        self.message = message
        self.location = location or Location()
        if code:
            self.code = code

    def __str__(self) -> str:
        where = self.location.file
        if where and self.location.line:
            where = f"{where}:{self.location.line}"
        return f"{where}: {self.message}" if where else self.message


class UsageError(PlandocError):
    """Bad option, unknown profile, path that does not exist."""

    code = "usage"


class RuleFileError(PlandocError):
    """A rule or profile file that cannot be loaded (unknown kind, bad regex, ...)."""

    code = "rule_file"


class InputError(PlandocError):
    """An input document or intake file that cannot be checked."""

    code = "invalid_input"


class IntakeError(InputError):
    """An intake file with one or more problems; `problems` lists each as its own line."""

    code = "invalid_intake"

    def __init__(self, file: str, problems: list[str]):
        self.problems = problems
        count = len(problems)
        summary = f"{count} problem{'s' if count != 1 else ''} in intake file"
        super().__init__(summary, Location(file=file))

    def __str__(self) -> str:
        return "\n".join(self.problems)


class UnreadableError(InputError):
    """Encrypted, corrupt, or not the format its name says."""

    code = "unreadable"


class NeedsOcrError(InputError):
    """A PDF with no text layer."""

    code = "needs_ocr"


class RenderError(PlandocError):
    """A template or value that cannot be rendered safely."""

    code = "render"


class ResourceLimitError(InputError):
    code = "resource_limit"


class UnsafeInputError(InputError):
    """A document plandoc refuses to open: macros, links Word would fetch, crafted XML or ZIP."""

    code = "unsafe_document"
