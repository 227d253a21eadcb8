"""python manage.py seed_demo [--schools N]: the reference study's program, with demo accounts."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from komunitas import demo


class Command(BaseCommand):
    help = (
        "Builds the demo program of the reference study (SMPN H. Wukirsari, 10 weeks) and prints the demo "
        "accounts. Idempotent: a second run changes nothing. --schools N adds N more schools in the district."
    )

    def add_arguments(self, parser):
        parser.add_argument("--schools", type=int, default=0, help="Number of extra schools (accounts s<k>-…).")
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the database already has a school (used by `make run`).",
        )

    def handle(self, *args, schools: int, if_empty: bool, **options):
        from komunitas.models import School

        if if_empty and School.objects.exists():
            self.stdout.write("Database already has data; demo not loaded.")
            self._print_accounts(schools)
            return
        results = demo.seed(today=timezone.localdate(), schools=max(schools, 0))
        for result in results:
            state = "created" if result.created else "already there"
            self.stdout.write(f"{result.school.name}: program “{result.program.name}” {state}.")
        self._print_accounts(schools)

    def _print_accounts(self, schools: int) -> None:
        self.stdout.write(self.style.SUCCESS(f"Demo accounts (password: {demo.PASSWORD}):"))
        self.stdout.write(
            "  kepsek (principal), fasilitator (facilitator), guru01 … guru10 (teachers), dinas (district officer)"
        )
        if schools:
            self.stdout.write(
                f"  school k = 2 … {schools + 1}: s<k>-kepsek, s<k>-fasilitator, s<k>-guru01 … s<k>-guru10"
            )
