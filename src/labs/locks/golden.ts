/** Shared links of this lab and the trace hash each must replay to, forever (see GoldenLink in ../contract). */
import type { GoldenLink } from '../contract';

export const goldenLinks: readonly GoldenLink[] = [
  {
    what: 'locks, defaults: Redlock and the Raft lock service side by side, no fault (schema 1)',
    link: '/locks?v=1&s=1&e=1',
    traceHash: '2b193c7b9d6d1d28',
  },
  {
    what: 'locks, readable parameters: fencing off, TTL 500 ms, seed 7',
    link: '/locks?v=1&s=1&e=1&fencing=false&seed=7&ttlMs=500',
    traceHash: '5364087ddaed747b',
  },
  {
    what: 'locks, preset gc-pause: A holder pauses (GC) past its lease',
    link: '/locks?v=1&z=q1ZKVbIy1FEqhpDJqXmJRZn5SlZA8bLUvBKgcHS1Ul5-CkiVgY5SCYgC0ZUFQBGlgsTS4lSlWh10JWZIaopSi0tzgYpia2sB',
    traceHash: '7735ef615e047a46',
  },
  {
    what: "locks, preset clock-jump: A lock server's clock jumps",
    link: '/locks?v=1&z=q1ZKVbIy1FEqhpDJqXmJRZn5SlZA8bLUvBKgcHS1UlpRfi5Q3kBHqUTJCkQCFRgDqcoCoGal5NISpVod7KpMcKkCWoZQBaIIqwJxUFXlAp1nZGAAlM_LTwFKGIGVG4IEYCpz8pOzvUpzC5RqY2trAQ',
    traceHash: '169f498d88dc3671',
  },
  {
    what: "locks, preset ids-clock-step: IDs: a generator's clock steps back",
    link: '/locks?v=1&z=TYs7CoAwFATvsvUT4q_xCF5BLCSmEE0iJioiubvPKGizC8PMCYUqJbhnpTLdMlhUzDdlPOPmhOZLSiEIxvbs5wTPvriJP2YmkJOVY73qGYHeIP-CIgbZP3Cj2hFago4Ght4hhAs',
    traceHash: '36ab87f985a694ed',
  },
  {
    what: 'locks, preset broadcast: Total order: the log beside gossip',
    link: '/locks?v=1&s=1&e=1&durationMs=2000&mode=broadcast&ratePerSec=5',
    traceHash: '9f9e7b928d9a1085',
  },
];
