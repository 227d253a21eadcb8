"""Finding a Dapodik header by what it says, wherever the title lines above it end."""

from __future__ import annotations

from collections.abc import Callable

from ..roster_import import Row, _text

TITLE_ROWS = 25  # Dapodik puts four or five title lines above the header; schools sometimes add a few


def word(cell: object) -> str:
    """A header cell as a comparable word: "  Rombel  Saat\nIni " → "rombel saat ini", "No." → "no"."""
    if not isinstance(cell, str):
        return ""
    return " ".join(cell.replace("_", " ").casefold().split()).strip(" .:")


def find_header(table: list[list[object]], fits: Callable[[set[str]], bool]) -> int | None:
    """The index of the first row whose words together ``fit`` — several words, so that a title line such as
    "Nama Sekolah: SMP Negeri 1" or a lone "Nama" is never taken for the header."""
    for index, cells in enumerate(table[:TITLE_ROWS]):
        if fits({word(cell) for cell in cells}):
            return index
    return None


def first_column(columns: dict[str, int], *words: str) -> int | None:
    for name in words:
        if name in columns:
            return columns[name]
    return None


class Cells:
    """One data row's cells, read as text (numbers as written, dates refused onto the row's errors)."""

    def __init__(self, cells: list[object], row: Row, labels: dict[int, str]):
        self.cells, self.row, self.labels = cells, row, labels

    def __call__(self, column: int | None) -> str:
        if column is None or column >= len(self.cells):
            return ""
        return _text(self.cells[column], self.labels.get(column, ""), self.row.errors)


def number(text: str) -> str:
    """A NISN, NIPD, NIP or NUPTK: digits as written (a NIP is often spaced), or nothing for "-" and the like."""
    compact = "".join(text.split())
    return compact[:32] if any(ch.isdigit() for ch in compact) else ""


def is_blank(cells: list[object]) -> bool:
    return not any(cell is not None and str(cell).strip() for cell in cells)
