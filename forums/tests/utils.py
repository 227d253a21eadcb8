"""Helpers for the forum tests: upload files and a valid forum-session POST."""

import datetime as dt
import io
from html.parser import HTMLParser

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def jpeg(name="foto.jpg", size=(40, 30)) -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", size, "green").save(out, format="JPEG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def pdf(name="materi.pdf", padding=0) -> SimpleUploadedFile:
    body = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n" + b" " * padding + b"%%EOF\n"
    return SimpleUploadedFile(name, body, content_type="application/pdf")


def exe(name="materi.pdf") -> SimpleUploadedFile:
    """A Windows program renamed .pdf."""
    return SimpleUploadedFile(name, b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200, content_type="application/pdf")


def session_payload(program, *, presenters, present=(), absent=(), follow_ups=(), **overrides) -> dict:
    """What a teacher types into the "log a forum session" form."""
    data = {
        "title": "Asesmen formatif dengan tiket keluar",
        "date": (program.start_date + dt.timedelta(days=8)).isoformat(),  # week 2
        "start_time": "13:30",
        "end_time": "15:00",
        "place": "Ruang guru",
        "facilitator": "",
        "status": "held",
        "format": "small_group",
        "topic_category": "assessment",
        "presenters": [p.pk for p in presenters],
        "notetaker": "",
        "agenda": "Paparan; diskusi; RTL",
        "opening": "Dibuka oleh fasilitator",
        "practice": "Tiket keluar di akhir pelajaran.\n\n- Satu pertanyaan\n- Dua menit",
        "discussion_notes": "Bagaimana untuk kelas besar?",
        "conclusion": "Dicoba minggu depan.",
        "rtl-TOTAL_FORMS": str(max(len(follow_ups), 1)),
        "rtl-INITIAL_FORMS": "0",
        "rtl-MIN_NUM_FORMS": "0",
        "rtl-MAX_NUM_FORMS": "30",
    }
    for index, item in enumerate(follow_ups):
        for key, value in item.items():
            data[f"rtl-{index}-{key}"] = value
    for person in present:
        data[f"att-p{person.pk}"] = "present"
    for person in absent:
        data[f"att-p{person.pk}"] = "absent"
    data.update(overrides)
    return data


class _FormReader(HTMLParser):
    """The values a browser would submit from the first form with data-testid="forum-form" (or any form)."""

    def __init__(self, testid=None):
        super().__init__()
        self.testid, self.inside, self.data = testid, testid is None, {}
        self.select, self.textarea = None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and self.testid and attrs.get("data-testid") == self.testid:
            self.inside = True
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file"):
            if attrs.get("type") in ("checkbox", "radio"):
                if "checked" in attrs:
                    self._add(name, attrs.get("value", "on"))
            else:
                self._add(name, attrs.get("value", ""))
        elif tag == "select" and name:
            self.select = name
            self.data.setdefault(name, [])
        elif tag == "option" and self.select and "selected" in attrs:
            self._add(self.select, attrs.get("value", ""))
        elif tag == "textarea" and name:
            self.textarea = name
            self.data[name] = [""]

    def handle_data(self, data):
        if self.textarea:
            self.data[self.textarea][0] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        elif tag == "textarea":
            if self.textarea:
                value = self.data[self.textarea][0]
                self.data[self.textarea][0] = value[1:] if value.startswith("\n") else value
            self.textarea = None
        elif tag == "form" and self.inside and self.testid:
            self.inside = False

    def _add(self, name, value):
        self.data.setdefault(name, []).append(value)


def form_values(html: str, testid: str | None = None) -> dict:
    """POST data equal to what the rendered form holds (a form round trip)."""
    reader = _FormReader(testid)
    reader.feed(html)
    return {name: values if len(values) != 1 else values[0] for name, values in reader.data.items()}
