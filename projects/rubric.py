"""The 4C rubric: the levels of each scale a school may choose (DESIGN: Kurikulum Merdeka P5's BB/MB/BSH/SB, or the
2025 co-curricular Berkembang/Cakap/Mahir) and what each level looks like for each skill, shown when scoring.

A level's code and label are stored with every assessment (``SkillAssessment``); a score is the level's rank,
1 to the number of levels (4 for P5, 3 for 2025)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from komunitas.contract import Text

from .models import ClubRubric, RubricScale, Skill


@dataclass(frozen=True)
class Level:
    score: int
    code: str
    label: str  # the curriculum's own Indonesian words, stored as scored


LEVELS: dict[str, list[Level]] = {
    RubricScale.P5: [
        Level(1, "BB", "Belum Berkembang"),
        Level(2, "MB", "Mulai Berkembang"),
        Level(3, "BSH", "Berkembang Sesuai Harapan"),
        Level(4, "SB", "Sangat Berkembang"),
    ],
    RubricScale.CO_CURRICULAR_2025: [
        Level(1, "B", "Berkembang"),
        Level(2, "C", "Cakap"),
        Level(3, "M", "Mahir"),
    ],
}

# What a mentor sees at each rank of a four-level scale; a three-level scale shows ranks 1, 3 and 4 (its lowest
# is "still developing", its highest "independent and helps others").
DESCRIPTORS: dict[str, list[Text]] = {
    Skill.CRITICAL_THINKING: [
        _("Accepts information as given; asks questions only when prompted."),
        _("Asks questions and compares a few sources with help."),
        _("Checks information, gives reasons and draws sound conclusions on their own."),
        _("Weighs evidence, spots weak arguments and helps the group reason better."),
    ],
    Skill.CREATIVITY: [
        _("Copies an example; offers no idea of their own yet."),
        _("Offers ideas when asked, close to the examples seen."),
        _("Proposes original ideas and tries them out in the project."),
        _("Turns ideas into new solutions and improves them from feedback."),
    ],
    Skill.COMMUNICATION: [
        _("Speaks or writes little about the work, even when asked."),
        _("Explains parts of the work with help."),
        _("Explains the work clearly, listens and answers questions."),
        _("Presents convincingly to different audiences and adapts to them."),
    ],
    Skill.COLLABORATION: [
        _("Works alone or waits for others to act."),
        _("Takes part in the group when asked; does an assigned task."),
        _("Shares tasks, helps others and keeps to the group's agreements."),
        _("Leads the group fairly, settles disagreements and brings everyone in."),
    ],
}
THREE_LEVEL_RANKS = (0, 2, 3)

# Under a chart's bars the skills' names are too long (a phone's width, a report column): a short word each.
AXIS_LABELS: dict[str, Text] = {
    Skill.CRITICAL_THINKING: _("Critical"),
    Skill.CREATIVITY: _("Creativity"),
    Skill.COMMUNICATION: _("Commun."),
    Skill.COLLABORATION: _("Collab."),
}


def scale_of(school_id: int) -> str:
    """The school's rubric scale (P5 unless it chose another). One query."""
    scale = ClubRubric.objects.filter(school_id=school_id).values_list("scale", flat=True).first()
    return scale or RubricScale.P5


def levels(scale: str) -> list[Level]:
    return LEVELS[scale]


def level_for(scale: str, score: int) -> Level | None:
    return next((level for level in LEVELS[scale] if level.score == score), None)


def descriptors(scale: str, skill: str) -> list[Text]:
    """One descriptor per level of the scale, lowest first."""
    texts = DESCRIPTORS[skill]
    if len(LEVELS[scale]) == 3:
        return [texts[rank] for rank in THREE_LEVEL_RANKS]
    return list(texts)
