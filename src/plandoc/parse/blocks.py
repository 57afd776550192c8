"""The reader-neutral shape between a file reader and `structure`.

A reader (DOCX or PDF) turns a file into a list of `Line` and `Table` blocks in reading order.
`structure` turns those into sections, statements and facts without knowing the file format.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Line:
    """One paragraph (DOCX) or one visual line or wrapped paragraph (PDF)."""

    text: str
    cells: list[str] = field(default_factory=list)  # parts of a row separated by wide gaps (PDF)
    page: int | None = None
    paragraph: int | None = None
    bold: bool = False
    caps: bool = False  # shown in capitals (stored capitals or character formatting)
    underline: bool = False
    size: float | None = None  # font size in points (PDF)
    style_level: int | None = None  # Word heading style / outline level (1 = top)
    list_level: int | None = None  # list nesting (0 = top) when the paragraph is a list item
    indent: float | None = None  # x of the text start in points (PDF)
    bullet: bool = False
    checkbox: bool = False

    def __post_init__(self) -> None:
        if not self.cells:
            self.cells = [self.text]

    @property
    def style_key(self) -> tuple:
        """What a heading looks like, to compare headings with each other."""
        size = round(self.size) if self.size else None
        return (self.style_level, size, self.bold, self.caps, self.underline)


@dataclass
class Table:
    """A table: rows of cells; each cell is its paragraphs, or None when merged into the cell above."""

    rows: list[list[list[str] | None]]
    page: int | None = None
    paragraph: int | None = None
    # Cells shown in bold per row (the first row in bold is a header hint); optional.
    header_rows: int = 0


Block = Line | Table
