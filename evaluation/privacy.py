"""The evaluation's part of a person's data rights (the plug-in contract's ``person_data`` and
``erase_person``): the observations, interviews and questionnaires they answered or were observed in."""

from __future__ import annotations

from django.db.models import Prefetch

from komunitas.models import Person

from .models import Answer, ItemType, Response


def person_data(person: Person) -> dict[str, list[dict]]:
    """Two queries, however many responses: the responses (with instrument and session), their answers."""
    responses = (
        Response.objects.filter(respondent=person)
        .select_related("instrument", "session")
        .prefetch_related(Prefetch("answers", queryset=Answer.objects.select_related("item")))
    )
    return {
        "evaluation.Response": [
            {
                "instrument": response.instrument.title,
                "phase": response.phase,
                "date": response.date.isoformat(),
                "session": response.session.title if response.session else "",
                "notes": response.notes,
                "answers": [
                    f"{answer.item.text} — {answer.text or _value(answer, response.instrument)}"
                    for answer in response.answers.all()
                ],
            }
            for response in responses
        ]
    }


def _value(answer: Answer, instrument) -> str:
    if answer.value is None:
        return ""
    if answer.item.type == ItemType.LIKERT:
        return f"{answer.value:g} = {instrument.scale_label(int(answer.value))}"
    return f"{answer.value:g}"


def erase_person(person: Person, by) -> None:
    """What they said goes (text answers, notes); their scores stay, linked to the erased person, so the
    analysis's counts, means and pairs stay as they were."""
    Answer.objects.filter(response__respondent=person).exclude(text="").update(text="")
    Response.objects.filter(respondent=person).exclude(notes="").update(notes="")
