"""The content hash that names exactly which scenario a save file was played on.

It is the sha256 of the validated document as canonical JSON (sorted keys, no
whitespace, numbers as the model holds them, fields left at their defaults
omitted), not of the file's bytes: editing a comment, re-indenting, quoting
differently, reordering keys or writing out a default does not orphan anyone's
saves, while any change to what the author wrote that the game would play (a
weight, a text, an option) does.  Defaults belong to the game, not the file:
a new rule number with a default (``engine.RuleTuning``) leaves every hash as
it was; the game's own version is the save file's business.  The prefix names
the format version, so a future format cannot collide with this one.
"""

from __future__ import annotations

import hashlib
import json

from game.scenario.document import FORMAT_VERSION, ScenarioDoc


def content_hash(doc: ScenarioDoc) -> str:
    """``"sha256:<64 hex digits>"`` of the document's canonical content."""
    canonical = json.dumps(
        doc.model_dump(mode="json", exclude_defaults=True),
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
        allow_nan=False,
    )
    digest = hashlib.sha256(f"redlines-scenario/{FORMAT_VERSION}\n{canonical}".encode())
    return f"sha256:{digest.hexdigest()}"
