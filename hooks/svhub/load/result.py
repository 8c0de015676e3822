"""What loading one case study gives: the model, or the messages saying why not.

Its own module because both the loader, which makes it, and the cross-check,
which adds to it, need it, and neither should import the other.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..structure.casestudy import CaseStudy
from .frontmatter import Document
from .messages import Diagnostic, has_errors


@dataclass
class LoadResult:
    path: str
    case_study: CaseStudy | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    document: Document | None = field(default=None, repr=False)

    @property
    def ok(self) -> bool:
        return self.case_study is not None and not has_errors(self.diagnostics)
