"""Typed errors with stable codes. The CLI prints them as one line: `file: [CODE] message`."""

from __future__ import annotations


class PipelineError(Exception):
    """A problem with one document; the batch goes on with the others."""

    code = "E000"

    def __init__(self, message: str, file: str | None = None):
        super().__init__(message)
        self.message = message
        self.file = file

    def with_file(self, file: str) -> "PipelineError":
        self.file = self.file or file
        return self

    def __str__(self) -> str:
        where = f"{self.file}: " if self.file else ""
        return f"{where}[{self.code}] {self.message}"


class UnreadableInput(PipelineError):
    code = "E001"


class EmptyInput(PipelineError):
    code = "E002"


class UndecodableText(PipelineError):
    code = "E003"


class InputTooLarge(PipelineError):
    code = "E004"


class UnsupportedFormat(PipelineError):
    code = "E005"


class EncryptedPdf(PipelineError):
    code = "E010"


class CorruptPdf(PipelineError):
    code = "E011"


class NoTextLayer(PipelineError):
    code = "E012"


class DocumentTimeout(PipelineError):
    code = "E020"


class OutputNotWritable(PipelineError):
    code = "E030"


class OutputMissing(PipelineError):
    """The pipeline's output (documents.jsonl, a paragraphs file) is not there: run it first."""

    code = "E031"


class MalformedOutput(PipelineError):
    code = "E032"


class InternalError(PipelineError):
    """An unexpected exception while processing one document: a bug, reported, not fatal to the batch."""

    code = "E099"


class SchedulerUnreachable(PipelineError):
    code = "E060"


class UnsupportedModel(PipelineError):
    code = "E040"


class ModelNotInstalled(PipelineError):
    """The spaCy model asked for is not installed (the CLI checks before any work and exits 2)."""

    code = "E042"


class ComponentFailed(PipelineError):
    """A component or a stage's per-paragraph work raised on one paragraph: a bug. The paragraph
    loses that component's annotations (a `warnings` entry says so); with --strict the document fails."""

    code = "E050"
