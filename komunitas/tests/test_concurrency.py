"""A whole staff room saving attendance at once on SQLite: no server error, no lost mark.

gunicorn serves the app from a file database with four worker processes, as in production; twenty teachers
each save six attendance lists of their own session at the same moment (120 posts)."""

import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]  # the project folder, where manage.py is

pytestmark = pytest.mark.skipif(not shutil.which("gunicorn", path=str(Path(sys.executable).parent)), reason="gunicorn")

SETUP = """
import datetime as dt
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone
from komunitas import services
from komunitas.models import *
from komunitas.tests.factories import DistrictFactory, SchoolFactory, UserFactory
school = SchoolFactory(name="SMPN Serentak", district=DistrictFactory(name="Kab"))
today = timezone.localdate()
start = today - dt.timedelta(days=7)
program = services.program_create(school=school, name="P", start_date=start, weeks=10, cycle="study")
people = [Person.objects.create(school=school, name=f"Siswa {i}", kind="student", class_name="7A") for i in range(10)]
services.participants_set(program=program, people=people, participating=True)
for i in range(20):
    user = UserFactory(username=f"guru{i}")
    Membership.objects.create(user=user, school=school, role="teacher")
    teacher = Person.objects.create(school=school, name=f"Guru {i}", kind="teacher", user=user)
    services.participants_set(program=program, people=[teacher], participating=True)
    session = Session.objects.create(program=program, kind="other", title=f"S{i}", date=today, created_by=user)
    store = SessionStore()
    store["_auth_user_id"], store["_auth_user_backend"] = str(user.pk), settings.AUTHENTICATION_BACKENDS[-1]
    store["_auth_user_hash"] = user.get_session_auth_hash()
    store.create()
    print(store.session_key, program.pk, session.pk, ",".join(str(p.pk) for p in people))
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL": "0",
        "DB_CONN_MAX_AGE": "0",
    }
    python = sys.executable
    subprocess.run([python, "manage.py", "migrate", "-v0"], env=env, check=True, cwd=ROOT)
    out = subprocess.run(
        [python, "manage.py", "shell", "-v0", "-c", SETUP], env=env, check=True, capture_output=True, cwd=ROOT
    )
    teachers = [line.split() for line in out.stdout.decode().splitlines() if line.strip()]
    port = _free_port()
    gunicorn = str(Path(python).parent / "gunicorn")
    errors = tmp_path / "gunicorn.log"  # a file, not a pipe: a full pipe would stall the workers
    process = subprocess.Popen(
        [gunicorn, "komunitas.wsgi", "-b", f"127.0.0.1:{port}", "-w", "4", "--timeout", "60"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=errors.open("w"),
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    yield base, teachers, env, errors
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _save_attendance(base: str, teacher: list[str], round_: int) -> tuple[int, str]:
    """One teacher saves their session's list: (status, where it sends them)."""
    session_key, program_id, session_id, people = teacher
    token = secrets.token_hex(16)  # the CSRF cookie's secret, posted back unmasked
    statuses = ["present", "absent", "excused"]
    data = {"csrfmiddlewaretoken": token}
    for index, person in enumerate(people.split(",")):
        data[f"p{person}"] = statuses[(index + round_) % 3]
    request = urllib.request.Request(
        f"{base}/programs/{program_id}/sessions/{session_id}/attendance/",
        data=urllib.parse.urlencode(data).encode(),
        headers={"Cookie": f"sessionid={session_key}; csrftoken={token}", "Referer": base + "/"},
    )
    try:
        response = urllib.request.build_opener(_NoRedirect).open(request, timeout=60)
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Location", "")
    return response.status, response.headers.get("Location", "")


def test_twenty_teachers_saving_attendance_at_once_lose_nothing(server):
    base, teachers, env, errors = server
    rounds = 6

    def one_teacher(teacher):  # a teacher saves again only once their last save came back
        return [_save_attendance(base, teacher, round_) for round_ in range(rounds)]

    with ThreadPoolExecutor(max_workers=len(teachers)) as pool:
        answers = list(pool.map(one_teacher, teachers))
    for teacher, theirs in zip(teachers, answers):
        session_page = f"/programs/{teacher[1]}/sessions/{teacher[2]}/"
        assert theirs == [(302, session_page)] * rounds, (theirs, errors.read_text()[-2000:])
    # Every session holds exactly the marks of its teacher's last save.
    check = (
        "from komunitas.models import Session\n"
        "for s in Session.objects.order_by('pk'):\n"
        "    print(s.pk, s.status, ''.join(a.status[0] for a in s.attendance.order_by('person_id')))"
    )
    out = subprocess.run(
        [sys.executable, "manage.py", "shell", "-v0", "-c", check], env=env, check=True, capture_output=True, cwd=ROOT
    )
    expected = "".join("pae"[(index + rounds - 1) % 3] for index in range(10))
    rows = [line.split() for line in out.stdout.decode().splitlines()]
    assert len(rows) == len(teachers) and all(row[1:] == ["held", expected] for row in rows), rows
