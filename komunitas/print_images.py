"""Photos made small for print, once each, and kept: what the final report embeds instead of the uploads.

An upload is kept at up to 1600 px (``uploads.WEB_IMAGE_SIDE``) and whatever quality the phone chose; printed
at a third of an A4 page's width it needs far less. WeasyPrint embeds an image as it gets it, so twenty
uploads made a 149 MB report and their downscaled copies 6 MB.
Here 20.7 MB of photos make a 5.5 MB report (the evidence platform takes at most 10 MB).
Downscaling costs about 50 ms a photo, so each is made once and stored under
``MEDIA_ROOT/cache/print/`` (named after the attachment's file, so a replaced file gets a new copy); later
renders read the stored copy. ``cache/`` holds only what can be made again: backups skip it
(``backup.media_files``). A copy leaves with its photo, and so do the program's stored reports that may show it
(``forget_copies``, connected in ``KomunitasConfig.ready``): a photo deleted because consent was withdrawn
survives nowhere on disk.

The copy is re-encoded from pixels, so it carries no EXIF (the uploads had none either: ``uploads.clean_image``).
"""

from __future__ import annotations

import hashlib
import io
import logging
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageOps, UnidentifiedImageError

log = logging.getLogger(__name__)

PRINT_SIDE = 1000  # px, longest side: 300 dpi over the 8 cm a photo is printed at (half the text width)
PRINT_QUALITY = 75
FOLDER = "cache/print"
THUMB_SIDE = 480  # px: sharp in a 160-pixel tile on a phone's screen (three device pixels to one)
THUMB_FOLDER = "cache/thumbs"


@dataclass(frozen=True)
class PrintPhoto:
    """A photo as the report shows it: its print copy (a /media/ path, which only the PDF module's URL
    fetcher reads), the checked URL of the upload (for the HTML preview in a browser), and its caption."""

    media_url: str
    preview_url: str
    caption: str
    session_title: str
    date: object

    @property
    def text(self) -> str:
        """The caption with its session's title, unless the caption already names it."""
        if not self.caption:
            return self.session_title
        return self.caption if self.session_title in self.caption else f"{self.caption} — {self.session_title}"


def print_name(attachment) -> str:
    """Where the print copy of ``attachment`` is stored: a digest of its file's name (a new upload, a new name);
    the name alone decides it, so a deleted attachment's copy is found without its session."""
    digest = hashlib.sha256(attachment.file.name.encode()).hexdigest()[:24]
    return f"{FOLDER}/{digest}.jpg"


def thumb_name(attachment) -> str:
    digest = hashlib.sha256(attachment.file.name.encode()).hexdigest()[:24]
    return f"{THUMB_FOLDER}/{digest}.jpg"


def thumb_copy(attachment) -> str | None:
    """The storage name of ``attachment``'s thumbnail (what lists of photos show: tens of kilobytes instead of
    hundreds on a school's slow connection), made now if missing; None when its file cannot be read."""
    return _copy(attachment, thumb_name(attachment), THUMB_SIDE, 70)


def forget_copies(sender, instance, **kwargs) -> None:
    """``post_delete`` receiver for Attachment: once the delete commits, its print copy and thumbnail go, and every
    stored report of its program (one may embed it; the next request renders afresh)."""
    from django.db import transaction

    from . import report_render
    from .models import Session

    names = [print_name(instance), thumb_name(instance)]
    program_id = Session.objects.filter(pk=instance.session_id).values_list("program_id", flat=True).first()

    def forget() -> None:
        for name in names:
            default_storage.delete(name)
        if program_id is not None:
            report_render.forget(program_id)

    transaction.on_commit(forget)


def downscaled(data: bytes, side: int = PRINT_SIDE, quality: int = PRINT_QUALITY) -> bytes:
    """``data`` (an image) as an EXIF-free JPEG of at most ``side`` pixels on its longest side."""
    with Image.open(io.BytesIO(data)) as image:
        image = ImageOps.exif_transpose(image)
        image.thumbnail((side, side), Image.Resampling.LANCZOS)
        if image.mode != "RGB":
            background = Image.new("RGB", image.size, "white")
            rgba = image.convert("RGBA")
            background.paste(rgba, mask=rgba.getchannel("A"))
            image = background
        out = io.BytesIO()
        image.save(out, format="JPEG", quality=quality, optimize=True, progressive=True)
    return out.getvalue()


def print_copy(attachment) -> str | None:
    """The storage name of ``attachment``'s print copy, made now if missing; None when its file cannot be read
    as an image (a missing file, a damaged one): the report goes on without it."""
    return _copy(attachment, print_name(attachment), PRINT_SIDE, PRINT_QUALITY)


def _copy(attachment, name: str, side: int, quality: int) -> str | None:
    if default_storage.exists(name):
        return name
    try:
        with attachment.file.open("rb") as upload:
            data = downscaled(upload.read(), side, quality)
    except (OSError, UnidentifiedImageError, ValueError, Image.DecompressionBombError):
        log.warning("No print copy of attachment %s", attachment.pk, exc_info=True)
        return None
    return default_storage.save(name, ContentFile(data))


def print_photos(attachments) -> list[PrintPhoto]:
    """The report's photos from ``attachments`` (already filtered with ``shown_for("report")``, with
    ``session`` selected): print copies made where missing. No query."""
    from django.urls import reverse

    photos = []
    for attachment in attachments:
        name = print_copy(attachment)
        if name is None:
            continue
        session = attachment.session
        photos.append(
            PrintPhoto(
                media_url=f"/media/{name}",
                preview_url=reverse("attachment_download", args=[session.program_id, attachment.pk]),
                caption=attachment.caption,
                session_title=session.title,
                date=session.date,
            )
        )
    return photos
