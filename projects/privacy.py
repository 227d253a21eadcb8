"""The clubs' part of a person's data rights (the plug-in contract's ``person_data`` and ``erase_person``,
komunitas/privacy.py): the clubs they are a member or a mentor of, their 4C assessments, the artifacts linked to
them."""

from __future__ import annotations

from komunitas.models import Person

from .models import Artifact, Club, SkillAssessment


def person_data(person: Person) -> dict[str, list[dict]]:
    rows = [{"club": club.name, "as": "member"} for club in Club.objects.filter(members=person)]
    rows += [{"club": club.name, "as": "mentor"} for club in Club.objects.filter(mentors=person)]
    assessments = SkillAssessment.objects.filter(person=person).select_related("club")
    artifacts = Artifact.objects.filter(people=person).select_related("project__club")
    return {
        "projects.Club": rows,
        "projects.SkillAssessment": [
            {
                "club": item.club.name,
                "phase": item.phase,
                "week": item.week,
                "skill": item.skill,
                "level": f"{item.level_code} ({item.level_label})",
                "score": item.score,
            }
            for item in assessments
        ],
        "projects.Artifact": [
            {
                "project": item.project.title,
                "club": item.project.club.name,
                "caption": item.caption,
                "file": item.original_name,
            }
            for item in artifacts
        ],
    }


def erase_person(person: Person, by) -> None:
    """Artifacts linked to them go with their files: what a child made, or a photo of them, is theirs. Their club
    memberships and 4C scores stay with the anonymised person (the core keeps the row, without a name), so the
    clubs' counts and the program's 4C averages stay true."""
    for artifact in Artifact.objects.filter(people=person):
        artifact.delete()  # the file goes after commit (uploads.remove_files_of)
