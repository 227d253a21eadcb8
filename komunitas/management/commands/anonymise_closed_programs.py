"""python manage.py anonymise_closed_programs --older-than-years N [--dry-run]: the retention rule (UU PDP:
personal data kept no longer than its purpose needs)."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from django.utils import timezone

from komunitas import privacy
from komunitas.models import STAFF_KINDS, Attendance, Participant, Person, Program


def closed_before(cutoff: dt.date) -> list[Program]:
    """Programs whose last day is before ``cutoff`` (``Program.end_date`` is computed, so read in Python)."""
    return [program for program in Program.objects.all() if program.end_date < cutoff]


def people_to_anonymise(closed: list[Program]) -> list[Person]:
    """Everyone who took part in, or was recorded at, the closed programs and in no other program — except staff
    who still have an account at the school (their data goes with their employment, not with a program)."""
    closed_ids = [program.pk for program in closed]
    open_ids = Program.objects.exclude(pk__in=closed_ids).values("pk")
    in_closed = Q(participations__program__in=closed_ids) | Q(attendance__session__program__in=closed_ids)
    people = (
        Person.objects.filter(in_closed, erased_at__isnull=True)
        .exclude(pk__in=Participant.objects.filter(program__in=open_ids).values("person"))
        .exclude(pk__in=Attendance.objects.filter(session__program__in=open_ids).values("person"))
        .distinct()
        .select_related("user")
    )
    return [person for person in people if not _is_current_staff(person)]


def _is_current_staff(person: Person) -> bool:
    if person.kind not in STAFF_KINDS or person.user_id is None:
        return False
    return person.user.memberships.filter(school_id=person.school_id).exists()


def years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


class Command(BaseCommand):
    help = (
        "Erases the personal data (komunitas.privacy.erase) of everyone whose programs all ended more than N years "
        "ago: names become “Peserta terhapus”, photos showing them are deleted, their counts stay. Staff who still "
        "have an account at the school are left alone. --dry-run only says how many."
    )

    def add_arguments(self, parser):
        parser.add_argument("--older-than-years", type=int, required=True, help="Years since the program ended.")
        parser.add_argument("--dry-run", action="store_true", help="Count, change nothing.")

    def handle(self, *args, older_than_years: int, dry_run: bool, **options):
        if older_than_years < 1:
            raise CommandError("--older-than-years must be 1 or more.")
        cutoff = years_before(timezone.localdate(), older_than_years)
        closed = closed_before(cutoff)
        people = people_to_anonymise(closed)
        if not dry_run:
            for person in people:
                privacy.erase(person, by=None)
        verb = "would be anonymised" if dry_run else "anonymised"
        self.stdout.write(f"{len(closed)} programs ended before {cutoff}; {len(people)} people {verb}.")
