"""The book's identity, declared once: title, file names, version, year, publisher.

``conf.py``, the build, the release, the print and EPUB metadata and the tests read it from here; nothing else
writes these values out. ``python -m cowork_book.book`` prints them (``--version`` just the version).
Standard library only.
"""

import sys
from dataclasses import dataclass


@dataclass(frozen=True)
class Book:
    title: str
    file_stem: str  # downloads are <file_stem>-<lang>.pdf / .epub / -html.zip
    version: str  # date-based: year.month of the release
    year: str  # the year of this edition, on the cover and in the imprint
    publisher: str
    copyright: str
    licence: str
    licence_url: str
    project_code: str  # the Erasmus+ project this book comes from
    programme: str


BOOK = Book(
    title="Coworking in Youth Centres",
    file_stem="coworking-in-youth-centres",
    version="2026.11",
    year="2026",
    publisher="Ķekava Youth Initiative Centre and partners",
    copyright="2018–2026, the project partners. CC BY-SA 4.0",
    licence="CC BY-SA 4.0",
    licence_url="https://creativecommons.org/licenses/by-sa/4.0/",
    project_code="2017-2-LV02-KA205-001661",
    programme="Erasmus+ (2014–2020), Key Action 2, Strategic Partnerships in the field of youth",
)

if __name__ == "__main__":
    print(BOOK.version if sys.argv[1:] == ["--version"] else BOOK)
