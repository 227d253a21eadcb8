"""Roster import from CSV or XLSX: read → check every row → preview → apply on confirmation.

Nothing is written until ``apply_rows`` (``roster_apply``); a file with any bad row cannot be applied. A person
already on the roster is recognised (by NIS/NIP or another of their numbers, else by kind + name + class; a parent
by name and a shared child), so importing the same file twice changes nothing the second time. Dapodik's own
exports are read into the same rows by ``komunitas.dapodik``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from .models import Person, PersonKind, Program, normalize_class_name
from .roster_apply import PERSON_FIELDS, apply_rows  # noqa: F401 (the import's last step, re-exported)
from .roster_files import MAX_ROWS, ImportFileError  # reading the file itself: roster_files.read_table

COLUMNS = {
    "nama": "name",
    "name": "name",
    "peran": "kind",
    "kind": "kind",
    "role": "kind",
    "nis_nip": "identifier",
    "identifier": "identifier",
    "nis": "identifier",
    "nip": "identifier",
    "kelas": "class_name",
    "class": "class_name",
    "mapel": "subject",
    "subject": "subject",
    "telepon": "phone",
    "phone": "phone",
    "orang_tua_dari": "parent_of",
    "parent_of": "parent_of",
    "izin_foto": "photo_consent",
    "photo_consent": "photo_consent",
    "peserta": "participant",
    "participant": "participant",
    "email": "email",
    "e-mail": "email",
}
REQUIRED = {"name", "kind"}
TEMPLATE_HEADER = [
    "nama",
    "peran",
    "nis_nip",
    "kelas",
    "mapel",
    "telepon",
    "orang_tua_dari",
    "izin_foto",
    "peserta",
    "email",
]
TEMPLATE_EXAMPLES = [
    [
        "Siti Aminah, S.Pd.",
        "guru",
        "198001012005012001",
        "",
        "Matematika",
        "0812000001",
        "",
        "",
        "ya",
        "siti@contoh.sch.id",
    ],
    ["Budi Santoso", "siswa", "2324001", "7A", "", "", "", "ya", "ya", ""],
    ["Sutrisno", "orang tua", "", "", "", "0812000002", "2324001", "", "ya", ""],
]
# The person's fields a row may set; a file without a column leaves that field as it is on the roster.
ROW_FIELDS = ["name", "kind", "identifier", "class_name", "subject", "phone", "email"]
KIND_WORDS = {
    "guru": PersonKind.TEACHER,
    "teacher": PersonKind.TEACHER,
    "siswa": PersonKind.STUDENT,
    "murid": PersonKind.STUDENT,
    "student": PersonKind.STUDENT,
    "orang tua": PersonKind.PARENT,
    "orangtua": PersonKind.PARENT,
    "ortu": PersonKind.PARENT,
    "wali": PersonKind.PARENT,
    "parent": PersonKind.PARENT,
    "fasilitator": PersonKind.FACILITATOR,
    "facilitator": PersonKind.FACILITATOR,
    "kepala sekolah": PersonKind.PRINCIPAL,
    "kepsek": PersonKind.PRINCIPAL,
    "principal": PersonKind.PRINCIPAL,
}
YES = {"ya", "y", "yes", "1", "true", "v", "x", "✓"}
NO = {"", "tidak", "t", "no", "n", "0", "false", "-"}
PARENT_SEPARATORS = re.compile(r"[;|/]")


@dataclass
class Row:
    number: int  # as the user sees it in a spreadsheet: the header is row 1
    name: str = ""
    kind: str = ""
    identifier: str = ""
    class_name: str = ""
    subject: str = ""
    phone: str = ""
    email: str = ""
    parent_of: list[str] = field(default_factory=list)
    photo_consent: bool | None = None  # izin_foto: ya = staff pages and report, tidak = none, empty = as it is
    participant: bool = True
    fields: list[str] = field(default_factory=lambda: list(ROW_FIELDS))  # what the file says; the rest is kept
    aliases: list[str] = field(default_factory=list)  # other numbers of theirs (NIPD, NUPTK), to find them by
    family: str = ""  # a parent's family (Dapodik: the other parents' names): same name, other family, other person
    relation: str = ""  # father | mother | guardian (Dapodik), for the preview
    left_out: str = ""  # why this row is not imported (Dapodik's administrative staff); not an error
    note: str = ""  # what the preview says about the row (Jenis PTK, whose parent)
    errors: list[str] = field(default_factory=list)
    action: str = ""  # new | update | same | left_out
    existing_id: int | None = None

    @property
    def kind_label(self) -> str:
        return PersonKind(self.kind).label if self.kind else ""

    def key(self) -> tuple:
        if self.identifier:
            return ("id", self.identifier)
        if self.kind == PersonKind.PARENT:
            # A parent has no class: two parents of one name are one person only in the same family (Dapodik:
            # the other parents' names; the template: the same children).
            family = self.family or "|".join(sorted(ref.casefold() for ref in self.parent_of))
            return ("parent", self.name.casefold(), family)
        return ("name", self.kind, self.name.casefold(), self.class_name)


def _text(value: object, column: str, errors: list[str]) -> str:
    """Cell → text. Spreadsheets turn numbers into floats and some codes into dates; undo or refuse."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, (dt.date, dt.datetime)):
        errors.append(
            _("Column “%(column)s” holds a date (%(value)s) where text was expected; format the column as text.")
            % {"column": column, "value": value.strftime("%d-%m-%Y")}
        )
        return ""
    return " ".join(str(value).split())


def parse_rows(table: list[list[object]]) -> list[Row]:
    """Check every row of the app's template; errors are kept on the row, never raised."""
    if not table or not any(cell not in (None, "") for cell in table[0]):
        raise ImportFileError(_("The file is empty."))
    header = [str(cell or "").strip().lower().replace(" ", "_") for cell in table[0]]
    fields = [COLUMNS.get(name) for name in header]
    unknown = [name for name, field_name in zip(header, fields) if name and field_name is None]
    missing = REQUIRED - set(fields)
    if missing or unknown:
        parts = []
        if missing:
            parts.append(_("missing: %(cols)s") % {"cols": ", ".join(sorted(_required_label(m) for m in missing))})
        if unknown:
            parts.append(_("not recognised: %(cols)s") % {"cols": ", ".join(unknown)})
        raise ImportFileError(
            _("The columns do not match the template (%(details)s). Expected columns: %(expected)s.")
            % {"details": "; ".join(parts), "expected": ", ".join(TEMPLATE_HEADER)}
        )
    if len(table) - 1 > MAX_ROWS:
        raise ImportFileError(_("The file has more than %(max)s rows; split it.") % {"max": MAX_ROWS})

    rows: list[Row] = []
    for number, cells in enumerate(table[1:], start=2):
        if not any(cell not in (None, "") and str(cell).strip() for cell in cells):
            continue  # blank lines are common at the end of spreadsheets
        row = Row(number=number, fields=["name", "kind"] + [f for f in ROW_FIELDS[2:] if f in fields])
        values = {}
        for column, field_name, cell in zip(header, fields, cells):
            if field_name:
                values[field_name] = _text(cell, column, row.errors)
        _fill_row(row, values)
        if not row.email and "email" in row.fields:
            row.fields.remove("email")  # an empty cell keeps the address a staff invitation was sent to
        rows.append(row)
    if not rows:
        raise ImportFileError(_("The file has a header but no rows."))
    _mark_duplicates(rows)
    return rows


def _required_label(field_name: str) -> str:
    return {"name": "nama", "kind": "peran"}[field_name]


def _yes_no(value: str, column: str, row: Row, default: bool | None) -> bool | None:
    word = value.strip().lower()
    if word in YES:
        return True
    if word in NO:
        return default if word == "" else False
    row.errors.append(_("“%(value)s” in column “%(column)s” is not ya/tidak.") % {"value": value, "column": column})
    return default


def _fill_row(row: Row, values: dict[str, str]) -> None:
    row.name = values.get("name", "")
    if not row.name:
        row.errors.append(_("The name is empty."))
    elif len(row.name) > 120:
        row.errors.append(_("The name is longer than 120 characters."))
    kind_word = values.get("kind", "").lower()
    row.kind = KIND_WORDS.get(kind_word, "")
    if not row.kind:
        row.errors.append(
            _("Unknown role “%(value)s”: use guru, siswa, orang tua, fasilitator or kepala sekolah.")
            % {"value": values.get("kind", "")}
        )
    row.identifier = values.get("identifier", "")[:32]
    row.subject = values.get("subject", "")[:80]
    row.phone = values.get("phone", "")[:32]
    row.email = values.get("email", "")
    if row.email:
        try:
            validate_email(row.email)
        except ValidationError:
            row.errors.append(_("“%(value)s” is not an e-mail address.") % {"value": row.email[:80]})
            row.email = ""
    class_name = values.get("class_name", "").upper()
    if class_name:
        normalized = normalize_class_name(class_name)
        if normalized is None:
            row.errors.append(
                _("Unknown class “%(value)s”: use the grade and section, e.g. 7A.") % {"value": values["class_name"]}
            )
        else:
            row.class_name = normalized
    elif row.kind == PersonKind.STUDENT:
        row.errors.append(_("A student needs a class, e.g. 7A."))
    parent_of = values.get("parent_of", "")
    row.parent_of = [part.strip() for part in PARENT_SEPARATORS.split(parent_of) if part.strip()]
    if row.parent_of and row.kind != PersonKind.PARENT:
        row.errors.append(_("Only a parent can be linked to children (column orang_tua_dari)."))
    row.photo_consent = _yes_no(values.get("photo_consent", ""), "izin_foto", row, default=None)
    row.participant = _yes_no(values.get("participant", ""), "peserta", row, default=True)


def _mark_duplicates(rows: list[Row]) -> None:
    seen: dict[tuple, int] = {}
    for row in rows:
        if not row.name or not row.kind or row.left_out:
            continue
        key = row.key()
        if key in seen:
            row.errors.append(_("Same person as row %(row)s.") % {"row": seen[key]})
        else:
            seen[key] = row.number


def _consents_as_yes_no(person: Person) -> bool | None:
    """A student's consents (``with_consents``) as the izin_foto column says them; None when neither fits."""
    if person.consent_staff and person.consent_report:
        return True
    if not (person.consent_staff or person.consent_report or person.consent_public):
        return False
    return None


class _Roster:
    """The school's people, indexed the ways a row may find one of them."""

    def __init__(self, people: list[Person]):
        self.by_key: dict[tuple, Person] = {}
        self.by_email: dict[str, Person] = {}
        self.by_parent_child: dict[tuple[str, str], Person] = {}  # (parent's name, child's NIS or name)
        for person in people:
            self.by_key.setdefault(("name", person.kind, person.name.casefold(), person.class_name), person)
            if person.identifier:
                self.by_key[("id", person.identifier)] = person
            if person.email:
                self.by_email.setdefault(person.email.casefold(), person)
            if person.kind == PersonKind.PARENT:
                for child in person.guardian_of.all():
                    for ref in (child.identifier, child.name):
                        if ref:
                            self.by_parent_child.setdefault((person.name.casefold(), ref.casefold()), person)

    def find(self, row: Row) -> Person | None:
        for number in [row.identifier, *row.aliases]:
            if number and ("id", number) in self.by_key:
                return self.by_key[("id", number)]
        if row.email and row.email.casefold() in self.by_email:
            found = self.by_email[row.email.casefold()]
            if {found.kind, row.kind} <= {PersonKind.TEACHER, PersonKind.PRINCIPAL}:  # staff invited by e-mail
                return found
        if row.kind == PersonKind.PARENT and row.parent_of:
            # A parent is the one of that name who is already the parent of one of these children.
            for ref in row.parent_of:
                found = self.by_parent_child.get((row.name.casefold(), ref.casefold()))
                if found:
                    return found
            return None
        found = self.by_key.get(("name", row.kind, row.name.casefold(), row.class_name))
        # By name only someone without a number: a different NIS is a different person.
        if found and not (row.identifier and found.identifier):
            return found
        return None


def compare_with_roster(rows: list[Row], program: Program) -> None:
    """Mark each row new / update / same / left_out against the school's roster, and check parent links."""
    people = list(Person.objects.filter(school_id=program.school_id).with_consents().prefetch_related("guardian_of"))
    roster = _Roster(people)
    participant_ids = set(program.participants.current().values_list("person_id", flat=True))
    known_students = {p.identifier for p in people if p.kind == PersonKind.STUDENT and p.identifier}
    known_students |= {p.name.casefold() for p in people if p.kind == PersonKind.STUDENT}
    known_students |= {r.identifier for r in rows if r.kind == PersonKind.STUDENT and r.identifier}
    known_students |= {r.name.casefold() for r in rows if r.kind == PersonKind.STUDENT}
    matched: dict[int, int] = {}  # person id → the row that matched them
    for row in rows:
        row.action, row.existing_id = "", None
        if row.left_out:
            row.action = "left_out"
            continue
        for child in row.parent_of:
            if child not in known_students and child.casefold() not in known_students:
                row.errors.append(_("No student “%(child)s” in the file or on the roster.") % {"child": child})
        if row.errors:
            row.action = "error"
            continue
        existing = roster.find(row)
        if existing is None:
            row.action = "new"
            continue
        if existing.pk in matched:  # e.g. one row by NIS, another by name and class
            row.errors.append(_("Same person as row %(row)s.") % {"row": matched[existing.pk]})
            row.action = "error"
            continue
        matched[existing.pk] = row.number
        row.existing_id = existing.pk
        linked = {c.identifier for c in existing.guardian_of.all()} | {
            c.name.casefold() for c in existing.guardian_of.all()
        }
        same = (
            all(getattr(existing, name) == getattr(row, name) for name in row.fields)
            and (existing.kind != PersonKind.STUDENT or row.photo_consent in (None, _consents_as_yes_no(existing)))
            and (existing.pk in participant_ids) == row.participant
            and not existing.archived
            and all(ref in linked or ref.casefold() in linked for ref in row.parent_of)
        )
        row.action = "same" if same else "update"


def count_actions(rows: list[Row]) -> dict[str, int]:
    """How many rows are new, updates, unchanged, and in error (and left out, when any) — the preview's summary."""
    counts = {"new": 0, "update": 0, "same": 0, "error": 0, "left_out": 0}
    for row in rows:
        counts[row.action] += 1
    if not counts["left_out"]:
        del counts["left_out"]
    return counts


def rows_to_session(rows: list[Row]) -> list[dict]:
    return [asdict(row) for row in rows]


def rows_from_session(data: list[dict]) -> list[Row]:
    return [Row(**item) for item in data]
