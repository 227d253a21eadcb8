"""A bounded load test: Komunitas under gunicorn on 127.0.0.1 for a fixed time.

    make loadtest                                       # 20 users for 60 s, 3 gunicorn workers
    make loadtest LOADTEST_ARGS="--seconds 10"
    .venv/bin/python scripts/loadtest.py --seconds 30 --users 10 --workers 3

Builds a throwaway site in a temporary directory (SQLite with the demo program, media and static files), starts
gunicorn on a free port of 127.0.0.1 with DEBUG off, as `make serve` does, and lets virtual users, each its own
browser session signed in as the facilitator, the principal or a teacher, loop without pause over a weighted mix:
page views, attendance saved, photos uploaded, and the final report PDF once the program links one. Prints, per
kind of request, the count, server errors, the statuses and the latency (p50/p95/max), then requests per second.
Exits 1 when a request got a 5xx or no answer (showing the tracebacks from gunicorn's log) or a user could not
sign in.
Writes nothing into the repository: the temporary directory is removed at the end, also on Ctrl-C.
"""

from __future__ import annotations

import argparse
import http.client
import io
import random
import re
import secrets
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import partial
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from PIL import Image  # the app's own dependency: makes the photo the users upload
from throwaway_site import (
    Page,
    defaults,
    prepare,
    server_errors,
    sign_in_fields,
    site_env,
    start_gunicorn,
    stop_gunicorn,
    wait_until_healthy,
)

# Who signs in, in turn. The principal reads only: the program's writes (attendance, photos) are the staff's.
ACCOUNTS = ["fasilitator", "kepsek", *(f"guru{i:02d}" for i in range(1, 11))]
READERS = {"kepsek"}
TIMEOUT = 60  # seconds: longer than gunicorn's 30 s worker timeout, so a stuck worker shows as the server's error
# What a user does next and how often: mostly reading, as in a staff room; the writers also save attendance
# (its form, then the post) and add photos (the session page, then the post).
MIX = {
    "dashboard": 20,
    "schedule": 10,
    "people": 8,
    "session": 10,
    "forums": 8,
    "forum session": 10,
    "forum teachers": 4,
    "attendance": 15,
    "upload": 8,
    "pdf": 4,
}
# Kinds of request in the table, by method and path (first match wins).
KINDS = [
    ("GET", r"^/accounts/login/$", "sign in: page"),
    ("POST", r"^/accounts/login/$", "sign in: post"),
    ("GET", r"^/$", "home (→ dashboard)"),
    ("GET", r"^/programs/\d+/$", "dashboard"),
    ("GET", r"/schedule/$", "schedule"),
    ("GET", r"/people/$", "people"),
    ("GET", r"/sessions/\d+/$", "session detail"),
    ("GET", r"/attendance/$", "attendance: form"),
    ("POST", r"/attendance/$", "attendance: save"),
    ("POST", r"/documentation/$", "photo: upload"),
    ("GET", r"/forums/$", "forums: index"),
    ("GET", r"/forums/\d+/$", "forums: session"),
    ("GET", r"/forums/teachers/$", "forums: teachers"),
    ("GET", r"\.pdf$", "report PDF"),
]


def kind_of(method: str, path: str) -> str:
    return next((kind for m, pattern, kind in KINDS if m == method and re.search(pattern, path)), f"{method} {path}")


def options(form: dict, name: str) -> list[str]:
    """The values a field offers: its radios or boxes, or its select's options."""
    values = []
    for i in form["inputs"]:
        if i["name"] == name:
            values += i.get("options") or ([i["value"]] if i.get("type") in {"radio", "checkbox"} else [])
    return values


def multipart(fields: list[tuple[str, str]], files: dict[str, tuple[str, bytes, str]]) -> tuple[bytes, str]:
    """multipart/form-data, which the standard library does not encode."""
    boundary = secrets.token_hex(16)
    out = io.BytesIO()
    for name, value in fields:
        out.write(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    for name, (filename, content, content_type) in files.items():
        out.write(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'.encode())
        out.write(f"Content-Type: {content_type}\r\n\r\n".encode() + content + b"\r\n")
    out.write(f"--{boundary}--\r\n".encode())
    return out.getvalue(), f"multipart/form-data; boundary={boundary}"


def photo() -> bytes:
    """A 1024×768 JPEG of noise (~0.5 MB), so the server's checking and re-encoding have real work to do."""
    out = io.BytesIO()
    Image.effect_noise((1024, 768), 60).convert("RGB").save(out, "JPEG", quality=85)
    return out.getvalue()


class _AllResponses(urllib.request.HTTPErrorProcessor):
    """Hand back every response as it is: no exception for 4xx/5xx, no redirect followed behind our back
    (each request is timed on its own; the client follows a redirect after a post, as a browser does)."""

    def http_response(self, request, response):
        return response


@dataclass
class Client:
    """One browser: its own cookies, and a record (kind, status or None for no answer, ms) of every request."""

    base: str
    records: list[tuple[str, int | None, float]] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def __post_init__(self):
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()), _AllResponses())

    def request(self, method: str, path: str, body: bytes | None = None, content_type: str = "") -> tuple:
        """(status or None, redirect path, body), recorded under the request's kind."""
        request = urllib.request.Request(self.base + path, data=body, method=method)
        if content_type:
            request.add_header("Content-Type", content_type)
        start = time.perf_counter()
        try:
            with self.opener.open(request, timeout=TIMEOUT) as response:
                status, location, content = response.status, response.headers.get("Location", ""), response.read()
        except (OSError, http.client.HTTPException) as exc:  # refused, reset, timed out: the server failed
            status, location, content = None, "", b""
            self.failures.append(f"{method} {path}: {exc!r}")
        self.records.append((kind_of(method, path), status, (time.perf_counter() - start) * 1000))
        return status, urlsplit(location).path, content

    def get(self, path: str) -> tuple:
        return self.request("GET", path)

    def post(self, path: str, fields: list[tuple[str, str]], files: dict | None = None) -> int | None:
        if files:
            body, content_type = multipart(fields, files)
        else:
            body, content_type = urlencode(fields).encode(), "application/x-www-form-urlencoded"
        status, location, _ = self.request("POST", path, body, content_type)
        answer = status
        for _ in range(3):  # saved: the browser goes where it is sent (after signing in: home, then the dashboard)
            if answer not in {301, 302, 303} or not location:
                break
            answer, location, _ = self.get(location)
        return status

    def sign_in(self, username: str) -> bool:
        _, _, body = self.get("/accounts/login/")
        return self.post("/accounts/login/", sign_in_fields(body, username)) == 302


@dataclass
class Site:
    """The demo program's URLs, found once before the clock starts."""

    pages: dict[str, list[str]]  # mix entry -> the paths it reads
    held: list[str]  # session pages whose attendance may be taken today (their day has come)
    pdf: str | None


def discover(base: str) -> Site:
    client = Client(base)
    if not client.sign_in("fasilitator"):
        raise RuntimeError("discovery: the facilitator could not sign in")
    _, program, _ = client.get("/")  # one program: straight to its dashboard
    if not re.fullmatch(r"/programs/\d+/", program):
        raise RuntimeError(f"discovery: home sent the facilitator to {program!r}, not to the program's dashboard")
    links = {path: Page(client.get(path)[2]).links for path in [program, f"{program}schedule/", f"{program}forums/"]}
    links["evaluation"] = Page(client.get(f"{program}evaluation/")[2]).links
    sessions = sorted(
        {link for link in links[f"{program}schedule/"] if re.fullmatch(r"/programs/\d+/sessions/\d+/", link)}
    )
    forums = sorted({link for link in links[f"{program}forums/"] if re.fullmatch(r"/programs/\d+/forums/\d+/", link)})
    # A session in the future sends its attendance form back to the session page.
    held = [session for session in sessions if client.get(f"{session}attendance/")[0] == 200]
    # The final report: its page is linked from the dashboard, its PDF from that page (/programs/<id>/report.pdf).
    report_page = f"{program}report/"
    if report_page in links[program]:
        links["report"] = Page(client.get(report_page)[2]).links
    candidates = links.get("report", []) + links[program] + links["evaluation"]
    pdf = next((link.split("?")[0] for link in candidates if re.search(r"\.pdf(\?|$)", link)), None)
    pages = {
        "dashboard": [program],
        "schedule": [f"{program}schedule/"],
        "people": [f"{program}people/"],
        "session": sessions,
        "forums": [f"{program}forums/"],
        "forum session": forums,
        "forum teachers": [f"{program}forums/teachers/"],
    }
    if not (sessions and forums and held):
        raise RuntimeError(f"discovery found {len(sessions)} sessions, {len(forums)} forums, {len(held)} held")
    return Site(pages, held, pdf)


def take_attendance(client: Client, site: Site, rng: random.Random) -> None:
    path = f"{rng.choice(site.held)}attendance/"
    status, _, body = client.get(path)
    form = Page(body).form_with(r"^p\d+$") if status == 200 else None
    if status == 200 and not form:  # the form changed: say so rather than measure nothing
        client.failures.append(f"{path}: no attendance marks (fields p<person id>) found")
    if form:
        marks = {i["name"] for i in form["inputs"] if re.fullmatch(r"p\d+", i["name"])}
        fields = [(n, v) for n, v in defaults(form) if n not in marks]
        fields += [(name, "present" if rng.random() < 0.8 else rng.choice(options(form, name))) for name in marks]
        client.post(path, fields)


def upload_photo(client: Client, site: Site, rng: random.Random, jpeg: bytes) -> None:
    path = rng.choice(site.held)
    status, _, body = client.get(path)
    form = Page(body).form_with("^file$") if status == 200 else None
    if status == 200 and not form:
        client.failures.append(f"{path}: no upload form (field 'file') found")
    if form:
        students = options(form, "people")
        students = rng.sample(students, k=min(2, len(students)))
        fields = [(n, v) for n, v in defaults(form) if n != "caption"] + [("caption", "Load test")]
        client.post(
            form["action"], fields + [("people", s) for s in students], {"file": ("foto.jpg", jpeg, "image/jpeg")}
        )


def read_page(client: Client, rng: random.Random, paths: list[str]) -> None:
    client.get(rng.choice(paths))


def virtual_user(client: Client, username: str, site: Site, until: float, stop: threading.Event, seed: int) -> None:
    rng, jpeg = random.Random(seed), photo()
    if not client.sign_in(username):
        client.failures.append(f"{username} could not sign in")
        return
    actions = {name: partial(read_page, client, rng, paths) for name, paths in site.pages.items()}
    if username not in READERS:
        actions["attendance"] = partial(take_attendance, client, site, rng)
        actions["upload"] = partial(upload_photo, client, site, rng, jpeg)
    if site.pdf:
        actions["pdf"] = partial(read_page, client, rng, [site.pdf])
    names = list(actions)
    weights = [MIX[name] for name in names]
    try:
        while time.monotonic() < until and not stop.is_set():
            actions[rng.choices(names, weights)[0]]()
    except Exception as exc:  # a page the test cannot read: fail the run rather than go on with one user fewer
        client.failures.append(f"{username}: the test itself failed: {exc!r}")


def run(site: Site, base: str, users: int, seconds: float) -> tuple[list[Client], float]:
    clients, stop = [Client(base) for _ in range(users)], threading.Event()
    start = time.monotonic()
    threads = [
        threading.Thread(
            target=virtual_user, args=(c, ACCOUNTS[i % len(ACCOUNTS)], site, start + seconds, stop, i), daemon=True
        )
        for i, c in enumerate(clients)
    ]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        stop.set()  # on Ctrl-C: users stop after their current request
    return clients, time.monotonic() - start


def report(clients: list[Client], elapsed: float, site: Site) -> int:
    """Prints the table (Markdown, to paste into the README); returns the number of server errors."""
    by_kind = defaultdict(list)
    for kind, status, ms in (record for client in clients for record in client.records):
        by_kind[kind].append((status, ms))
    order = [kind for _, _, kind in KINDS]
    print("| request | count | server errors | statuses | p50 ms | p95 ms | max ms |")
    print("|---|---:|---:|---|---:|---:|---:|")
    total = []
    for kind in sorted(by_kind, key=lambda k: order.index(k) if k in order else len(order)):
        rows = by_kind[kind]
        total += rows
        print(row(kind, rows))
    print(row("**all**", total))
    errors = sum(1 for status, _ in total if status is None or status >= 500)
    print(f"\n{len(total)} requests in {elapsed:.1f} s: {len(total) / elapsed:.1f} requests/s; {errors} server errors.")
    print(
        f"PDF: {site.pdf}" if site.pdf else "PDF: not in this version (no report link on the dashboard or evaluation)."
    )
    return errors


def row(kind: str, rows: list[tuple[int | None, float]]) -> str:
    ms = sorted(m for _, m in rows)
    p95 = statistics.quantiles(ms, n=20, method="inclusive")[-1] if len(ms) > 1 else ms[0]
    statuses = Counter("no answer" if s is None else str(s) for s, _ in rows)
    shown = ", ".join(f"{s}×{n}" for s, n in sorted(statuses.items()))
    errors = sum(n for s, n in statuses.items() if s == "no answer" or int(s) >= 500)
    return f"| {kind} | {len(rows)} | {errors} | {shown} | {statistics.median(ms):.0f} | {p95:.0f} | {ms[-1]:.0f} |"


def load_test(args: argparse.Namespace, tmp: str) -> int:
    env = site_env(tmp)
    print(f"Preparing a throwaway site in {tmp} (migrate, seed_demo, collectstatic) …", flush=True)
    prepare(env)
    clients, failures, errors = [], [], 1
    with open(f"{tmp}/gunicorn.log", "w") as log:
        server, base = start_gunicorn(env, args.workers, log)
        try:
            wait_until_healthy(server, base)
            site = discover(base)
            print(f"gunicorn ({args.workers} workers) on {base}; {args.users} users for {args.seconds:g} s …")
            clients, elapsed = run(site, base, args.users, args.seconds)
        except RuntimeError as exc:
            failures.append(str(exc))
        finally:
            stop_gunicorn(server)
    if clients:
        failures += [failure for client in clients for failure in client.failures]
        errors = report(clients, elapsed, site)
    if not (errors or failures):
        return 0
    print("\nFAILED.")
    if failures:
        print("First failures:", *failures[:10], sep="\n  ")
    print(server_errors(Path(f"{tmp}/gunicorn.log").read_text()))
    return 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60, help="how long the users run (default 60)")
    parser.add_argument("--users", type=int, default=20, help="virtual users, each its own session (default 20)")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (default 3, as `make serve`)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="komunitas-loadtest-") as tmp:  # removed on any exit, Ctrl-C too
        return load_test(args, tmp)


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit("Interrupted: gunicorn stopped, temporary files removed.")
