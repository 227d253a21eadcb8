"""The roster import's last step: write the checked rows (``roster_import``), all or nothing, in bulk."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import connection, transaction

from . import audit
from .models import ConsentPurpose, Person, PersonKind, Program

if TYPE_CHECKING:
    from .roster_import import Row

PERSON_FIELDS = ["name", "kind", "identifier", "class_name", "subject", "phone", "email", "archived_at"]
IMPORT_CONSENT = frozenset({ConsentPurpose.STAFF, ConsentPurpose.REPORT})  # what izin_foto "ya" agrees to


@transaction.atomic
def apply_rows(rows: list[Row], program: Program, user=None) -> dict[str, int]:
    """Write checked rows with bulk writes (a whole school in a handful of queries). Refuses (ValueError) if any
    row has an error: all or nothing. Rows left out are skipped. Only the fields a row gives (``Row.fields``)
    are written; the others stay as they are. ``user`` is recorded as who recorded the photo consents of
    izin_foto."""
    from .services import ConsentChange, consents_set, participants_set

    if any(row.errors for row in rows):
        raise ValueError("rows with errors cannot be applied")
    rows = [row for row in rows if not row.left_out]
    counts = {"new": 0, "update": 0, "same": 0}
    existing = Person.objects.filter(school_id=program.school_id).in_bulk(
        [r.existing_id for r in rows if r.existing_id]
    )
    # By position: a Dapodik student and their parents share the spreadsheet's row number.
    saved: list[Person] = []
    new, changed = [], []
    diffs: dict[int, dict] = {}  # for the audit log: what the import changed of whom
    for row in rows:
        counts[row.action] += 1
        person = existing[row.existing_id] if row.existing_id else Person(school_id=program.school_id)
        saved.append(person)
        if row.action == "same":
            continue
        old = {name: getattr(person, name) for name in PERSON_FIELDS}
        for name in row.fields:
            setattr(person, name, getattr(row, name))
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
    pairs = list(zip(rows, saved, strict=True))
    participants_set(program=program, people=[p for r, p in pairs if r.participant], participating=True)
    participants_set(program=program, people=[p for r, p in pairs if not r.participant], participating=False)
    _link_parents(pairs, program)
    consents = {
        person.pk: row.photo_consent
        for row, person in pairs
        if row.kind == PersonKind.STUDENT and row.photo_consent is not None and row.action != "same"
    }

    def change_of(person: Person, current: set[str]) -> ConsentChange | None:
        if person.pk not in consents:
            return None
        purposes = frozenset(current | IMPORT_CONSENT) if consents[person.pk] else frozenset()
        return ConsentChange(purposes=purposes, given_by="", given_on=None, recorded_by=user)

    consents_set(people=saved, change_of=change_of)
    return counts


def _link_parents(pairs: list[tuple[Row, Person]], program: Program) -> None:
    students = Person.objects.filter(school_id=program.school_id, kind=PersonKind.STUDENT)
    by_identifier = {s.identifier: s for s in students if s.identifier}
    by_name = {s.name.casefold(): s for s in students}
    links = Person.guardian_of.through
    new_links = []
    for row, parent in pairs:
        for ref in row.parent_of:
            child = by_identifier.get(ref) or by_name.get(ref.casefold())
            if child:
                new_links.append(links(from_person_id=parent.pk, to_person_id=child.pk))
    links.objects.bulk_create(new_links, ignore_conflicts=True)
    children: dict[int, list[int]] = {}
    for link in new_links:
        children.setdefault(link.from_person_id, []).append(link.to_person_id)
    parents = [parent for _row, parent in pairs if parent.pk in children]
    audit.log_bulk(parents, audit.UPDATE, lambda parent: {"guardian_of": ["", str(children[parent.pk])]})
