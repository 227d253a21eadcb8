"""Sign-in throttling: django-axes, with a separate, higher limit for a network address.

A school's whole staff room reaches us from one address behind its router, so thirty teachers learning their
passwords must not lock each other out: an account is locked after ``AXES_FAILURE_LIMIT`` failures, an address
only after ``AXES_ADDRESS_FAILURE_LIMIT``. A right password clears the count of that account only — were it to
clear the address's count too (axes' default), someone with an account of their own could sign in between every
nine guesses at a colleague's password and never be locked.
"""

from __future__ import annotations

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.utils import timezone


class SchoolNetworkHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None) -> int:
        """Failures counted against the account, and the address's scaled to the account's limit, so that axes'
        single comparison with ``AXES_FAILURE_LIMIT`` applies each limit to its own count."""
        by_username, by_address = (
            attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        scaled = by_address * settings.AXES_FAILURE_LIMIT // settings.AXES_ADDRESS_FAILURE_LIMIT
        return max(by_username, scaled)

    def reset_user_attempts(self, request, credentials=None) -> int:
        username = get_client_username(request, credentials)
        count, _ = AccessAttempt.objects.filter(username=username).delete()
        return count


def locked_usernames(usernames) -> set[str]:
    """Which of these accounts are locked now (for the staff list's "Unlock")."""
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    rows = (
        AccessAttempt.objects.filter(username__in=usernames, attempt_time__gte=since)
        .values("username")
        .annotate(failures=Sum("failures_since_start"))
        .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
    )
    return {row["username"] for row in rows}


def unlock(username: str) -> None:
    AccessAttempt.objects.filter(username=username).delete()
