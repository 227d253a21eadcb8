"""All responses of a program as a table, for XLSX and CSV: one row per response, one column per item, with the
scale's real values and labels (never internal codes). Names of respondents only for those who may see them."""

from __future__ import annotations

import csv
import io
from collections import defaultdict

from django.utils.translation import gettext as _

from komunitas.access import ProgramAccess

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


def as_csv(access: ProgramAccess) -> str:
    """Every instrument's sheet one after another, each preceded by its title (a CSV has one table)."""
    out = io.StringIO()
    writer = csv.writer(out)
    for title, rows in sheets(access):
        writer.writerow([_safe(title)])
        writer.writerows([_safe(cell) for cell in row] for row in rows)
        writer.writerow([])
    return "\ufeff" + out.getvalue()  # the BOM makes Excel read UTF-8


def as_xlsx(access: ProgramAccess) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    used = set()
    for title, rows in sheets(access) or [(_("Responses"), [[_("No instruments yet.")]])]:
        name = "".join(ch for ch in title if ch not in "[]:*?/\\")[:28] or "Sheet"
        while name in used:
            name = name[:26] + str(len(used))
        used.add(name)
        sheet = book.create_sheet(name)
        for row in rows:
            # control characters (pasted into an answer) cannot be stored in a worksheet: they are left out
            sheet.append([ILLEGAL_CHARACTERS_RE.sub("", cell) if isinstance(cell, str) else cell for cell in row])
        for line in sheet.iter_rows():
            for cell in line:
                if cell.data_type == "f":  # text beginning with "=": a string cell, never a formula
                    cell.data_type = "s"
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _safe(cell):
    """In a CSV, text that a spreadsheet would run as a formula is kept as text (an XLSX cell says its type)."""
    if isinstance(cell, str) and cell[:1] in ("=", "+", "-", "@"):
        return "'" + cell
    return cell
