"""The content hash that names exactly which scenario a save file was played on.

It is the sha256 of the validated document as canonical JSON (sorted keys, no
whitespace, defaults filled in), not of the file's bytes: editing a comment,
re-indenting or reordering keys does not orphan anyone's saves, while any
change to what the game would play (a weight, a text, a default made explicit
with a different value) does change it.  The prefix names the format version,
so a future format cannot collide with this one.
"""

from __future__ import annotations

import hashlib
import json

from game.scenario.document import FORMAT_VERSION, ScenarioDoc


def content_hash(doc: ScenarioDoc) -> str:
    """``"sha256:<64 hex digits>"`` of the document's canonical content."""
    canonical = json.dumps(
        doc.model_dump(mode="json"),
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
        allow_nan=False,
    )
    digest = hashlib.sha256(f"redlines-scenario/{FORMAT_VERSION}\n{canonical}".encode())
    return f"sha256:{digest.hexdigest()}"
