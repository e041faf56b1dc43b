"""Build the engine's plain, frozen ``Scenario`` from a validated scenario document.

Only called once ``document`` and ``crossref`` found nothing wrong, so every
id it looks up exists.  This is where the file's conveniences become the
engine's conventions: weights normalised to sum 1, ``source`` mappings turned
into readable text, ``when`` into ``condition``, defaults filled in.
"""

from __future__ import annotations

import dataclasses

from game.engine import model as m
from game.scenario import document as d


class _Builder:
    def __init__(self, doc: d.ScenarioDoc) -> None:
        self.doc = doc
        self.sources = {s.id: s for s in doc.sources}

    def source(self, src: str | d.SourceRef) -> str:
        """A citation as one readable line: ``Title — “quote” (note)``.

        A plain string that is exactly a declared source's id cites that source.
        """
        if isinstance(src, str):
            declared = self.sources.get(src.strip())
            return declared.title if declared is not None else src.strip()
        text = self.sources[src.ref].title
        if src.quote:
            text += f" — “{src.quote.strip()}”"
        if src.note:
            text += f" ({src.note.strip()})"
        return text

    def condition(self, c: d.ConditionDoc) -> m.Condition:
        return m.Condition(
            round=c.round or "",
            min=tuple(self.tracker_test(t) for t in c.min),
            max=tuple(self.tracker_test(t) for t in c.max),
            events_happened=tuple(c.events_happened),
            provisional={issue: frozenset(options) for issue, options in c.provisional.items()},
            threatened=tuple(c.threatened),
            broken=tuple(c.broken),
            any=tuple(self.condition(x) for x in c.any),
            all=tuple(self.condition(x) for x in c.all),
            not_=None if c.not_ is None else self.condition(c.not_),
            min_round=c.min_round,
            max_round=c.max_round,
            min_tension=c.min_tension,
            max_tension=c.max_tension,
            min_agreements=c.min_agreements,
            max_agreements=c.max_agreements,
            agreed={issue: frozenset(options) for issue, options in c.agreed.items()},
            not_agreed=tuple(c.not_agreed),
            levers_executed=tuple(c.levers_executed),
            levers_not_executed=tuple(c.levers_not_executed),
            escalated=c.escalated,
            walked_out=tuple(c.walked_out),
        )

    @staticmethod
    def tracker_test(t: d.TrackerTestDoc) -> m.TrackerTest:
        return m.TrackerTest(m.TrackerKind(t.tracker), t.value, t.actor or "", t.other or "")

    @staticmethod
    def effects(
        effects: list[d.EffectDoc] | list[d.EffectDoc | d.AgendaEffectDoc],
    ) -> tuple[m.Effect, ...]:
        return tuple(
            m.Effect(m.TrackerKind(e.tracker), e.delta, e.actor or "", e.other or "")
            for e in effects
            if isinstance(e, d.EffectDoc)
        )

    @staticmethod
    def agenda(effects: list[d.EffectDoc | d.AgendaEffectDoc]) -> tuple[m.AgendaChange, ...]:
        out = []
        for e in effects:
            if isinstance(e, d.AgendaEffectDoc):
                for change, add in ((e.agenda_add, True), (e.agenda_remove, False)):
                    if change is not None:
                        out.append(m.AgendaChange(change.round, tuple(change.issues), add))
        return tuple(out)

    def actor(self, a: d.ActorDoc) -> m.Actor:
        return m.Actor(
            id=a.id,
            name=a.name,
            delegate=a.delegate,
            principal=a.principal,
            colour=a.colour.lower(),
            playable=a.playable,
            briefing=a.briefing,
            personality=m.Personality(
                a.personality.hardline, a.personality.patience, a.personality.risk
            ),
            short_name=a.short_name or a.name,
            adjective=a.adjective or a.name,
            source=self.source(a.source),
            default_seat="ai" if a.default_seat == "ai" else "",
            ratification=None if a.ratification is None else a.ratification.support,
        )

    def issue(self, i: d.IssueDoc) -> m.Issue:
        options = tuple(
            m.Option(
                o.id,
                o.label,
                o.description,
                self.source(o.source),
                consent=tuple(o.consent),
                requires={k: frozenset(v) for k, v in o.requires.items()},
                excludes={k: frozenset(v) for k, v in o.excludes.items()},
                on_agree=self.effects(o.on_agree),
            )
            for o in i.options
        )
        return m.Issue(
            i.id,
            i.name,
            i.description,
            options,
            i.status_quo,
            tuple(i.consent),
            self.source(i.source),
        )

    def preferences(self, actor: str, p: d.PreferencesDoc) -> m.Preferences:
        written = self._preferences(
            actor,
            weights=p.weights,
            values=p.values,
            reservation=p.reservation,
            red_lines=p.red_lines,
            objectives=p.objectives,
        )
        variants = tuple(
            m.Variant(
                v.id,
                v.name,
                v.chance,
                v.briefing,
                self._preferences(
                    actor,
                    weights={**p.weights, **v.weights},
                    values={
                        i: {**p.values.get(i, {}), **v.values.get(i, {})}
                        for i in [*p.values, *(i for i in v.values if i not in p.values)]
                    },
                    reservation=p.reservation if v.reservation is None else v.reservation,
                    red_lines=[*p.red_lines, *v.red_lines],
                    objectives=[*p.objectives, *v.objectives],
                ),
                self.source(v.source),
            )
            for v in p.variants
        )
        return dataclasses.replace(written, variants=variants)

    def _preferences(
        self,
        actor: str,
        *,
        weights: dict[str, float],
        values: dict[str, dict[str, float]],
        reservation: float,
        red_lines: list[d.RedLineDoc],
        objectives: list[d.ObjectiveDoc],
    ) -> m.Preferences:
        total = sum(weights.values())
        return m.Preferences(
            actor=actor,
            weights={issue: w / total for issue, w in weights.items()},
            values={issue: dict(per_option) for issue, per_option in values.items()},
            reservation=reservation,
            red_lines=tuple(
                m.RedLine(
                    r.id,
                    actor,
                    r.issue,
                    frozenset(r.options),
                    r.public,
                    r.reason,
                    self.source(r.source),
                    None if r.unless is None else self.condition(r.unless),
                )
                for r in red_lines
            ),
            objectives=tuple(
                m.Objective(
                    o.id, actor, o.text, self.condition(o.when), o.points, self.source(o.source)
                )
                for o in objectives
            ),
        )

    def round(self, r: d.RoundDoc) -> m.Round:
        quotes = tuple(m.Quote(q.speaker, q.text, q.turn, self.source(q.source)) for q in r.quotes)
        return m.Round(
            id=r.id,
            name=r.name,
            venue=r.venue,
            city=r.city,
            date=r.date,
            participants=tuple(r.participants),
            agenda=tuple(r.agenda),
            turns=r.turns,
            opening=r.opening,
            quotes=quotes,
            chair=r.chair,
            source=self.source(r.source),
            end_date=r.end_date or "",
        )

    def trackers(self, t: d.TrackersDoc) -> m.Trackers:
        defaults = m.Trackers()

        def start(given: d.TrackerStartDoc | None, default: m.TrackerStart) -> m.TrackerStart:
            return default if given is None else m.TrackerStart(given.start, dict(given.per_actor))

        return m.Trackers(
            tension=t.tension.start,
            war_threshold=t.tension.war_threshold,
            trust=start(t.trust, defaults.trust),
            credibility=start(t.credibility, defaults.credibility),
            cohesion=start(t.cohesion, defaults.cohesion),
            support=start(t.support, defaults.support),
        )

    def rules(self) -> m.RuleTuning:
        given = self.doc.rules.model_dump()
        if self.doc.format < 2 and "talk_fades" not in self.doc.rules.model_fields_set:
            # A version-1 file plays as it always did: its words never lost their effect.
            given["talk_fades"] = False
        return m.RuleTuning(**given)

    def scenario(self) -> m.Scenario:
        doc = self.doc
        return m.Scenario(
            id=doc.id,
            title=doc.title,
            summary=doc.summary,
            decision_point=doc.decision_point,
            briefing=doc.briefing,
            teacher_notes=doc.teacher_notes,
            actors=tuple(self.actor(a) for a in doc.actors),
            issues=tuple(self.issue(i) for i in doc.issues),
            demands=tuple(
                m.Demand(actor, x.issue, x.option, x.words, self.source(x.source))
                for actor, demands in doc.demands.items()
                for x in demands
            ),
            preferences={a: self.preferences(a, p) for a, p in doc.preferences.items()},
            rounds=tuple(self.round(r) for r in doc.rounds),
            levers=tuple(
                m.Lever(
                    id=lv.id,
                    owner=lv.owner or lv.owners[0],
                    target=lv.target,
                    name=lv.name,
                    description=lv.description,
                    threat_effects=self.effects(lv.on_threat),
                    execute_effects=self.effects(lv.on_execute),
                    source=self.source(lv.source),
                    owners=tuple(lv.owners) or (lv.owner or lv.owners[0],),
                    breaks={k: frozenset(v) for k, v in lv.breaks.items()},
                    escalates=lv.escalates,
                    agenda=self.agenda(lv.on_execute),
                )
                for lv in doc.levers
            ),
            events=tuple(
                m.EventCard(
                    id=e.id,
                    title=e.title,
                    text=e.text,
                    probability=e.probability,
                    condition=self.condition(e.when),
                    effects=self.effects(e.effects),
                    once=e.once,
                    source=self.source(e.source),
                    agenda=self.agenda(e.effects),
                    date=e.date or "",
                    counterfactual=e.counterfactual,
                    at_round_start=e.at == "round_start",
                )
                for e in doc.events
            ),
            outcomes=tuple(
                m.Outcome(o.id, o.label, o.description, self.condition(o.when), dict(o.score))
                for o in doc.outcomes
            ),
            trackers=self.trackers(doc.trackers),
            rules=self.rules(),
            discussion_questions=tuple(doc.discussion_questions),
            sources=tuple(
                m.Source(s.id, s.title, s.citation, s.url, m.Confidence(s.confidence))
                for s in doc.sources
            ),
            history_summary=doc.history.summary,
            history=tuple(
                m.HistoryEntry(h.date, h.text, self.source(h.source)) for h in doc.history.entries
            ),
        )


def build(doc: d.ScenarioDoc) -> m.Scenario:
    """The engine's scenario for a document that passed every check."""
    return _Builder(doc).scenario()
