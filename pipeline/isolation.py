"""Fault isolation: an exception in one component on one paragraph costs that paragraph that
component's annotations, never the document.

`Isolation(stage, strict).guard(paragraph, component)` is a context manager around one
component's work on one paragraph. An unexpected exception there is recorded on the
paragraph (`Paragraph.warnings`: stage, component, code, message) and swallowed, so the
stage goes on with the next component and paragraph; the document stays `ok`, its record
counts the errors (`component_errors`) and the run summary reports them as bugs. With
`strict` (`--strict`, and the test suite) it raises `ComponentFailed` instead, failing the
document. Typed errors (a time limit striking inside a component) always go through.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Iterator

from pipeline.errors import ComponentFailed, PipelineError
from pipeline.model import Paragraph


@dataclass(frozen=True)
class Isolation:
    stage: str
    strict: bool = True  # a direct caller hears of a bug; the pipeline passes settings.strict

    @contextmanager
    def guard(self, paragraph: Paragraph, component: str) -> Iterator[None]:
        try:
            yield
        except PipelineError:
            raise
        except Exception as exc:  # a bug in one component must cost one paragraph's annotations
            self.failed(paragraph, component, exc)

    def failed(self, paragraph: Paragraph, component: str, exc: Exception) -> None:
        """Record `exc` on the paragraph, or raise it as the document's error when strict."""
        message = " ".join(f"{type(exc).__name__}: {exc}".split())
        if self.strict:
            raise ComponentFailed(f"{self.stage} component {component} failed on paragraph {paragraph.para}: "
                                  f"{message} (a bug; please report it)") from exc
        paragraph.warnings.append(component_warning(self.stage, component, message))


def component_warning(stage: str, component: str, message: str) -> dict[str, Any]:
    return {"stage": stage, "component": component, "code": ComponentFailed.code, "message": message}


def component_errors(paragraphs: list[Paragraph]) -> list[str]:
    """One line per component error of a document's paragraphs, for its record's warnings."""
    return [f"paragraph {p.para}: {w['stage']} component {w['component']} failed: [{w['code']}] {w['message']} "
            f"(a bug; please report it)" for p in paragraphs for w in p.warnings if w["code"] == ComponentFailed.code]
