"""Django's database sessions, read with SQL built once per process (``komunitas.prepared``).

Every signed-in request reads its session; building that one-row query took ten times what SQLite spent answering
it. Everything else (writing, expiry, flushing at sign-out, cycling the key at sign-in) is Django's own: a session
signed out or expired is gone from the table, and the next request finds nothing.
"""

from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.db.models.functions import Now

from .prepared import Prepared

# Expired rows stay until `clearsessions`: the database's clock decides, as Django's ``expire_date__gt=now``.
_live_session = Prepared(
    lambda session_key: Session.objects.filter(session_key=session_key, expire_date__gt=Now()), session_key=str
)


class SessionStore(db.SessionStore):
    def _get_session_from_db(self):
        session = _live_session.first(session_key=self.session_key)
        if session is None:
            self._session_key = None
        return session
