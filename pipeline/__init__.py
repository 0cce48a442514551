"""upr-pipeline: UN Universal Periodic Review documents to structured JSONL."""

from pipeline.run.settings import PIPELINE_VERSION as __version__

__all__ = ["__version__"]
