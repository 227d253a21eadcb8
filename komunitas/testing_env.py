"""Loaded by pytest before Django (``-p komunitas.testing_env`` in pyproject.toml): the environment a test
run needs, so a plain ``pytest`` works without exporting anything. Real settings stay in settings.py."""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "test-only-not-secret")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECURE_SSL", "0")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("MEDIA_ROOT", tempfile.mkdtemp(prefix="komunitas-test-media-"))
os.environ.setdefault("STATIC_ROOT", tempfile.mkdtemp(prefix="komunitas-test-static-"))
# Playwright's sync API runs an event loop; Django's async-safety check would otherwise refuse ORM calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
