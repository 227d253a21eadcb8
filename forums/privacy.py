"""The forum's part of a person's data rights (the plug-in contract's ``person_data`` and ``erase_person``,
komunitas/privacy.py): the feedback they gave and received, their reflections, their practice log, the
sessions they presented or took notes at."""

from __future__ import annotations

from komunitas.models import Person
from komunitas.uploads import delete_files_on_commit

from .models import ForumSession, PeerFeedback, PracticeLog, Reflection


def _forum(forum: ForumSession) -> dict:
    return {"forum": forum.session.title, "date": forum.session.date.isoformat()}


def person_data(person: Person) -> dict[str, list[dict]]:
    feedback = PeerFeedback.objects.select_related("forum__session", "author", "presenter")
    forums = ForumSession.objects.filter(presenters=person) | ForumSession.objects.filter(notetaker=person)
    return {
        "forums.PeerFeedback": [
            {
                **_forum(item.forum),
                "from": str(item.author),
                "to": str(item.presenter),
                "went_well": item.went_well,
                "question": item.question,
                "suggestion": item.suggestion,
                "anonymous": item.anonymous,
            }
            for item in feedback.filter(author=person) | feedback.filter(presenter=person)
        ],
        "forums.Reflection": [
            {**_forum(item.forum), "learned": item.learned, "will_try": item.will_try}
            for item in Reflection.objects.filter(author=person).select_related("forum__session")
        ],
        "forums.PracticeLog": [
            {
                "date": item.date.isoformat(),
                "class": item.class_name,
                "method": str(item.method),
                "how_it_went": item.how_it_went,
                "evidence": item.evidence_name,
            }
            for item in PracticeLog.objects.filter(teacher=person).select_related("method")
        ],
        "forums.ForumSession": [
            {**_forum(forum), "as": "presenter" if person in forum.presenters.all() else "note-taker"}
            for forum in forums.distinct().select_related("session").prefetch_related("presenters")
        ],
    }


def erase_person(person: Person, by) -> None:
    """What they wrote, and what was written about them, goes; each entry stays, so the forum's counts (feedback
    given, reflections, methods tried per teacher) stay. Evidence files are deleted: they may show students."""
    PeerFeedback.objects.filter(author=person).update(went_well="", question="", suggestion="")
    PeerFeedback.objects.filter(presenter=person).update(went_well="", question="", suggestion="")
    Reflection.objects.filter(author=person).update(learned="", will_try="")
    for log in PracticeLog.objects.filter(teacher=person):
        delete_files_on_commit([log.evidence])  # after commit: a rolled-back erasure keeps them
        log.evidence, log.how_it_went, log.evidence_name, log.evidence_type = "", "", "", ""
        log.save(update_fields=["how_it_went", "evidence", "evidence_name", "evidence_type"])
