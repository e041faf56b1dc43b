"""The committed JSON Schema matches the format models, and describes real scenarios."""

from __future__ import annotations

import json

import pytest

from game import paths
from game.scenario.schema import SCHEMA_FILE, json_schema, schema_text
from tests.scenario.helpers import GENEVA, MINIMAL, minimal_data


def test_committed_schema_has_not_drifted() -> None:
    """If this fails, regenerate it: ``redlines schema -o scenarios/scenario.schema.json``."""
    committed = (paths.scenarios_dir() / SCHEMA_FILE).read_text(encoding="utf-8")
    assert committed == schema_text()


def test_schema_is_strict_and_documents_the_top_level() -> None:
    schema = json_schema()
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert schema["additionalProperties"] is False
    assert {"format", "id", "actors", "issues", "preferences", "rounds", "outcomes"} <= set(
        schema["required"]
    )
    actor = schema["$defs"]["ActorDoc"]
    assert actor["additionalProperties"] is False
    assert actor["properties"]["playable"]["type"] == "boolean"


@pytest.mark.parametrize("path", [MINIMAL, GENEVA], ids=["minimal", "geneva"])
def test_valid_scenarios_satisfy_the_schema(path) -> None:  # type: ignore[no-untyped-def]
    jsonschema = pytest.importorskip("jsonschema")
    assert path.is_file()
    data = minimal_data() if path == MINIMAL else None
    if data is None:
        from game.scenario.yaml_reader import read

        data = read(path.read_bytes(), path.name).data
    jsonschema.validate(json.loads(json.dumps(data)), json_schema())
