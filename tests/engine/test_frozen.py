"""``fast_init`` and ``copier`` make the same frozen objects as the dataclass itself, faster."""

from __future__ import annotations

import copy
import dataclasses
import inspect
import pickle
from dataclasses import dataclass, field

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.engine.events import EventKind, GameEvent
from game.engine.frozen import copier, fast_init


@dataclass(frozen=True, slots=True)
class Plain:
    name: str
    count: int = 0
    tags: tuple[str, ...] = ()
    seen: dict[str, int] = field(default_factory=dict, compare=False)
    later: list[int] = field(default_factory=list, init=False, compare=False, repr=False)
    label: str = field(default="", kw_only=True)


@fast_init
@dataclass(frozen=True, slots=True)
class Fast:
    name: str
    count: int = 0
    tags: tuple[str, ...] = ()
    seen: dict[str, int] = field(default_factory=dict, compare=False)
    later: list[int] = field(default_factory=list, init=False, compare=False, repr=False)
    label: str = field(default="", kw_only=True)


@fast_init
@dataclass(frozen=True, slots=True)
class Checked:
    items: tuple[int, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "items", tuple(sorted(self.items)))


def _fields(obj: object) -> dict[str, object]:
    return {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}  # type: ignore[arg-type]


@given(
    name=st.text(max_size=5),
    count=st.integers(),
    tags=st.lists(st.text(max_size=3), max_size=3).map(tuple),
    label=st.text(max_size=3),
)
def test_a_fast_object_holds_what_the_dataclass_would(
    name: str, count: int, tags: tuple[str, ...], label: str
) -> None:
    for args, kwargs in (
        ((name,), {}),
        ((name, count), {"label": label}),
        ((), {"name": name, "tags": tags, "count": count}),
    ):
        fast, plain = Fast(*args, **kwargs), Plain(*args, **kwargs)
        assert type(fast) is Fast
        assert _fields(fast) == _fields(plain)
        assert repr(fast) == repr(plain).replace("Plain(", "Fast(", 1)
        assert fast == Fast(*args, **kwargs)
        assert hash(fast) == hash(Fast(*args, **kwargs))


def test_a_fast_object_is_frozen_picklable_and_replaceable() -> None:
    fast = Fast("a", 2, ("x",), label="l")
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.count = 3  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(fast)) == fast
    assert copy.deepcopy(fast) == fast
    changed = dataclasses.replace(fast, count=5)
    assert type(changed) is Fast
    assert (changed.name, changed.count, changed.label) == ("a", 5, "l")
    assert inspect.signature(Fast) == inspect.signature(Plain)


def test_default_factories_make_a_new_value_each_time() -> None:
    one, two = Fast("a"), Fast("b")
    assert one.seen == {}
    assert one.seen is not two.seen
    assert one.later == []
    assert one.later is not two.later
    given_dict = {"k": 1}
    assert Fast("c", seen=given_dict).seen is given_dict


def test_post_init_runs_on_the_frozen_object() -> None:
    assert Checked((3, 1, 2)).items == (1, 2, 3)


def test_wrong_arguments_fail_as_they_would() -> None:
    with pytest.raises(TypeError):
        Fast()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Fast("a", 1, (), {}, "label")  # type: ignore[call-arg,misc]  # label is keyword-only


def test_only_frozen_slotted_dataclasses_are_accepted() -> None:
    @dataclass(slots=True)
    class Mutable:
        x: int

    @dataclass(frozen=True)
    class NoSlots:
        x: int

    for cls in (Mutable, NoSlots, int):
        with pytest.raises(TypeError):
            fast_init(cls)


def test_copier_is_replace() -> None:
    facts = GameEvent(EventKind.PROPOSAL, actor="us", proposal=3, terms=(("a", "b"),))
    placed = copier(GameEvent, ("text", "round", "turn"))(facts, "Us proposes #3.", 2, 4)
    assert placed == dataclasses.replace(facts, text="Us proposes #3.", round=2, turn=4)
    assert type(placed) is GameEvent
    with pytest.raises(ValueError, match="no-such-field"):
        copier(GameEvent, ("no-such-field",))
    with pytest.raises(TypeError):
        copier(Checked, ("items",))  # a __post_init__ would be skipped
