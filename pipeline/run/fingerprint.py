"""What a document's output depends on besides its input and the settings: the package's
code and data files, and the spaCy model's version. `Settings.fingerprint()` covers them, so
an incremental run redoes a document when a rule in pipeline/data, the code or the model
changed, not only when the settings or the pipeline version did.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
from functools import lru_cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]  # pipeline/
NO_MODEL = "none"  # the `model` setting that runs the rules alone, without a spaCy pipeline
MODEL_META = "meta.json"  # what a spaCy pipeline saved to a folder says of itself


@lru_cache(maxsize=None)
def package_fingerprint() -> str:
    """The package's code and data, read once per process."""
    return files_fingerprint(PACKAGE)


def files_fingerprint(root: Path) -> str:
    """A digest of every file's path and bytes under `root` (compiled caches left out)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def model_version(model: str) -> str | None:
    """The installed version of a spaCy pipeline, by package name or saved folder; None when
    it is not installed. Read from the package metadata: spaCy itself is not imported."""
    meta = Path(model) / MODEL_META
    if meta.is_file():
        return str(json.loads(meta.read_text(encoding="utf-8")).get("version"))
    try:
        return importlib.metadata.version(model)
    except (importlib.metadata.PackageNotFoundError, ValueError):
        return None


def model_not_installed(model: str) -> str:
    return (f"spaCy model {model!r} is not installed: install it with `{install_command(model)}`, "
            f"or pass --model {NO_MODEL} to tag with the rules alone")


def install_command(model: str) -> str:
    """How to install a spaCy pipeline package named `model` (spaCy's own are on its download server)."""
    return f"python -m spacy download {model}" if model.startswith("en_core_") and model.count("_") == 3 \
        else f"pip install {model.replace('_', '-')}"
