"""What a delegate's relations with the others are worth: trust and alliance cohesion (R30).

Settling an issue at a table that lacks one of its consenting delegations costs the
absent one cohesion and its trust in the parties (the scenario's
``consent_bypass_cohesion`` and ``consent_bypass_trust``).  A delegate prices that
before it agrees a term over someone's head:

* lost **trust** always costs it: the bypassed delegation trusts it less at every
  later table;
* lost **cohesion** costs it in proportion to how close it stands to the bypassed
  delegation (an ally's weakness is its own; an adversary's split is no loss to it).
  Closeness is read from the public record only: how near each other's public demands
  are on the issues both demanded.

Trust also tells how likely the bypassed delegation is to confirm a term made over its
head: little trust, little chance (``confirm_factor``).
"""

from __future__ import annotations

from game.ai.table import Table

# Score points one tracker point is worth to a delegate (trust and cohesion run 0-100):
# a term that costs an ally 8 cohesion and 4 trust is worth giving only for about 0.04.
_POINT = 0.005


def alignment(table: Table, other: str) -> float:
    """How close ``other`` stands to us, in [-1, 1], from both public demands: +1 when we
    demand the same options, -1 when we demand opposite ends (0 with nothing in common)."""
    key = ("align", other)
    found = table.cache.get(key)
    if isinstance(found, float):
        return found
    mine = table.demands.get(table.me, {})
    theirs = table.demands.get(other, {})
    near = []
    for issue in table.issues:
        a, b = mine.get(issue.id), theirs.get(issue.id)
        opts = [o.id for o in issue.options]
        if a in opts and b in opts:
            far = max(1, len(opts) - 1)
            near.append(1.0 - 2.0 * abs(opts.index(a) - opts.index(b)) / far)
    made = table.cache[key] = sum(near) / len(near) if near else 0.0
    return made


def bypass_cost(table: Table, issue: str) -> float:
    """What agreeing ``issue`` here costs us in relations (score points): for each consenting
    delegation absent from this table, its lost trust and, as far as it is our ally, its
    lost cohesion."""
    missing = table.missing.get(issue, ())
    if not missing:
        return 0.0
    costs = table.now.bypass  # every package and row of a move asks again
    found = costs.get(issue)
    if found is not None:
        return found
    rules = table.tuning
    trust = max(0.0, -rules.consent_bypass_trust)
    cohesion = max(0.0, -rules.consent_bypass_cohesion)
    if not trust and not cohesion:
        found = 0.0
    else:
        found = _POINT * sum(trust + max(0.0, alignment(table, a)) * cohesion for a in missing)
    costs[issue] = found
    return found


def trust_between(table: Table, a: str, b: str) -> float:
    """Trust between ``a`` and ``b`` (0-100; 50 when the record does not say)."""
    return table.trust.get((a, b), table.trust.get((b, a), 50.0))


def confirm_factor(table: Table, absent: str) -> float:
    """How much the absent delegation's trust in us scales its chance of confirming a term
    agreed without it: 1 at full trust, half at none."""
    return 0.5 + 0.5 * min(100.0, max(0.0, trust_between(table, table.me, absent))) / 100.0
