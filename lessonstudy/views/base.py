"""What the cycles' pages share: finding a cycle of the program."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from komunitas.access import ProgramAccess

from ..models import Cycle
from ..selectors import with_stage


def get_cycle(access: ProgramAccess, pk: int) -> Cycle:
    """A cycle of the program with its stage and model teacher, in one query (tenant first: another program's
    cycle is a 404)."""
    cycles = with_stage(access.program.lesson_cycles.select_related("model_teacher", "previous"))
    cycle = get_object_or_404(cycles, pk=pk)
    cycle.program = access.program  # read once already; no query when the page asks
    return cycle
