"""The one zip writer: reproducible archives (the EPUB, the offline web book).

Every entry is dated the same moment, ``SOURCE_DATE_EPOCH`` (not before 1980, the zip format's first date),
written in the order given and readable by all (``0644``), so that two builds of one commit are byte for byte
the same.
"""

import os
import time
import zipfile

EARLIEST = 315532800  # 1980-01-01, the first date a zip entry can carry


def stamp(epoch=None):
    """The ``date_time`` of every entry: ``epoch`` (seconds) or ``SOURCE_DATE_EPOCH``; ``None`` if neither."""
    epoch = epoch if epoch is not None else os.environ.get("SOURCE_DATE_EPOCH")
    if epoch in (None, ""):
        return None
    return time.gmtime(max(int(epoch), EARLIEST))[:6]


def write_zip(path, entries, date_time=None):
    """Write ``entries``, ``(name or ZipInfo, bytes)``, to the zip ``path``, in that order, all dated
    ``date_time``. A ``ZipInfo`` (an entry read from another zip) keeps its compression (an EPUB's ``mimetype``
    stays stored) and, without ``date_time``, its date; a name is compressed and dated ``date_time`` (or 1980)."""
    with zipfile.ZipFile(path, "w") as target:
        for entry, data in entries:
            if isinstance(entry, zipfile.ZipInfo):
                info = zipfile.ZipInfo(entry.filename, date_time=date_time or entry.date_time)
                info.compress_type = entry.compress_type
            else:
                info = zipfile.ZipInfo(entry, date_time=date_time or stamp(EARLIEST))
                info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, data)


def rewrite_zip(path, change, date_time=None):
    """Write the zip ``path`` again, each entry's data replaced by ``change(name, data)``, dated ``date_time``."""
    with zipfile.ZipFile(path) as source:
        entries = [(info, source.read(info)) for info in source.infolist()]
    write_zip(path, [(info, change(info.filename, data)) for info, data in entries], date_time)
