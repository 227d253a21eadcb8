"""The test world builds: two cycles, one with a plan, an open lesson and a reflection."""

from lessonstudy.models import LS_REFLECTION, OPEN_LESSON


def test_the_world_has_a_cycle_with_its_plan_lesson_and_reflection(world):
    cycle = world["cycle"]
    assert cycle.plan_versions.get().number == 1 and cycle.team.count() == 2
    assert (world["open_lesson"].kind, world["reflection"].kind) == (OPEN_LESSON, LS_REFLECTION)
    assert world["open_lesson"].open_lesson.cycle == cycle and world["reflection"].lesson_reflection.cycle == cycle
