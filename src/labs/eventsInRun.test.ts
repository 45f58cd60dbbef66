/**
 * Every lab, through the registry: an event after the run's end would silently never fire, so each lab
 * either refuses it, naming the bound (scenarioSchema's runEnd), or runs long enough to fire it (its horizon
 * reaches the event).
 */
import { describe, expect, it } from 'vitest';
import type { BaseScenario, EventSpec } from './contract';
import { labs } from './registry';

/** An event of `spec` at time t with every numeric field at its minimum; undefined when a field is text. */
function eventAt(spec: EventSpec, t: number): Record<string, unknown> | undefined {
  const event: Record<string, unknown> = { t, type: spec.type };
  for (const field of spec.fields) {
    if (!('min' in field) || field.min === undefined) return undefined;
    event[field.key] = field.min;
  }
  return event;
}

describe('events after the end of the run', () => {
  for (const lab of labs) {
    it(`${lab.id}: an event past the run's end is refused with the bound named, or the run reaches it`, () => {
      const base = lab.defaults;
      const end = lab.horizon(base);
      let tried = 0;
      for (const spec of lab.events) {
        const early = eventAt(spec, 1);
        if (!early) continue;
        const withEarly = lab.validate({ ...base, events: [early] } as unknown as BaseScenario);
        if (!withEarly.ok) continue; // this event needs a context the defaults lack (a split needs ranges)
        tried++;
        const late = eventAt(spec, Math.ceil(end) + 1_000)!;
        const checked = lab.validate({ ...base, events: [late] } as unknown as BaseScenario);
        if (checked.ok) {
          expect(lab.horizon(checked.value), `${spec.type} at ${String(late.t)}`).toBeGreaterThanOrEqual(late.t as number);
        } else {
          expect(checked.issues.map((i) => i.path)).toContain('events[0].t');
          expect(checked.issues.find((i) => i.path === 'events[0].t')!.message).toMatch(/^events\[0\]\.t must be (at most [\d,.]+, when the run ends \(.+\)|[\d,.]+\.\.[\d,.]+), got [\d,.]+$/);
        }
      }
      if (lab.events.length > 0) expect(tried, 'events tried').toBeGreaterThan(0);
    });
  }
});
