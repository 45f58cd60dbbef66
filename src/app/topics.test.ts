import { describe, expect, it } from 'vitest';
import type { LabSpec } from '../labs/contract';
import { fakeLab } from '../worker/testing/fakeLab';
import { labsForTopic, otherLabs, topicCards, topics } from './topics';

describe('topics', () => {
  it('topics cover every seed pattern the home page promises', () => {
    const titles = topics.map((t) => t.title).join(' | ');
    for (const word of ['CAP', 'consistent hashing', 'Hot partitions', 'Replication', 'Quorums', 'Consensus', 'CRDTs',
      'Bloom', 'locks', 'Queues', 'Failure handling', 'Vector clocks', 'Anti-patterns']) {
      expect(titles).toContain(word);
    }
  });

  it('labsForTopic() lists the planned labs in order, then labs naming a heading; otherLabs() lists the rest', () => {
    const byPattern = { ...fakeLab(), id: 'ring' } as unknown as LabSpec; // patterns: ['Consistent Hashing']
    const planned = { ...fakeLab(), id: 'consistent-hashing', patterns: [] } as unknown as LabSpec;
    const stray = { ...fakeLab(), id: 'stray', patterns: ['Something else'] } as unknown as LabSpec;
    const topic = topics.find((t) => t.title === 'Hash rings and consistent hashing')!;
    expect(labsForTopic(topic, [stray, byPattern]).map((l) => l.id)).toEqual(['ring']);
    expect(labsForTopic(topic, [byPattern, stray, planned]).map((l) => l.id)).toEqual(['consistent-hashing', 'ring']);
    expect(otherLabs([stray, byPattern]).map((l) => l.id)).toEqual(['stray']);
  });

  it('the replication topic lists leader-follower, multi-leader and quorums, in that order', () => {
    const lab = (id: string) => ({ ...fakeLab(), id, patterns: [] }) as unknown as LabSpec;
    const topic = topics.find((t) => t.title === 'Replication')!;
    expect(labsForTopic(topic, [lab('quorums'), lab('multi-leader'), lab('leader-follower')]).map((l) => l.id)).toEqual(['leader-follower', 'multi-leader', 'quorums']);
  });

  it('topicCards(labs) gives every card its own blurb, even when one lab teaches two topics', () => {
    const lab = (id: string, summary: string) => ({ ...fakeLab(), id, summary, patterns: [] }) as unknown as LabSpec;
    const labs = ['consistent-hashing', 'partitioning', 'leader-follower', 'multi-leader', 'quorums', 'pbs', 'cap'].map((id) => lab(id, `the ${id} lab`));
    const cards = topicCards(labs);
    const blurbs = cards.map((c) => c.blurb);
    expect(new Set(blurbs).size).toBe(blurbs.length);
    const partitioning = cards.filter((c) => c.lab?.id === 'partitioning');
    expect(partitioning.map((c) => c.topic.title)).toEqual(['Partitioning strategies', 'Hot partitions']);
    expect(partitioning[0].blurb).not.toBe(partitioning[1].blurb);
  });
});
