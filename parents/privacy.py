"""The parent classes' part of a person's data rights (the plug-in contract's ``person_data`` and ``erase_person``,
komunitas/privacy.py): a parent's contributions, what they said in the dialogue, their check-ins (the name and
child's class they typed), and the classes they spoke at."""

from __future__ import annotations

from komunitas.models import Person

from .models import CheckIn, Contribution, DialogueNote, ParentClass


def _class(session) -> dict:
    return {"class": session.title, "date": session.date.isoformat()} if session else {"class": None, "date": None}


def person_data(person: Person) -> dict[str, list[dict]]:
    return {
        "parents.Contribution": [
            {**_class(item.session), "date": item.date.isoformat(), "contribution": item.kind, "note": item.note}
            for item in Contribution.objects.filter(parent=person).select_related("session").order_by("date", "pk")
        ],
        "parents.DialogueNote": [
            {**_class(item.session), "kind": item.tag, "theme": item.theme, "text": item.text}
            for item in DialogueNote.objects.filter(parent=person).select_related("session")
        ],
        "parents.CheckIn": [
            {
                **_class(item.session),
                "name": item.name,
                "child_class": item.child_class,
                "status": item.status,
                "at": item.created_at.isoformat(),
            }
            for item in CheckIn.objects.filter(person=person).select_related("session")
        ],
        "parents.ParentClass": [
            {**_class(item.session), "as": "speaker"}
            for item in ParentClass.objects.filter(speaker=person).select_related("session")
        ],
    }


def erase_person(person: Person, by) -> None:
    """What they said and typed goes; every row stays, still linked to the anonymised person, so the study's figures
    stay as they were: the dialogue's count by tag, each parent's contributions and level (parents/involvement.py),
    who checked in. The text of their dialogue notes is blanked — even unlinked, what someone said of their own
    family can name them — and so are their contributions' notes and the name, child's class and network and phone
    traces of their check-ins. The classes they spoke at keep them as speaker (the core keeps the person, without a
    name)."""
    DialogueNote.objects.filter(parent=person).update(text="")
    Contribution.objects.filter(parent=person).update(note="")
    CheckIn.objects.filter(person=person).update(name="", child_class="", network="", device="")
