"""The clubs' part of a person's data rights (the plug-in contract's ``person_data``, komunitas/privacy.py): the
clubs they are a member or a mentor of. Membership holds nothing about them but the link, so erasure keeps it
(the club's counts stay); their attendance at meetings is the core's."""

from __future__ import annotations

from komunitas.models import Person

from .models import Club


def person_data(person: Person) -> dict[str, list[dict]]:
    rows = [{"club": club.name, "as": "member"} for club in Club.objects.filter(members=person)]
    rows += [{"club": club.name, "as": "mentor"} for club in Club.objects.filter(mentors=person)]
    return {"projects.Club": rows}
