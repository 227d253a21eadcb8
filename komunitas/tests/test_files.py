"""A stored file goes when its record goes — once the deleting transaction commits, never before."""

from pathlib import Path

import pytest
from django.db import transaction

from komunitas import services
from komunitas.testing import jpeg_bytes
from komunitas.tests.factories import SessionFactory
from komunitas.uploads import CleanFile

JPEG = CleanFile(jpeg_bytes(), "image/jpeg", "jpg")


def _photo(session, user):
    return services.attachment_add(session=session, clean=JPEG, original_name="a.jpg", caption="", people=[], user=user)


def test_deleting_documentation_removes_its_file(program, facilitator, django_capture_on_commit_callbacks):
    photo = _photo(SessionFactory(program=program), facilitator)
    path = Path(photo.file.path)
    with django_capture_on_commit_callbacks(execute=True):
        services.attachment_delete(attachment=photo)
    assert not path.exists()


def test_deleting_a_session_removes_its_files(program, facilitator, django_capture_on_commit_callbacks):
    session = SessionFactory(program=program)
    paths = [Path(_photo(session, facilitator).file.path) for _ in range(3)]
    with django_capture_on_commit_callbacks(execute=True):
        services.session_delete(session=session)
    assert not any(path.exists() for path in paths)


def test_a_delete_that_is_rolled_back_keeps_the_file(program, facilitator, django_capture_on_commit_callbacks):
    photo = _photo(SessionFactory(program=program), facilitator)
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        services.attachment_delete(attachment=photo)
        raise RuntimeError("something failed after the delete")
    assert callbacks == [] and Path(photo.file.path).exists()


def test_deleting_a_program_removes_every_file_of_it(program, facilitator, django_capture_on_commit_callbacks):
    """A cascade (program → sessions → documentation) calls no delete(): the files still go."""
    paths = [Path(_photo(SessionFactory(program=program), facilitator).file.path) for _ in range(2)]
    with django_capture_on_commit_callbacks(execute=True):
        program.delete()
    assert not any(path.exists() for path in paths)


def test_orphaned_files_are_reported_and_removed_on_request(program, facilitator, settings):
    import io
    import os
    import time

    from django.core.management import call_command

    kept = Path(_photo(SessionFactory(program=program), facilitator).file.path)
    orphan = Path(settings.MEDIA_ROOT) / "private" / "program-1" / "lost.jpg"
    orphan.parent.mkdir(parents=True, exist_ok=True)
    orphan.write_bytes(b"x" * 10)
    young = orphan.with_name("uploading.jpg")  # an upload whose record is about to be saved
    young.write_bytes(b"y")
    an_hour_ago = time.time() - 3700
    os.utime(orphan, (an_hour_ago, an_hour_ago))
    out = io.StringIO()
    call_command("orphaned_files", stdout=out)
    assert "private/program-1/lost.jpg" in out.getvalue() and "1 orphaned files, 10 bytes, found" in out.getvalue()
    assert orphan.exists()
    call_command("orphaned_files", "--delete", stdout=io.StringIO())
    assert not orphan.exists() and kept.exists() and young.exists()


def test_lists_of_photos_load_a_thumbnail_behind_the_same_checks(
    client, program, facilitator, district_officer, django_capture_on_commit_callbacks
):
    """A school's slow connection: pages of photos load small copies; the consent rules are the photo's own."""
    from io import BytesIO

    from django.core.files.storage import default_storage
    from PIL import Image

    from komunitas.print_images import thumb_name
    from komunitas.tests.factories import StudentFactory

    big = CleanFile(jpeg_bytes((1600, 1200)), "image/jpeg", "jpg")
    student = StudentFactory(school=program.school, consents=["staff"])  # not for the report: not for the district
    session = SessionFactory(program=program)
    photo = services.attachment_add(
        session=session, clean=big, original_name="a.jpg", caption="", people=[student], user=None
    )
    client.force_login(facilitator)
    page = client.get(photo.session.get_absolute_url()).content.decode()
    assert f'src="{photo.thumb_url}"' in page
    response = client.get(photo.thumb_url)
    with Image.open(BytesIO(b"".join(response.streaming_content))) as thumb:
        assert max(thumb.size) == 480
    client.force_login(district_officer)
    assert client.get(photo.thumb_url).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        services.attachment_delete(attachment=photo)
    assert not default_storage.exists(thumb_name(photo))
