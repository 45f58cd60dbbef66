/**
 * The correctness claims of the CRDTs lab on the engine, on swarm scenarios (./swarm.ts: one seed draws
 * the type, the replicas, the updates, the gossip and a script of partitions, crashes, pauses, cuts, lossy
 * and slow links, all undone, then 40 gossip intervals to settle):
 *
 *   - every CRDT view converges: every replica holds the merge (join) of all replicas' final states;
 *   - the run's replication history, replayed by src/core/crdt, gives the very states the replicas hold
 *     (the simulated messages carry what the history says, nothing else);
 *   - the OR-Set, G-Counter and PN-Counter show no anomaly (the specification's reading, always);
 *   - merge is commutative, associative and idempotent on states the runs actually produce (three
 *     replicas' states at a random step of the history, while partitions keep them apart).
 *
 * Runs: CRDTS_RUNS (default 40) seeds through fast-check; a failure prints the swarm seed, and
 * `swarmScenario(seed)` replays it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { counterAnomalies, type CrdtType, type History, replay, type SetOp, setAnomalies, stateKey } from '../../../core/crdt';
import { rng } from '../../../core/random/rng';
import { spec } from '../index';
import { simulate } from './program';
import { swarmScenario } from './swarm';

const RUNS = Number(process.env.CRDTS_RUNS ?? 40);
const FC = { seed: 20261206, numRuns: RUNS };
type AnyType = CrdtType<unknown, unknown, unknown>;

describe('crdts: convergence on the engine under random faults', { timeout: 300_000 }, () => {
  it('swarm scenarios are valid scenarios', () => {
    for (let seed = 0; seed < 50; seed++) expect({ seed, ok: spec.validate(swarmScenario(seed)).ok }).toEqual({ seed, ok: true });
  });

  it('after heal and enough gossip every replica of every CRDT holds the merge of all; the history replays to the same states; no anomaly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (seed) => {
        const s = swarmScenario(seed);
        const run = simulate(s, false);
        const where = `swarmScenario(${seed}) ${s.type}`;
        run.members.forEach((m, v) => {
          const states = run.disks.map((d) => d.states[v]);
          // The wall-clock register's writes carry clock readings the history does not hold: no replay for it.
          const replayed = m.key === 'wall' ? states : replay(m.type, run.rec.history as History<unknown>, s.replicas);
          if (replayed.map(stateKey).join() !== states.map(stateKey).join()) throw new Error(`${where} ${m.key}: replay differs from the replicas' states`);
          if (m.key === 'naive' || m.key === 'max') return;
          const join = stateKey(states.reduce((acc, x) => m.type.merge(acc, x), m.type.initial()));
          const off = states.findIndex((x) => stateKey(x) !== join);
          if (off >= 0) throw new Error(`${where} ${m.key}: n${off} holds ${m.type.describe(states[off]).value}, the merge of all is ${m.type.describe(JSON.parse(join)).value}`);
        });
        const first = run.members[0];
        const history = run.rec.history;
        const found = first.key === 'or'
          ? setAnomalies(first.type as CrdtType<unknown, SetOp, string[]>, history as History<SetOp>, s.replicas)
          : first.key === 'g' || first.key === 'pn'
            ? counterAnomalies(first.type as CrdtType<unknown, { type: 'increment' | 'decrement' }, number>, history as History<{ type: 'increment' | 'decrement' }>, s.replicas)
            : [];
        if (found.length > 0) throw new Error(`${where}: ${found.length} anomalies, the first ${JSON.stringify(found[0])}`);
      }),
      FC,
    );
  });

  it('merge is commutative, associative and idempotent on states the runs produce', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (seed) => {
        const s = swarmScenario(seed);
        const run = simulate(s, false);
        const r = rng(seed).fork('laws');
        const steps = run.rec.history.length;
        if (steps === 0) return;
        const at = r.int(steps);
        const [a, b, c] = [r.int(s.replicas), r.int(s.replicas), r.int(s.replicas)];
        for (const m of run.members) {
          if (m.key === 'wall') continue;
          let picked: unknown[] = [];
          replay(m.type, run.rec.history as History<unknown>, s.replicas, (i, _r, states) => {
            if (i === at) picked = [states[a], states[b], states[c]];
          });
          const t = m.type as AnyType;
          const [x, y, z] = picked;
          const k = stateKey;
          const where = `swarmScenario(${seed}) ${m.key} at step ${at}`;
          if (k(t.merge(x, y)) !== k(t.merge(y, x))) throw new Error(`${where}: merge not commutative`);
          if (k(t.merge(t.merge(x, y), z)) !== k(t.merge(x, t.merge(y, z)))) throw new Error(`${where}: merge not associative`);
          if (k(t.merge(x, x)) !== k(x)) throw new Error(`${where}: merge not idempotent`);
        }
      }),
      FC,
    );
  });
});
