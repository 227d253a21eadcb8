"""Two versions of a lesson plan side by side, the differences marked (difflib, no database).

Texts are compared word by word: what the newer version dropped is ``<del>`` on the left, what it added ``<ins>`` on
the right, each with a visually hidden "removed:" / "added:" for screen readers (and struck through or underlined,
not told by colour only). The design table is compared row by row: rows are matched by their activity, so a row
inserted in the middle shows as added rather than every later row as changed."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from .models import PlanVersion

TOKENS = re.compile(r"\s+|[^\s]+")
STEP_CELLS = [
    ("activity", gettext_lazy("Learning activity")),
    ("minutes", pgettext_lazy("length of a lesson step", "Minutes")),
    ("anticipated", gettext_lazy("Anticipated student responses and the teacher's response")),
    ("observe", gettext_lazy("Points to observe")),
]
TEXT_FIELDS = [
    ("objectives", gettext_lazy("Learning objectives")),
    ("materials", gettext_lazy("Materials and media")),
    ("observer_guidance", gettext_lazy("What observers should watch")),
]


def _marked(tag: str, label: str, text: str) -> str:
    return f'<{tag}><span class="visually-hidden">{escape(label)} </span>{escape(text)}</{tag}>'


def word_diff(old: str, new: str) -> tuple[SafeString, SafeString]:
    """(old with its removed words in ``<del>``, new with its added words in ``<ins>``), escaped."""
    old_words, new_words = TOKENS.findall(old or ""), TOKENS.findall(new or "")
    left, right = [], []
    matcher = SequenceMatcher(None, old_words, new_words, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        removed, added = "".join(old_words[i1:i2]), "".join(new_words[j1:j2])
        if op == "equal":
            left.append(escape(removed))
            right.append(escape(added))
            continue
        if removed:
            left.append(_marked("del", _("removed:"), removed))
        if added:
            right.append(_marked("ins", _("added:"), added))
    return mark_safe("".join(left)), mark_safe("".join(right))  # every piece escaped above


@dataclass
class TextChange:
    label: str
    left: SafeString
    right: SafeString
    changed: bool


@dataclass
class RowChange:
    """A row of the design table in both versions: ``status`` is same, changed, added or removed."""

    status: str
    left_number: int | None
    right_number: int | None
    cells: list[TextChange] = field(default_factory=list)

    @property
    def status_label(self) -> str:
        return {"same": _("unchanged"), "changed": _("changed"), "added": _("added"), "removed": _("removed")}[
            self.status
        ]


def _cell(step: dict | None, name: str) -> str:
    if not isinstance(step, dict):
        return ""
    value = step.get(name)
    return "" if value is None else str(value)


def _row(status: str, old: dict | None, new: dict | None, left_number, right_number) -> RowChange:
    cells = []
    for name, label in STEP_CELLS:
        before, after = _cell(old, name), _cell(new, name)
        left, right = word_diff(before, after)
        cells.append(TextChange(str(label), left, right, before != after))
    if status == "same" and any(cell.changed for cell in cells):
        status = "changed"
    return RowChange(status, left_number, right_number, cells)


def _steps(version: PlanVersion) -> list[dict]:
    return [step if isinstance(step, dict) else {"activity": str(step)} for step in (version.steps or [])]


def compare_steps(old: list[dict], new: list[dict]) -> list[RowChange]:
    keys = [" ".join(_cell(step, "activity").lower().split()) for step in old]
    new_keys = [" ".join(_cell(step, "activity").lower().split()) for step in new]
    rows = []
    for _op, i1, i2, j1, j2 in SequenceMatcher(None, keys, new_keys, autojunk=False).get_opcodes():
        pairs = max(i2 - i1, j2 - j1)
        for offset in range(pairs):
            i, j = i1 + offset, j1 + offset
            before = old[i] if i < i2 else None
            after = new[j] if j < j2 else None
            status = "same" if before is not None and after is not None else ("removed" if after is None else "added")
            rows.append(
                _row(status, before, after, i + 1 if before is not None else None, j + 1 if after is not None else None)
            )
    return rows


def compare_versions(old: PlanVersion, new: PlanVersion) -> dict:
    """What the compare page shows: the texts and the design table of ``old`` and ``new`` with their
    differences marked, and whether anything differs at all."""
    texts = []
    for name, label in TEXT_FIELDS:
        before, after = getattr(old, name) or "", getattr(new, name) or ""
        left, right = word_diff(before, after)
        texts.append(TextChange(str(label), left, right, before != after))
    rows = compare_steps(_steps(old), _steps(new))
    return {
        "texts": texts,
        "rows": rows,
        "identical": not any(text.changed for text in texts) and all(row.status == "same" for row in rows),
    }
