"""Tag stage (tag.py): entities, dates and amounts of every paragraph, through one spaCy pipeline.

Entry point: `stage.run(document, settings)`.
"""
