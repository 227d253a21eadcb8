"""Roster import from CSV or XLSX: read → check every row → preview → apply on confirmation.

Nothing is written until ``apply_rows``; a file with any bad row cannot be applied. A person already on the
roster is recognised (by NIS/NIP, else by kind + name + class), so importing the same file twice changes
nothing the second time.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field

from django.db import connection, transaction
from django.utils.translation import gettext as _

from . import audit
from .models import ConsentPurpose, Person, PersonKind, Program, normalize_class_name
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
}
REQUIRED = {"name", "kind"}
TEMPLATE_HEADER = ["nama", "peran", "nis_nip", "kelas", "mapel", "telepon", "orang_tua_dari", "izin_foto", "peserta"]
TEMPLATE_EXAMPLES = [
    ["Siti Aminah, S.Pd.", "guru", "198001012005012001", "", "Matematika", "0812000001", "", "", "ya"],
    ["Budi Santoso", "siswa", "2324001", "7A", "", "", "", "ya", "ya"],
    ["Sutrisno", "orang tua", "", "", "", "0812000002", "2324001", "", "ya"],
]
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
    parent_of: list[str] = field(default_factory=list)
    photo_consent: bool | None = None  # izin_foto: ya = staff pages and report, tidak = none, empty = as it is
    participant: bool = True
    errors: list[str] = field(default_factory=list)
    action: str = ""  # new | update | same
    existing_id: int | None = None

    @property
    def kind_label(self) -> str:
        return PersonKind(self.kind).label if self.kind else ""

    def key(self) -> tuple:
        if self.identifier:
            return ("id", self.identifier)
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
    """Check every row; errors are kept on the row, never raised."""
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
        row = Row(number=number)
        values = {}
        for column, field_name, cell in zip(header, fields, cells):
            if field_name:
                values[field_name] = _text(cell, column, row.errors)
        _fill_row(row, values)
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
        if not row.name or not row.kind:
            continue
        key = row.key()
        if key in seen:
            row.errors.append(_("Same person as row %(row)s.") % {"row": seen[key]})
        else:
            seen[key] = row.number


IMPORT_CONSENT = frozenset({ConsentPurpose.STAFF, ConsentPurpose.REPORT})  # what izin_foto "ya" agrees to


def _consents_as_yes_no(person: Person) -> bool | None:
    """A student's consents (``with_consents``) as the izin_foto column says them; None when neither fits."""
    if person.consent_staff and person.consent_report:
        return True
    if not (person.consent_staff or person.consent_report or person.consent_public):
        return False
    return None


def compare_with_roster(rows: list[Row], program: Program) -> None:
    """Mark each row new / update / same against the school's roster, and check parent links."""
    people = list(Person.objects.filter(school_id=program.school_id).with_consents().prefetch_related("guardian_of"))
    by_key = {}
    for person in people:
        by_key.setdefault(("name", person.kind, person.name.casefold(), person.class_name), person)
        if person.identifier:
            by_key[("id", person.identifier)] = person
    participant_ids = set(program.participants.current().values_list("person_id", flat=True))
    known_students = {p.identifier for p in people if p.kind == PersonKind.STUDENT and p.identifier}
    known_students |= {p.name.casefold() for p in people if p.kind == PersonKind.STUDENT}
    known_students |= {r.identifier for r in rows if r.kind == PersonKind.STUDENT and r.identifier}
    known_students |= {r.name.casefold() for r in rows if r.kind == PersonKind.STUDENT}
    matched: dict[int, int] = {}  # person id → the row that matched them
    for row in rows:
        row.action, row.existing_id = "", None
        for child in row.parent_of:
            if child not in known_students and child.casefold() not in known_students:
                row.errors.append(_("No student “%(child)s” in the file or on the roster.") % {"child": child})
        if row.errors:
            row.action = "error"
            continue
        existing = by_key.get(row.key())
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
            (existing.name, existing.kind, existing.identifier, existing.class_name, existing.subject, existing.phone)
            == (row.name, row.kind, row.identifier, row.class_name, row.subject, row.phone)
            and (existing.kind != PersonKind.STUDENT or row.photo_consent in (None, _consents_as_yes_no(existing)))
            and (existing.pk in participant_ids) == row.participant
            and not existing.archived
            and all(ref in linked or ref.casefold() in linked for ref in row.parent_of)
        )
        row.action = "same" if same else "update"


def count_actions(rows: list[Row]) -> dict[str, int]:
    """How many rows are new, updates, unchanged, and in error — the preview's summary."""
    counts = {"new": 0, "update": 0, "same": 0, "error": 0}
    for row in rows:
        counts[row.action] += 1
    return counts


def rows_to_session(rows: list[Row]) -> list[dict]:
    return [asdict(row) for row in rows]


def rows_from_session(data: list[dict]) -> list[Row]:
    return [Row(**item) for item in data]


PERSON_FIELDS = ["name", "kind", "identifier", "class_name", "subject", "phone", "archived_at"]


def _as_created(person: Person) -> dict:
    return {name: [None, str(getattr(person, name))] for name in PERSON_FIELDS}


@transaction.atomic
def apply_rows(rows: list[Row], program: Program, user=None) -> dict[str, int]:
    """Write checked rows with bulk writes (a whole school in a handful of queries). Refuses (ValueError) if any
    row has an error: all or nothing. ``user`` is recorded as who recorded the photo consents of izin_foto."""
    from .services import ConsentChange, consents_set, participants_set

    if any(row.errors for row in rows):
        raise ValueError("rows with errors cannot be applied")
    counts = {"new": 0, "update": 0, "same": 0}
    existing = Person.objects.filter(school_id=program.school_id).in_bulk(
        [r.existing_id for r in rows if r.existing_id]
    )
    saved: dict[int, Person] = {}
    new, changed = [], []
    diffs: dict[int, dict] = {}  # for the audit log: what the import changed of whom
    for row in rows:
        counts[row.action] += 1
        person = existing[row.existing_id] if row.existing_id else Person(school_id=program.school_id)
        saved[row.number] = person
        if row.action == "same":
            continue
        old = {name: getattr(person, name) for name in PERSON_FIELDS}
        person.name, person.kind, person.identifier = row.name, row.kind, row.identifier
        person.class_name, person.subject, person.phone = row.class_name, row.subject, row.phone
        person.archived_at = None
        person.clean_fields(exclude=["school", "user"])
        if person.pk:
            diffs[person.pk] = {
                name: [str(old[name]), str(getattr(person, name))]
                for name in PERSON_FIELDS
                if old[name] != getattr(person, name)
            }
        (changed if person.pk else new).append(person)
    if connection.features.can_return_rows_from_bulk_insert:
        Person.objects.bulk_create(new)
    else:  # SQLite before 3.35 returns no ids from a bulk insert: save one by one there
        for person in new:
            person.save()
    Person.objects.bulk_update(changed, PERSON_FIELDS)
    audit.log_bulk(
        new, audit.CREATE, lambda person: {name: [None, str(getattr(person, name))] for name in PERSON_FIELDS}
    )
    audit.log_bulk(changed, audit.UPDATE, lambda person: diffs[person.pk])
    participants_set(program=program, people=[saved[r.number] for r in rows if r.participant], participating=True)
    participants_set(program=program, people=[saved[r.number] for r in rows if not r.participant], participating=False)
    _link_parents(rows, saved, program)
    consents = {
        saved[row.number].pk: row.photo_consent
        for row in rows
        if row.kind == PersonKind.STUDENT and row.photo_consent is not None and row.action != "same"
    }

    def change_of(person: Person, current: set[str]) -> ConsentChange | None:
        if person.pk not in consents:
            return None
        purposes = frozenset(current | IMPORT_CONSENT) if consents[person.pk] else frozenset()
        return ConsentChange(purposes=purposes, given_by="", given_on=None, recorded_by=user)

    consents_set(people=[saved[row.number] for row in rows], change_of=change_of)
    return counts


def _link_parents(rows: list[Row], saved: dict[int, Person], program: Program) -> None:
    students = Person.objects.filter(school_id=program.school_id, kind=PersonKind.STUDENT)
    by_identifier = {s.identifier: s for s in students if s.identifier}
    by_name = {s.name.casefold(): s for s in students}
    links = Person.guardian_of.through
    new_links = []
    for row in rows:
        for ref in row.parent_of:
            child = by_identifier.get(ref) or by_name.get(ref.casefold())
            if child:
                new_links.append(links(from_person_id=saved[row.number].pk, to_person_id=child.pk))
    links.objects.bulk_create(new_links, ignore_conflicts=True)
    children: dict[int, list[int]] = {}
    for link in new_links:
        children.setdefault(link.from_person_id, []).append(link.to_person_id)
    parents = [saved[row.number] for row in rows if saved[row.number].pk in children]
    audit.log_bulk(parents, audit.UPDATE, lambda parent: {"guardian_of": ["", str(children[parent.pk])]})
