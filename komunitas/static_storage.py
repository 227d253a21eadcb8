"""Static files in production: whitenoise's compressed, hashed files, each URL worked out once per process."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """Every page links the same few files (``templates/base.html``); finding a file's hashed name in the manifest
    and building its URL took a tenth of the base layout's time. The files and their manifest do not change while
    the process runs (``collectstatic``, then a restart), so each URL is kept once found."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls: dict[str, str] = {}

    def url(self, name, force=False):
        if force:
            return super().url(name, force)
        url = self._urls.get(name)
        if url is None:
            url = self._urls[name] = super().url(name)
        return url
