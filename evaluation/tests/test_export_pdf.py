"""The summary table as a PDF, the PDF renderer's own-files-only fetcher, and the export of every response as
XLSX and CSV (real scale labels, names only for those who may see them, formulas kept as text)."""

import base64
import csv
import io
import socket
from urllib.parse import urljoin

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from evaluation import export, services
from evaluation.models import ItemType, Phase
from evaluation.starter import TABLE_1
from evaluation.tests.conftest import answer_all
from komunitas import pdf
from komunitas.access import program_access_for
from komunitas.pdf import BASE_URL, Refused, html_to_pdf, local_file

# --- the summary table as a PDF ---------------------------------------------------------------------------------


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def test_the_summary_pdf_has_every_aspect_row_and_the_school(client, world, principal, monkeypatch):
    fetched = []

    def spy(url):
        fetched.append(url)
        return local_file(url)

    monkeypatch.setattr(pdf, "local_file", spy)
    client.force_login(principal)
    response = client.get(reverse("evaluation:summary_pdf", args=[world["program"].pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    text = pdf_text(response.content)
    for _key, name, *_conditions in TABLE_1:
        assert name in text, name
    assert "Sudah ada namun tidak rutin" in text and "Aktif dan terjadwal" in text
    assert "SMPN H. Wukirsari" in text
    assert "Komunitas Belajar Kolaboratif" in text
    # its print stylesheet came through the fetcher, and applies: A4 landscape (842 × 595 pt)
    assert BASE_URL + "static/evaluation/summary_print.css" in fetched
    box = PdfReader(io.BytesIO(response.content)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)


# --- the PDF's fetcher: our own static and media files only ---------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com",
        "http://example.com/static/evaluation/summary_print.css",
        "file:///etc/passwd",
        "/static/../../settings.py",
        "/media/../x",
        # as WeasyPrint hands them over: resolved against the base URL, or not normalised
        urljoin(BASE_URL, "/static/../../settings.py"),
        BASE_URL + "static/../../komunitas/settings.py",
        BASE_URL + "static/evaluation/../../../../komunitas/settings.py",
        BASE_URL + "static/%2e%2e/%2e%2e/komunitas/settings.py",
        BASE_URL + "static/evaluation%2f..%2f..%2f..%2fkomunitas/settings.py",
        BASE_URL + "static//etc/passwd",
        BASE_URL + "media/../x",
        BASE_URL + "media//etc/passwd",
        BASE_URL + "static/evaluation/",  # a folder, not a file
        BASE_URL + "static/evaluation/no-such-file.css",
        BASE_URL + "komunitas/settings.py",
        "https://komunitas.pdf:8443/static/evaluation/summary_print.css",
        "https://user@komunitas.pdf/static/evaluation/summary_print.css",
    ],
)
def test_the_fetcher_refuses_what_is_not_our_file(url):
    with pytest.raises(Refused):
        local_file(url)


def test_the_fetcher_serves_a_real_static_file():
    file = local_file(BASE_URL + "static/evaluation/summary_print.css")
    assert file.name == "summary_print.css"
    assert "@page" in file.read_text()


def test_the_fetcher_serves_an_uploaded_file_inside_media(settings):
    uploads = settings.MEDIA_ROOT / "attachments"
    uploads.mkdir(parents=True)
    (uploads / "foto.jpg").write_bytes(b"jpeg")
    assert local_file(BASE_URL + "media/attachments/foto.jpg").read_bytes() == b"jpeg"


PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC")


def image_count(content: bytes) -> int:
    return sum(len(page.images) for page in PdfReader(io.BytesIO(content)).pages)


def test_a_pdf_with_foreign_images_renders_without_fetching_them(tmp_path):
    # A picture on disk (readable through file://) and a listening port (reachable over http): neither may be used.
    picture = tmp_path / "rahasia.png"
    picture.write_bytes(PNG)
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.setblocking(False)
    port = listener.getsockname()[1]
    html = (
        '<p>Laporan</p><img src="file:///etc/passwd"><img src="http://127.0.0.1:9/x.png">'
        f'<img src="file://{picture}"><img src="http://127.0.0.1:{port}/x.png">'
        '<link rel="stylesheet" href="http://127.0.0.1:9/x.css">'
    )
    try:
        content = html_to_pdf(html)
        with pytest.raises(BlockingIOError):
            listener.accept()  # nobody connected
    finally:
        listener.close()
    assert content.startswith(b"%PDF-")
    assert "Laporan" in pdf_text(content)
    assert image_count(content) == 0


def test_a_data_url_image_is_drawn():
    # the control of the test above: an image the fetcher allows does reach the PDF
    content = html_to_pdf(f'<img src="data:image/png;base64,{base64.b64encode(PNG).decode()}">')
    assert image_count(content) == 1


# --- XLSX and CSV export -----------------------------------------------------------------------------------------

FORMULA = '=HYPERLINK("http://example.com","klik")'


@pytest.fixture
def exported(world, instruments, program, facilitator, teacher):
    """The world's responses, plus a teacher's questionnaire whose text answer is a formula and an observation of
    the students (a yes/no item)."""
    students = instruments["observation_student"]
    answers = [
        (item, 0.0 if item.type == ItemType.YES_NO else value, text) for item, value, text in answer_all(students, 3)
    ]
    world["observed_students"] = services.response_record(
        instrument=students, answers=answers, phase=Phase.WEEKLY, date=program.start_date, user=facilitator
    )
    questionnaire = world["questionnaire"]
    answers = []
    for item, value, text in answer_all(questionnaire, value=4):
        answers.append((item, value, FORMULA if text else text))
    services.response_record(
        instrument=questionnaire, answers=answers, phase=Phase.ENDLINE, date=program.end_date,
        respondent=teacher.person, notes="Catatan fasilitator", user=facilitator,
    )  # fmt: skip
    return world


def xlsx(client, user, program):
    client.force_login(user)
    response = client.get(reverse("evaluation:export_xlsx", args=[program.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return load_workbook(io.BytesIO(response.content))


def sheet_rows(sheet) -> list[list]:
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_xlsx_has_a_sheet_per_instrument_with_real_scale_labels(client, exported, principal, program):
    book = xlsx(client, principal, program)
    instruments = list(program.instruments.all())
    assert len(book.sheetnames) == len(instruments)
    for instrument, name in zip(instruments, book.sheetnames, strict=True):
        assert name == "".join(ch for ch in instrument.title if ch not in "[]:*?/\\")[:28]
    questionnaire = book.worksheets[instruments.index(exported["questionnaire"])]
    rows = sheet_rows(questionnaire)
    header, *answers = rows
    assert header[:5] == ["Response", "Phase", "Date", "Week", "Respondent"]
    assert header[7].startswith("1. Saya hadir secara rutin")
    assert len(answers) == 2  # the world's baseline answer and the endline one above
    baseline = next(row for row in answers if row[1] == "Baseline (start)")
    assert "4 = Setuju (S)" in baseline
    observation = sheet_rows(book.worksheets[instruments.index(exported["observation"])])
    assert "4 = Sangat baik" in observation[1]  # the observation sheet's own 4–1 scale
    students = sheet_rows(book.worksheets[instruments.index(exported["observed_students"].instrument)])
    assert "No" in students[1] and "3 = Baik" in students[1]  # a yes/no answer in words; the 4–1 scale
    # never an internal code: phases, kinds of respondent, or bare values for Likert and yes/no answers
    for sheet in book.worksheets:
        for row in sheet_rows(sheet)[1:]:
            assert row[1] in ("Baseline (start)", "During the program", "Endline (end)")
            assert not {row[1], row[4], *row[7:]} & {"baseline", "weekly", "endline", "teacher", "likert", "yes_no"}
    assert baseline[7:15] == ["4 = Setuju (S)"] * 8


def test_xlsx_names_respondents_for_the_principal(client, exported, principal, program, teacher):
    book = xlsx(client, principal, program)
    rows = sheet_rows(book.worksheets[list(program.instruments.all()).index(exported["questionnaire"])])
    assert teacher.person.name in [row[4] for row in rows[1:]]
    assert "Catatan fasilitator" in [row[6] for row in rows[1:]]


def test_the_district_officer_gets_no_export(client, exported, district_officer, program):
    client.force_login(district_officer)
    assert client.get(reverse("evaluation:export_xlsx", args=[program.pk])).status_code == 403
    assert client.get(reverse("evaluation:export_csv", args=[program.pk])).status_code == 403


def test_the_export_names_no_one_for_a_viewer_who_may_not_see_names(exported, district_officer, program, teacher):
    # the pages refuse the district officer; the export itself would still say only "Teacher"
    access = program_access_for(district_officer, program.pk)
    assert not access.sees_personal_data
    rows = [row for _title, sheet in export.sheets(access) for row in sheet[1:]]
    assert teacher.person.name not in [row[4] for row in rows]
    assert "Teacher" in [row[4] for row in rows]
    assert "Catatan fasilitator" not in [row[6] for row in rows]


def test_a_formula_is_written_as_text(client, exported, principal, program):
    book = xlsx(client, principal, program)
    formulas = [
        cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row
        if isinstance(cell.value, str) and "HYPERLINK" in cell.value
    ]  # fmt: skip
    assert formulas
    for cell in formulas:
        assert cell.data_type == "s"  # a string, never a formula ("f")
        assert cell.value == FORMULA  # the answer exactly as given


def test_csv_has_a_bom_and_the_same_content(client, exported, principal, program):
    book = xlsx(client, principal, program)
    response = client.get(reverse("evaluation:export_csv", args=[program.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.startswith(b"\xef\xbb\xbf")
    text = response.content.decode("utf-8-sig")
    blocks = [block for block in text.split("\r\n\r\n") if block.strip()]
    assert len(blocks) == len(book.worksheets)
    for block, sheet, instrument in zip(blocks, book.worksheets, program.instruments.all(), strict=True):
        title, *rows = list(csv.reader(io.StringIO(block)))
        assert title == [instrument.title]
        expected = sheet_rows(sheet)
        assert len(rows) == len(expected)
        for got, want in zip(rows, expected, strict=True):
            assert len(got) == len(want)
            for value, cell in zip(got, want, strict=True):
                if cell is None:
                    assert value == ""
                elif isinstance(cell, int | float):
                    assert float(value) == cell
                elif cell.startswith("="):  # in a CSV a formula is kept from running by a leading apostrophe
                    assert value == "'" + cell
                else:
                    assert value == cell
    assert "4 = Setuju (S)" in text
    assert "'" + FORMULA in text.replace('""', '"') and "," + FORMULA not in text.replace('""', '"')


def test_control_characters_in_an_answer_do_not_break_the_xlsx(client, world, principal, program):
    # pasted from a word processor into the public questionnaire: a vertical tab, an escape, a form feed
    link = world["link"]
    data = {
        f"item_{item.pk}": "Baris\x0csatu\x0bbaris\x1b dua" if item.type == "long_text" else "4"
        for item in link.instrument.items.all()
    }
    assert client.post(reverse("questionnaire_public", args=[link.token]), data).status_code == 302  # saved
    book = xlsx(client, principal, program)
    cells = {cell for sheet in book.worksheets for row in sheet_rows(sheet) for cell in row}
    assert "Barissatubaris dua" in cells
    csv_text = client.get(reverse("evaluation:export_csv", args=[program.pk])).content.decode("utf-8-sig")
    assert "Baris\x0csatu\x0bbaris\x1b dua" in csv_text  # a CSV holds any character
