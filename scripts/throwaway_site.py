"""A throwaway Komunitas under gunicorn on 127.0.0.1, for the scripts that measure it (loadtest.py, throughput.py).

A temporary directory holds everything the site writes (SQLite with the demo program, media, static files); the
settings are production's (DEBUG off, as `make serve`), with plain HTTP as on a school LAN. gunicorn binds a free
port of 127.0.0.1, handed over as a socket so nothing can take it in between.

    with tempfile.TemporaryDirectory() as tmp:
        env = site_env(tmp)
        prepare(env)
        with open(f"{tmp}/gunicorn.log", "w") as log:
            server, base = start_gunicorn(env, workers=2, log=log)
            try:
                wait_until_healthy(server, base)
                cookies = sign_in(base, "kepsek")
                ...
            finally:
                stop_gunicorn(server)
"""

from __future__ import annotations

import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import Counter
from html.parser import HTMLParser
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "komunitas-demo"  # komunitas/demo.py, PASSWORD


def site_env(tmp: str) -> dict[str, str]:
    """Production settings (DEBUG off), everything the site writes in ``tmp``."""
    return os.environ | {
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL": "0",  # plain HTTP, as on a school LAN
        "DATABASE_URL": f"sqlite:///{tmp}/db.sqlite3",
        "MEDIA_ROOT": f"{tmp}/media",
        "STATIC_ROOT": f"{tmp}/static",
        # Every user signs in from 127.0.0.1: one slip must not lock the address for all of them.
        "AXES_FAILURE_LIMIT": "1000",
        "AXES_ADDRESS_FAILURE_LIMIT": "1000",
    }


def prepare(env: dict[str, str]) -> None:
    """The throwaway site: schema, the demo program, static files (whitenoise serves the collected, hashed set)."""
    for command in (["migrate", "--noinput"], ["seed_demo"], ["collectstatic", "--noinput"]):
        done = subprocess.run(
            [sys.executable, "manage.py", *command], cwd=ROOT, env=env, capture_output=True, text=True
        )
        if done.returncode:
            sys.exit(f"manage.py {' '.join(command)} failed:\n{done.stdout}{done.stderr}")


def start_gunicorn(env: dict[str, str], workers: int, log) -> tuple[subprocess.Popen, str]:
    """gunicorn (sync workers, as `make serve`) on a free port of 127.0.0.1: the process and its base URL."""
    # The port is bound here and the socket handed over (fd://): nothing else can take it in between. A session of
    # its own keeps Ctrl-C from the terminal away from gunicorn: the script stops it, in order. No control socket:
    # its default path (~/.gunicorn/gunicorn.ctl) is shared with any other gunicorn of the same user.
    sock = socket.create_server(("127.0.0.1", 0))
    command = ["-m", "gunicorn", "komunitas.wsgi", "--bind", f"fd://{sock.fileno()}", "--workers", str(workers)]
    command.append("--no-control-socket")
    server = subprocess.Popen(
        [sys.executable, *command],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=log,
        pass_fds=[sock.fileno()],
        start_new_session=True,
    )
    port = sock.getsockname()[1]
    sock.close()
    return server, f"http://127.0.0.1:{port}"


def stop_gunicorn(server: subprocess.Popen) -> None:
    server.terminate()  # graceful: the workers finish their requests
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def wait_until_healthy(server: subprocess.Popen, base: str) -> None:
    for _ in range(300):
        if server.poll() is not None:
            raise RuntimeError("gunicorn exited")
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("gunicorn did not answer /healthz within 30 s")


def server_errors(log: str) -> str:
    """Django's "Internal Server Error: <path>" entries in gunicorn's log, counted by path and exception, with the
    last traceback in full; without any, the end of the log (a worker killed, a failed start)."""
    # An entry runs from Django's first line to gunicorn's next one ("[2026-…") or the next entry.
    pattern = r"^Internal Server Error: .*?(?=^\[\d{4}-|^Internal Server Error: |\Z)"
    entries = [entry.rstrip() for entry in re.findall(pattern, log, flags=re.M | re.S)]
    if not entries:
        return "End of gunicorn's log:\n" + "".join(log.splitlines(True)[-60:])
    counts = Counter()
    for entry in entries:
        lines = entry.splitlines()
        counts[re.sub(r"/\d+/", "/<id>/", lines[0]) + " → " + lines[-1]] += 1
    summary = "\n".join(f"  {n}× {what}" for what, n in counts.most_common())
    return f"Server errors in gunicorn's log:\n{summary}\nThe last in full:\n{entries[-1]}"


class Page(HTMLParser):
    """The links and the forms of an HTML page: as much of a browser as the scripts need."""

    def __init__(self, body: bytes):
        super().__init__()
        self.links: list[str] = []
        self.forms: list[dict] = []
        self._in_form = False
        self.feed(body.decode("utf-8", "replace"))

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "form":
            self.forms.append({"action": attrs.get("action", "").split("#")[0], "inputs": []})
            self._in_form = True
        elif tag in {"input", "select", "textarea"} and self._in_form and attrs.get("name"):
            self.forms[-1]["inputs"].append(attrs | ({"type": "select", "options": []} if tag == "select" else {}))
        elif tag == "option" and self._in_form and self.forms[-1]["inputs"]:
            select = self.forms[-1]["inputs"][-1]  # a browser sends the selected option, else the first
            select.get("options", []).append(attrs.get("value", ""))
            if "selected" in attrs or len(select.get("options", [])) == 1:
                select["value"] = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_form = False

    def form_with(self, field_pattern: str) -> dict | None:
        """The first form with a field whose name matches (the navigation's language and sign-out forms have none)."""
        return next((f for f in self.forms if any(re.search(field_pattern, i["name"]) for i in f["inputs"])), None)


def defaults(form: dict) -> list[tuple[str, str]]:
    """What a browser sends for a form left as it is: values, and the ticked boxes and radios."""
    return [
        (i["name"], i.get("value", ""))
        for i in form["inputs"]
        if i.get("type") not in {"file", "submit", "radio", "checkbox"} or "checked" in i
    ]


def sign_in_fields(login_page: bytes, username: str) -> list[tuple[str, str]]:
    """What the sign-in form sends for ``username`` (its CSRF token and any other hidden field)."""
    form = Page(login_page).form_with("^username$")
    fields = [(n, v) for n, v in defaults(form or {"inputs": []}) if n not in {"username", "password"}]
    return [*fields, ("username", username), ("password", PASSWORD)]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def sign_in(base: str, username: str) -> dict[str, str]:
    """Signs ``username`` in as a browser would; the cookies it then holds (session, CSRF) by name."""
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), _NoRedirect())
    with opener.open(f"{base}/accounts/login/", timeout=30) as response:
        body = urlencode(sign_in_fields(response.read(), username)).encode()
    try:
        opener.open(f"{base}/accounts/login/", data=body, timeout=30)
    except urllib.error.HTTPError as answer:  # a 302 is the success (redirects are not followed)
        if answer.code != 302:
            raise RuntimeError(f"{username} could not sign in: {answer.code}") from None
    else:
        raise RuntimeError(f"{username} could not sign in: the sign-in page came back")
    return {cookie.name: cookie.value for cookie in jar}
