"""Where the hub's inputs live, resolved once from the project root."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SITE_URL_VARIABLE = "HUB_SITE_URL"


def site_url(configured: str | None) -> str:
    """The site's public address: HUB_SITE_URL when set (a mirror, a preview
    host), else mkdocs.yml's `site_url`, always ending in '/'.

    It is read here rather than with `!ENV` in mkdocs.yml so that the file
    stays plain YAML for every script and test that reads it."""
    url = os.environ.get(SITE_URL_VARIABLE, "").strip() or (configured or "").strip()
    return url.rstrip("/") + "/" if url else ""


@dataclass(frozen=True)
class HubPaths:
    root: Path = PROJECT_ROOT

    def __post_init__(self) -> None:
        object.__setattr__(self, "root", Path(self.root).resolve())

    @property
    def casestudies(self) -> Path:
        return self.root / "casestudies"

    @property
    def vocabularies(self) -> Path:
        return self.casestudies / "vocabularies.yml"

    @property
    def schema(self) -> Path:
        return self.casestudies / "schema.json"

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def reference_data(self) -> Path:
        return self.content / "_data"

    def display(self, path: Path) -> str:
        """Paths in messages are relative to the project, as editors see them."""
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except (ValueError, OSError, RuntimeError):  # elsewhere, or a symlink loop
            return path.as_posix()


@dataclass(frozen=True)
class SiteInfo:
    """What pages need to know about the site they are part of."""

    repo_url: str = ""
    site_url: str = ""  # the public address, ending in '/'; '' when unknown
    edit_branch: str = "main"
    today: date = field(default_factory=date.today)

    def edit_url(self, source_path: str) -> str:
        """Where an editor changes the file at `source_path`, relative to the repository."""
        if not self.repo_url:
            return ""
        return f"{self.repo_url.rstrip('/')}/edit/{self.edit_branch}/{source_path}"

    def submit_url(self) -> str:
        """The repository's "Submit a case study" issue form."""
        return f"{self.repo_url.rstrip('/')}/issues/new?template=submit-case-study.yml" if self.repo_url else ""

    def contributing_url(self) -> str:
        """The contributors' guide, CONTRIBUTING.md, as the repository shows it."""
        return f"{self.repo_url.rstrip('/')}/blob/{self.edit_branch}/CONTRIBUTING.md" if self.repo_url else ""
