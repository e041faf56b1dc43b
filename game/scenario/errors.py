"""Located scenario errors: every mistake in a file as ``FILE:LINE:COL: path: message``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from game.errors import UserError

# A path into the parsed document: mapping keys and list indexes, outermost first.
Path = tuple[str | int, ...]


def format_path(path: Path) -> str:
    """``("actors", 2, "personality", "hardline")`` -> ``actors[2].personality.hardline``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


@dataclass(frozen=True, slots=True, order=True)
class Located:
    """One finding in a file; ``line`` and ``column`` are 1-based."""

    line: int
    column: int
    file: str
    path: str
    message: str
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}:"
        kind = "" if self.severity == "error" else f"{self.severity}: "
        if self.path:
            return _one_line(f"{where} {self.path}: {kind}{self.message}")
        return _one_line(f"{where} {kind}{self.message}")


def _one_line(text: str) -> str:
    """Escape line breaks and control characters a hostile key could smuggle into a message."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in text)


def sort_unique(found: Iterable[Located]) -> list[Located]:
    """Sorted by position in the file, each finding once."""
    return sorted(set(found))


class ScenarioError(UserError):
    """A scenario file that cannot be used; ``errors`` holds every located mistake."""

    def __init__(self, errors: Sequence[Located]) -> None:
        self.errors: tuple[Located, ...] = tuple(errors)
        super().__init__("\n".join(str(e) for e in self.errors))

    @classmethod
    def single(cls, file: str, message: str, line: int = 1, column: int = 1) -> ScenarioError:
        """A whole-file refusal (too big, binary, not YAML...), reported at a position."""
        return cls([Located(line, column, file, "", message)])
