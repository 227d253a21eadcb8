"""Values every template may need, with no query."""

from django.conf import settings


def limits(request) -> dict:
    """The largest request a form may send: forms with files check it in the browser before sending
    (static/js/komunitas.js), so that typed text is not lost to a 413."""
    return {
        "request_max_bytes": settings.REQUEST_MAX_BYTES,
        "cooloff_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),  # a locked-out sign-in's wait
    }
