"""The offline copy: the whole hub in a zip that works opened from index.html.

A browser fetches nothing from file://, so every file the engine (which the
finder, the site search and the record share) reads with fetch gets a script beside
it, the file's name plus ".js", which hands the same text to the engine
(hubFinder.deliver, in engine/base.js); a script loads from file:// where a
fetch cannot. Only the offline copy has these scripts: the online site keeps
fetching its data when it is needed. Pages use file URLs (MkDocs'
--no-directory-urls), and the home page says which commit the copy was made
from and where the current hub is. The zip is the same, byte for byte, for the
same commit: its entries are sorted, and carry the commit's date.
"""

from __future__ import annotations

import json
import os
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urljoin

from ..urls import page_url

EDITION_VARIABLE = "HUB_OFFLINE_EDITION"  # "<commit> <unix time>", set by scripts/offline.py
FOLDER = "social-value-hub-offline"  # the zip's one top folder
DATA_SUFFIXES = (".json", ".csv")  # what the engine fetches: the finder's and the search's data, the downloads
SCRIPT_SUFFIX = ".js"
EARLIEST_ZIP_TIME = 315532800  # 1 January 1980, the first time a zip entry can hold


@dataclass(frozen=True)
class Edition:
    """Which commit an offline copy was made from, and when that commit was made."""

    commit: str
    time: int  # seconds since 1970, the commit's date

    @property
    def date(self) -> str:
        moment = datetime.fromtimestamp(self.time, UTC)
        return f"{moment.day} {moment:%B %Y}"

    @property
    def iso_date(self) -> str:
        return datetime.fromtimestamp(self.time, UTC).date().isoformat()

    def variable(self) -> str:
        return f"{self.commit} {self.time}"

    @classmethod
    def from_variable(cls, value: str) -> Edition:
        commit, _, time = value.strip().partition(" ")
        if not commit or not time.strip().isdigit():
            raise ValueError(f"{EDITION_VARIABLE} should be '<commit> <unix time>', not {value!r}")
        return cls(commit, int(time))


def edition() -> Edition | None:
    """The edition this build makes, or None for the online site."""
    value = os.environ.get(EDITION_VARIABLE, "").strip()
    return Edition.from_variable(value) if value else None


def online_url(site_url: str, src_uri: str) -> str:
    """A page's address on the online hub, which has directory URLs: what a
    printed page or a shared link from the offline copy should name, never the
    copy's own 'page.html', which the online hub does not have."""
    if not site_url or src_uri == "404.md":
        return urljoin(site_url, "404.html") if site_url else ""
    return urljoin(site_url, page_url(src_uri))


def data_script(text: str) -> str:
    """A file's text as a script that hands it to the engine. The string is
    JSON's, all ASCII, so no encoding has to be guessed from file://; the text
    is read as fetch reads it: its line ends as they are, without a byte order mark."""
    return f"window.hubFinder.deliver({json.dumps(text, ensure_ascii=True, allow_nan=False)});\n"


def data_files(site: Path) -> list[Path]:
    """The files in a built site that the engine may fetch."""
    return sorted(p for p in site.rglob("*") if p.is_file() and p.suffix in DATA_SUFFIXES)


def add_data_scripts(site: Path) -> list[Path]:
    """Writes each data file's script beside it; returns the scripts."""
    scripts = []
    for file in data_files(site):
        script = file.with_name(file.name + SCRIPT_SUFFIX)
        script.write_text(data_script(file.read_bytes().decode("utf-8-sig")), encoding="ascii")
        scripts.append(script)
    return scripts


def zip_time(epoch: int) -> tuple[int, int, int, int, int, int]:
    return datetime.fromtimestamp(max(epoch, EARLIEST_ZIP_TIME), UTC).timetuple()[:6]


def entries(site: Path) -> Iterable[tuple[str, Path]]:
    """The zip's names and the files they hold, sorted by name."""
    files = {f"{FOLDER}/{p.relative_to(site).as_posix()}": p for p in site.rglob("*") if p.is_file()}
    return sorted(files.items())


def write_zip(site: Path, target: Path, epoch: int) -> None:
    """The site as a zip that is the same for the same files and `epoch`:
    sorted entries, each dated `epoch`, with the same permissions."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, file in entries(site):
            info = zipfile.ZipInfo(name, date_time=zip_time(epoch))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, so the permissions below are read
            info.external_attr = 0o644 << 16
            archive.writestr(info, file.read_bytes(), compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    partial.replace(target)
