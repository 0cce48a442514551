"""Commit stage (commit.py): what the State says it will do, is doing, or needs to do.

Entry point: `stage.run(document, settings)`.
"""
