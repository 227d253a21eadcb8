"""Requests per second of the dashboard and of a signed-in page against /healthz's, under gunicorn, in one run.

    make bench                                          # after manage.py bench
    .venv/bin/python scripts/throughput.py --seconds 3 --rounds 2 --clients 4 --workers 2

Builds a throwaway site (scripts/throwaway_site.py: SQLite with the demo program, DEBUG off, as `make serve`),
starts gunicorn with a fixed number of sync workers on a free port of 127.0.0.1, signs the principal in, and lets
concurrent clients (threads, one connection each, no pause) request each page in turn for a fixed time:
``/healthz`` (the app and its database, no session: the floor of what a request costs), ``/accounts/profile/``
(the base layout for a signed-in user: what every signed-in page pays) and ``/programs/<id>/`` (the dashboard).
The pages take turns, ``--rounds`` times, so that a slower moment of the machine falls on each of them. Prints
requests per second and the ratio to /healthz's; a ratio, unlike a rate, compares across machines.
Exits 1 on a server error (5xx or no answer) or on any answer but 200 (a signed-out client measures the sign-in
page). Writes nothing into the repository.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

from throwaway_site import prepare, server_errors, sign_in, site_env, start_gunicorn, stop_gunicorn, wait_until_healthy

USER = "kepsek"  # the principal: the dashboard of the demo program is theirs
TIMEOUT = 60  # seconds: longer than gunicorn's 30 s worker timeout, so a stuck worker shows as the server's error


def dashboard_of(base: str, cookie: str) -> str:
    """The principal's one program: home sends them straight to its dashboard."""
    connection = http.client.HTTPConnection(urlsplit(base).netloc, timeout=TIMEOUT)
    connection.request("GET", "/", headers={"Cookie": cookie})
    response = connection.getresponse()
    response.read()
    path = urlsplit(response.headers.get("Location", "")).path
    if response.status != 302 or not re.fullmatch(r"/programs/\d+/", path):
        raise RuntimeError(f"home answered {response.status} → {path!r}, not the program's dashboard")
    return path


def client(netloc: str, path: str, headers: dict, until: float, statuses: Counter, lock: threading.Lock) -> None:
    """Requests ``path`` without pause until ``until``; counts the answers (None: none came)."""
    seen, connection = Counter(), http.client.HTTPConnection(netloc, timeout=TIMEOUT)
    while time.monotonic() < until:
        try:
            # Reuses the connection while the server keeps it open (gunicorn's sync workers close it after each
            # answer; http.client then opens a new one, as a browser would).
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
            seen[response.status] += 1
        except (OSError, http.client.HTTPException):
            seen[None] += 1
            connection.close()
    connection.close()
    with lock:
        statuses.update(seen)


def measure(netloc: str, path: str, headers: dict, clients: int, seconds: float, statuses: Counter) -> float:
    """``clients`` clients on ``path`` for ``seconds``: the answers counted into ``statuses``; the time taken."""
    lock, start = threading.Lock(), time.monotonic()
    threads = [
        threading.Thread(target=client, args=(netloc, path, headers, start + seconds, statuses, lock), daemon=True)
        for _ in range(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.monotonic() - start


def throughput(args: argparse.Namespace, tmp: str) -> int:
    env = site_env(tmp)
    print(f"Preparing a throwaway site in {tmp} (migrate, seed_demo, collectstatic) …", flush=True)
    prepare(env)
    results: dict[str, tuple[Counter, float]] = {}
    failure = ""
    with open(f"{tmp}/gunicorn.log", "w") as log:
        server, base = start_gunicorn(env, args.workers, log)
        try:
            wait_until_healthy(server, base)
            cookies = sign_in(base, USER)
            cookie = "; ".join(f"{name}={value}" for name, value in cookies.items())
            signed_in = {"Cookie": cookie}
            pages = {
                "/healthz": {},  # as a load balancer asks: no cookie, so no session
                "/accounts/profile/": signed_in,
                dashboard_of(base, cookie): signed_in,
            }
            netloc = urlsplit(base).netloc
            print(
                f"gunicorn ({args.workers} sync workers) on {base}, {os.cpu_count()} cores; {args.clients} clients, "
                f"{args.rounds} × {args.seconds:g} s per page, signed in as {USER} …",
                flush=True,
            )
            for path, headers in pages.items():  # warm up: each worker imports, compiles and caches what it uses
                measure(netloc, path, headers, args.clients, 0.5, Counter())
            for _ in range(args.rounds):
                for path, headers in pages.items():
                    statuses, elapsed = results.get(path, (Counter(), 0.0))
                    elapsed += measure(netloc, path, headers, args.clients, args.seconds, statuses)
                    results[path] = statuses, elapsed
        except RuntimeError as exc:
            failure = str(exc)
        finally:
            stop_gunicorn(server)
    return report(results, failure, Path(f"{tmp}/gunicorn.log"))


def report(results: dict[str, tuple[Counter, float]], failure: str, log: Path) -> int:
    """Prints the table (Markdown, to paste into the README); 1 when anything but 200 came back."""
    if results:
        healthz = results["/healthz"][0][200] / results["/healthz"][1]
        print("\n| page | requests | requests/s | vs /healthz |")
        print("|---|---:|---:|---:|")
        for path, (statuses, elapsed) in results.items():
            rate = statuses[200] / elapsed
            name = "dashboard" if path.startswith("/programs/") else path
            print(f"| {name} | {statuses.total()} | {rate:.0f} | {rate / healthz:.2f} |")
    bad = {path: statuses for path, (statuses, _) in results.items() if set(statuses) - {200} or not statuses[200]}
    if not (failure or bad):
        return 0
    print("\nFAILED.", failure)
    for path, statuses in bad.items():
        shown = ", ".join(f"{'no answer' if s is None else s}×{n}" for s, n in statuses.items())
        print(f"  {path}: {shown}")
    if failure or any(s is None or s >= 500 for statuses in bad.values() for s in statuses):
        print(server_errors(log.read_text()))
    return 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3, help="each page's turn (default 3)")
    parser.add_argument("--rounds", type=int, default=2, help="turns of each page (default 2)")
    parser.add_argument("--clients", type=int, default=4, help="concurrent clients (default 4)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers (default 2: one a core in CI)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="komunitas-throughput-") as tmp:  # removed on any exit, Ctrl-C too
        return throughput(args, tmp)


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit("Interrupted: gunicorn stopped, temporary files removed.")
