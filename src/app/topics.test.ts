import { describe, expect, it } from 'vitest';
import type { LabSpec } from '../labs/contract';
import { fakeLab } from '../worker/fakeLab';
import { labForTopic, otherLabs, topics } from './topics';

describe('topics', () => {
  it('topics cover every seed pattern the home page promises', () => {
    const titles = topics.map((t) => t.title).join(' | ');
    for (const word of ['CAP', 'consistent hashing', 'Hot partitions', 'Replication', 'Quorums', 'Consensus', 'CRDTs',
      'Bloom', 'locks', 'Queues', 'Failure handling', 'Vector clocks', 'Anti-patterns']) {
      expect(titles).toContain(word);
    }
  });

  it('labForTopic() matches by id or by a pattern heading; otherLabs() lists the rest', () => {
    const byPattern = { ...fakeLab(), id: 'ring' } as unknown as LabSpec; // patterns: ['Consistent Hashing']
    const stray = { ...fakeLab(), id: 'stray', patterns: ['Something else'] } as unknown as LabSpec;
    const topic = topics.find((t) => t.labId === 'consistent-hashing')!;
    expect(labForTopic(topic, [stray, byPattern])?.id).toBe('ring');
    expect(otherLabs([stray, byPattern]).map((l) => l.id)).toEqual(['stray']);
  });
});
