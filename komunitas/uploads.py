"""Validation, clean-up and serving of uploaded files; judged by content — never by the name's extension.

Images are opened with Pillow, bounded in pixels, turned upright, resized for the web and re-encoded
as JPEG (or PNG when transparent), which drops EXIF and with it any GPS position of children.
Other files must be one of a short list of document types, recognised by their first bytes.
"""

from __future__ import annotations

import io
import logging
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import FileField
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

log = logging.getLogger(__name__)

MAX_IMAGE_PIXELS = 40_000_000  # a 40-megapixel photo; anything bigger is refused, not decoded
WEB_IMAGE_SIDE = 1600  # longest side kept after resizing
IMAGE_FORMATS = {"JPEG", "PNG", "WEBP", "GIF", "MPO"}


@dataclass
class CleanFile:
    content: bytes
    content_type: str
    extension: str


@dataclass(frozen=True)
class Upload:
    """A checked upload with the name the user gave it (kept for display, never used on disk)."""

    clean: CleanFile
    original_name: str


def check_size(upload: UploadedFile, limit: int | None = None) -> None:
    limit = limit or settings.UPLOAD_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("The file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_large",
        )


def clean_image(upload: UploadedFile, *, side: int = WEB_IMAGE_SIDE) -> CleanFile:
    """A re-encoding of an uploaded image at most ``side`` pixels long, without EXIF, or ValidationError."""
    check_size(upload)
    upload.seek(0)
    try:
        with Image.open(upload) as probe:
            if probe.format not in IMAGE_FORMATS:
                raise ValidationError(_("Upload a photo in JPEG, PNG, WebP or GIF format."), code="bad_image")
            if probe.width * probe.height > MAX_IMAGE_PIXELS:
                raise ValidationError(
                    _("The image is %(w)s × %(h)s pixels; the limit is 40 megapixels.")
                    % {"w": probe.width, "h": probe.height},
                    code="too_many_pixels",
                )
            probe.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            image.load()
            image = ImageOps.exif_transpose(image)
            image.thumbnail((side, side))
            keeps_alpha = image.mode in {"RGBA", "LA"} or (image.mode == "P" and "transparency" in image.info)
            image = to_srgb(image)
            clean = image.convert("RGBA" if keeps_alpha else "RGB")
            # Nothing of the original's metadata is written again: no EXIF (GPS), no comment (which can carry
            # markup), no colour profile or text chunks — Pillow would copy what is left in ``info``.
            clean.info = {}
            out = io.BytesIO()
            if keeps_alpha:
                clean.save(out, format="PNG", optimize=True)
                return CleanFile(out.getvalue(), "image/png", "png")
            clean.save(out, format="JPEG", quality=85, optimize=True)
            return CleanFile(out.getvalue(), "image/jpeg", "jpg")
    except ValidationError:
        raise
    except Image.DecompressionBombError:  # so many pixels that Pillow will not even read the header's promise
        raise ValidationError(
            _("The image is too large in pixels; the limit is 40 megapixels."), code="too_many_pixels"
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError(_("This file is not an image we can read."), code="bad_image") from None


def to_srgb(image: Image.Image) -> Image.Image:
    """The image in sRGB: a photo in a wider colour space (Display P3 from a recent phone, say) keeps its colours
    once its profile is dropped. Unchanged when it has no profile, or one that cannot be read."""
    profile = image.info.get("icc_profile")
    if not profile or image.mode not in ("RGB", "RGBA"):
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        return ImageCms.profileToProfile(image, source, ImageCms.createProfile("sRGB"), outputMode=image.mode)
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image


# Office Open XML files are zip archives; the first member tells which kind.
OOXML_TYPES = {
    "word/": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    "ppt/": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
    "xl/": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
}
ODF_TYPES = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.presentation": "odp",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
}


def sniff_document(upload: UploadedFile) -> tuple[str, str] | None:
    """(content type, extension) of a PDF, Office or OpenDocument file, judged by its content."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "application/pdf", "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(upload) as archive:
                names = archive.namelist()
                if "mimetype" in names:
                    kind = archive.read("mimetype").strip()
                    if kind in ODF_TYPES:
                        return kind.decode(), ODF_TYPES[kind]
                for prefix, result in OOXML_TYPES.items():
                    if any(name.startswith(prefix) for name in names):
                        return result
        except zipfile.BadZipFile:
            return None
        finally:
            upload.seek(0)
    return None


def clean_document_or_image(upload: UploadedFile) -> CleanFile:
    """Documentation file: an image (cleaned as above) or a PDF/Office/OpenDocument file as uploaded."""
    check_size(upload)
    document = sniff_document(upload)
    if document is None:
        try:
            return clean_image(upload)
        except ValidationError as refused:
            if refused.code == "too_many_pixels":
                raise  # it is a photo, only too large: say so
            raise ValidationError(
                _("Upload a photo or a PDF, Word, PowerPoint, Excel or OpenDocument file."), code="bad_type"
            ) from None
    upload.seek(0)
    content_type, extension = document
    return CleanFile(upload.read(), content_type, extension)


def serve_private(fieldfile, *, content_type: str, filename: str, inline: bool):
    """A stored upload as a response, for views that have already checked the viewer's rights.
    Photos show inline; documents download; the browser must not guess another type."""
    from django.http import FileResponse

    response = FileResponse(
        fieldfile.open("rb"), content_type=content_type, as_attachment=not inline, filename=filename
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store, private"  # a shared computer keeps no copy; consent withdrawn means gone
    return response


def remove_files_of(sender, instance, **kwargs) -> None:
    """``post_delete`` receiver for every model with a file (connected in ``KomunitasConfig.ready``): a record's
    files leave the disk with it, however it goes — one delete, a cascade from its session or program, the
    admin. The one signal of the project: cascades call no ``delete()``, so nothing else would see them."""
    delete_files_on_commit(
        getattr(instance, field.name) for field in instance._meta.concrete_fields if isinstance(field, FileField)
    )


def delete_files_on_commit(fieldfiles) -> None:
    """Remove stored files once the transaction that removed their records commits: a rolled-back delete
    keeps its files, and a file never outlives its record."""
    stored = [(fieldfile.storage, fieldfile.name) for fieldfile in fieldfiles if fieldfile]

    def remove() -> None:
        for storage, name in stored:
            try:
                storage.delete(name)
            except OSError:  # the record is gone either way; orphaned_files finds what is left
                log.warning("Could not remove %s", name, exc_info=True)

    transaction.on_commit(remove)
