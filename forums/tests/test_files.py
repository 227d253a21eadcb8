"""The practice log's evidence leaves the disk with its entry, and a replaced file with its replacement —
after the transaction commits (komunitas.uploads.delete_files_on_commit)."""

from pathlib import Path

from forums import services as forum_services
from forums.tests.factories import MethodFactory, PracticeLogFactory
from komunitas.testing import jpeg_bytes
from komunitas.uploads import CleanFile, Upload

JPEG = CleanFile(jpeg_bytes(), "image/jpeg", "jpg")


def test_a_practice_log_takes_its_evidence_along_and_a_replaced_file_goes(
    program, teacher, django_capture_on_commit_callbacks
):
    log = PracticeLogFactory(program=program, teacher=teacher.person, method=MethodFactory(program=program))
    with django_capture_on_commit_callbacks(execute=True):
        forum_services.practice_log_save(log=log, evidence=Upload(JPEG, "satu.jpg"), user=teacher)
    first = Path(log.evidence.path)
    with django_capture_on_commit_callbacks(execute=True):
        forum_services.practice_log_save(log=log, evidence=Upload(JPEG, "dua.jpg"), user=teacher)
    second = Path(log.evidence.path)
    assert not first.exists() and second.exists()
    with django_capture_on_commit_callbacks(execute=True):
        forum_services.practice_log_delete(log=log)
    assert not second.exists()
