"""Sign-in throttling: django-axes, with a separate, higher limit for a network address.

A school's whole staff room reaches us from one address behind its router, so thirty teachers learning their
passwords must not lock each other out: an account is locked after ``AXES_FAILURE_LIMIT`` failures, an address
only after ``AXES_ADDRESS_FAILURE_LIMIT``. A right password clears the count of that account only — were it to
clear the address's count too (axes' default), someone with an account of their own could sign in between every
nine guesses at a colleague's password and never be locked.
"""

from __future__ import annotations

import datetime as dt

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Q, Sum
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


def _recent_failures():
    return AccessAttempt.objects.filter(attempt_time__gte=timezone.now() - settings.AXES_COOLOFF_TIME)


def addresses_of(users) -> dict[int, set[str]]:
    """The network addresses each user signed in from lately (their staff room, their phone's network): a lock
    on one of those keeps them out too."""
    from .models import SecurityEvent, SecurityEventKind

    since = timezone.now() - dt.timedelta(days=90)
    rows = SecurityEvent.objects.filter(
        user__in=users, kind=SecurityEventKind.SIGNED_IN, at__gte=since, ip_address__isnull=False
    ).values_list("user_id", "ip_address")
    addresses: dict[int, set[str]] = {}
    for user_id, address in rows.distinct():
        addresses.setdefault(user_id, set()).add(address)
    return addresses


def locked_users(users) -> set[int]:
    """Which of these accounts cannot sign in now: locked themselves, or from an address they use that is."""
    users = list(users)
    by_name = {user.username.casefold(): user.pk for user in users}
    failures = _recent_failures()
    locked = {
        by_name[row["username"].casefold()]
        for row in failures.filter(username__in=[user.username for user in users])
        .values("username")
        .annotate(n=Sum("failures_since_start"))
        .filter(n__gte=settings.AXES_FAILURE_LIMIT)
        if row["username"].casefold() in by_name
    }
    addresses = addresses_of(users)
    wanted = set().union(*addresses.values()) if addresses else set()
    locked_addresses = set(
        failures.filter(ip_address__in=wanted)
        .values("ip_address")
        .annotate(n=Sum("failures_since_start"))
        .filter(n__gte=settings.AXES_ADDRESS_FAILURE_LIMIT)
        .values_list("ip_address", flat=True)
    )
    locked |= {user_id for user_id, known in addresses.items() if known & locked_addresses}
    return locked


def unlock(user) -> None:
    """Lift the lock of an account and of the addresses it signs in from (the staff room's, say)."""
    addresses = addresses_of([user]).get(user.pk, set())
    AccessAttempt.objects.filter(Q(username__iexact=user.username) | Q(ip_address__in=addresses)).delete()
