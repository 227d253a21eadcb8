"""All responses of a program as a table, for XLSX and CSV: one row per response, one column per item, with the
scale's real values and labels (never internal codes). Names of respondents only for those who may see them."""

from __future__ import annotations

from collections import defaultdict

from django.utils.translation import gettext as _

from komunitas.access import ProgramAccess
from komunitas.export import Sheet, csv_text, workbook

from .models import Answer, ItemType, Response


def _answer_cell(item, answer, instrument) -> object:
    if answer is None:
        return ""
    if item.type == ItemType.LIKERT and answer.value is not None:
        return f"{answer.value:g} = {instrument.scale_label(int(answer.value))}"
    if item.type == ItemType.YES_NO and answer.value is not None:
        return _("Yes") if answer.value else _("No")
    if item.type == ItemType.NUMBER:
        return answer.value
    return answer.text


def sheets(access: ProgramAccess) -> list[tuple[str, list[list]]]:
    """One sheet per instrument: a header row, then a row per response. Four queries."""
    program = access.program
    instruments = list(program.instruments.prefetch_related("items"))
    responses = defaultdict(list)
    for response in Response.objects.filter(instrument__program=program).select_related("respondent", "session"):
        responses[response.instrument_id].append(response)
    answers = {(a.response_id, a.item_id): a for a in Answer.objects.filter(response__instrument__program=program)}
    names = access.sees_personal_data
    result = []
    for instrument in instruments:
        items = list(instrument.items.all())
        header = [_("Response"), _("Phase"), _("Date"), _("Week"), _("Respondent"), _("Session"), _("Notes")]
        header += [f"{number}. {item.text}" for number, item in enumerate(items, start=1)]
        rows = [header]
        for response in sorted(responses[instrument.pk], key=lambda r: (r.date, r.pk)):
            respondent = ""
            if response.respondent is not None:
                respondent = response.respondent.name if names else response.respondent.get_kind_display()
            elif response.link_id:
                respondent = _("anonymous (link)")
            row = [
                response.pk,
                response.get_phase_display(),
                response.date.isoformat(),
                program.week_of(response.date) or "",
                respondent,
                response.session.title if response.session else "",
                response.notes if names else "",
            ]
            row += [_answer_cell(item, answers.get((response.pk, item.pk)), instrument) for item in items]
            rows.append(row)
        result.append((instrument.title, rows))
    return result


def evaluation_sheets(access: ProgramAccess) -> list[Sheet]:
    """Its tables in the program's export (the plug-in contract's ``export_sheets``): a sheet per instrument. Answers
    in words may name students: for the school's staff only."""
    return [
        Sheet(f"evaluation-{number}", title, rows, personal=True)
        for number, (title, rows) in enumerate(sheets(access), start=1)
    ]


def as_csv(access: ProgramAccess) -> str:
    """Every instrument's sheet one after another, each preceded by its title (a CSV has one table)."""
    rows: list[list] = []
    for title, table in sheets(access):
        rows += [[title], *table, []]
    return csv_text(rows)


def as_xlsx(access: ProgramAccess) -> bytes:
    return workbook(sheets(access) or [(_("Responses"), [[_("No instruments yet.")]])])
