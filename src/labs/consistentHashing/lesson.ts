/**
 * The guided steps of the consistent-hashing lab: one idea per step, each shown by its scenario. Every
 * number quoted is what the program computes for that scenario (lesson.test.ts re-checks each claim). The
 * first steps speak of the lab's default scene, the one a visitor sees before showing any step.
 */
import { presetScenario, type LessonStep as ContractLessonStep } from '../contract';
import { type ConsistentHashingScenario, defaults, presets } from './scenario';

export type LessonStep = ContractLessonStep<ConsistentHashingScenario>;

const preset = (id: string): ConsistentHashingScenario => presetScenario(presets, id);

export const lesson: readonly LessonStep[] = [
  {
    id: 'mod-n',
    title: 'hash mod N reshuffles everything',
    text:
      'Placing key k on node hash(k) mod N works until N changes. At step 1 a sixth node, n5, joins: hash mod N ' +
      'moves 1,675 of the 2,000 keys (83.8%), although the new node needs only a sixth of them (16.7%).',
    scenario: defaults,
    t: 1,
    highlight: { nodes: ['n5'] },
  },
  {
    id: 'ring',
    title: 'The ring: walk clockwise to the next node',
    text:
      'Hash keys and nodes onto the same circle of 2^32 positions; a key belongs to the first node point clockwise ' +
      'from its hash. The same join moves 256 keys on the ring (12.8%, ideal 16.7%), every one of them to n5; at ' +
      'step 2, removing n2 moves only the 370 keys n2 held.',
    scenario: defaults,
    t: 1,
    highlight: { nodes: ['n5'] },
  },
  {
    id: 'one-in-n',
    title: 'Only about 1/N of the keys move',
    text:
      'With 100 nodes and 100,000 keys, adding a node moves under 1% of the keys (ideal 1/101, 0.99%), and so does ' +
      'removing one. hash mod N moves 99% of them both times.',
    scenario: { ...defaults, nodes: 100, vnodes: 100, keys: 100_000, lookup: '', events: [{ t: 1, type: 'add', weight: 1 }, { t: 2, type: 'remove', node: 40 }] },
    t: 1,
  },
  {
    id: 'few-vnodes',
    title: 'One point per node: uneven arcs',
    text:
      'With a single point each, the arcs between 8 nodes are random lengths: here the busiest node holds 3.4 times ' +
      'the mean load and the quietest about a tenth of it. A node that joins takes whatever arc it lands in.',
    scenario: preset('few-vnodes'),
  },
  {
    id: 'vnodes',
    title: 'Virtual nodes even out the load',
    text:
      'Give every node many points (virtual nodes) and each node owns the sum of many small arcs, so its share ' +
      'approaches 1/N. With 200 points each the busiest of 8 nodes holds under 1.1 times the mean; the sweep shows ' +
      'the spread of shares falling from about 100% of the mean at 1 vnode to a few percent at 1,000.',
    scenario: preset('many-vnodes'),
  },
  {
    id: 'weights-replicas',
    title: 'Weights and replicas',
    text:
      'A node with three times the capacity gets three times the points: after t = 1, n0 owns about half of the hash ' +
      'space (3 of 6 weight units). To store R copies, keep walking clockwise past points of nodes already chosen ' +
      'until R distinct nodes are found: follow the lookup key in the Lookup and replicas preset.',
    scenario: preset('weighted'),
    t: 1,
    highlight: { nodes: ['n0'] },
  },
];
