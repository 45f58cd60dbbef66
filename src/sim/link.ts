/**
 * One directed link's behaviour (latency, loss, duplication, reordering) and its random streams.
 *
 * Each link draws from its own streams, forked from the root as `link/<from>-><to>` and then per purpose
 * (`latency`, `loss`, `duplicate`, `reorder`), so turning loss on for one link, or adding a node, never
 * shifts the latency draws of another link (TigerBeetle's VOPR derives its seeds the same way).
 */
import type { Rng } from '../core/random/rng';
import { type LatencySampler, type LatencySpec, latencySampler } from './latency';
import { chancePpm, toPpm } from './probability';
import { isTicks } from './ticks';

/** What a link does to the messages it carries. Every field is optional; the defaults are listed. */
export interface LinkOptions {
  /** Latency distribution in ticks. Default: constant 1 tick. */
  latency?: LatencySpec;
  /** Probability (0..1) that a message is lost. Default 0. Decided in integer parts per million. */
  loss?: number;
  /** Probability (0..1) that a delivered message also arrives a second time (independent latency). Default 0. */
  duplicate?: number;
  /**
   * Probability (0..1) that a message is held back by an extra uniform delay of 1..reorderTicksMax ticks,
   * on top of its latency, so it can overtake or be overtaken. Random latency already reorders messages;
   * this makes a mostly-FIFO link misbehave now and then. Default 0.
   */
  reorder?: number;
  /** Largest extra delay of a reordered message, in ticks (integer 1..2^32-1). Default 100. */
  reorderTicksMax?: number;
}

export const LINK_DEFAULTS: Required<LinkOptions> = {
  latency: { kind: 'constant', ticks: 1 },
  loss: 0,
  duplicate: 0,
  reorder: 0,
  reorderTicksMax: 100,
};

export class Link {
  readonly lossPpm: number;
  readonly duplicatePpm: number;
  private readonly reorderPpm: number;
  private readonly reorderTicksMax: number;
  private readonly sample: LatencySampler;
  private readonly latencyRng: Rng;
  // Forked only when the option that draws from them is on (a fork derives from the key, never from the
  // parent's draws, so a stream made later is the same stream): most links draw latencies alone.
  private readonly lossRng: Rng | undefined;
  private readonly duplicateRng: Rng | undefined;
  private readonly reorderRng: Rng | undefined;
  private readonly stream: Rng;
  /** Faults on top of the options (`slow`, `lossy`): extra delay per message, extra loss; 0 when none. */
  private slowTicks = 0;
  private lossyPpm = 0;
  private lossyRng: Rng | undefined = undefined;
  private duplicatingPpm = 0;
  private duplicatingRng: Rng | undefined = undefined;

  /** `stream` is this link's own fork (`link/<from>-><to>`); options are complete (defaults merged). */
  constructor(stream: Rng, options: Required<LinkOptions>) {
    this.stream = stream;
    this.sample = latencySampler(options.latency);
    this.lossPpm = toPpm(options.loss, 'loss');
    this.duplicatePpm = toPpm(options.duplicate, 'duplicate');
    this.reorderPpm = toPpm(options.reorder, 'reorder');
    const max = options.reorderTicksMax;
    if (!(isTicks(max) && max >= 1 && max < 2 ** 32)) {
      throw new Error(`reorderTicksMax must be an integer in 1..2^32-1 ticks, got ${max}`);
    }
    this.reorderTicksMax = max;
    this.latencyRng = stream.fork('latency');
    this.lossRng = this.lossPpm !== 0 ? stream.fork('loss') : undefined;
    this.duplicateRng = this.duplicatePpm !== 0 ? stream.fork('duplicate') : undefined;
    this.reorderRng = this.reorderPpm !== 0 ? stream.fork('reorder') : undefined;
  }

  /** True when this message is lost (draws only when loss is on, then again only when the link is lossy). */
  loses(): boolean {
    if (this.lossPpm !== 0 && chancePpm(this.lossRng!, this.lossPpm)) return true;
    return this.lossyPpm !== 0 && chancePpm(this.lossyRng!, this.lossyPpm);
  }

  /**
   * The `slow` fault: every later message takes `ticks` more (0 ends it). Messages in flight keep their
   * arrival time, as packets already on the wire would.
   */
  slow(ticks: number): void {
    if (!isTicks(ticks)) throw new Error(`invalid slow link delay: ${ticks} (must be integer ticks >= 0)`);
    this.slowTicks = ticks;
  }

  /**
   * The `lossy` fault: each later message is also lost with probability ppm / 10^6, drawn from its own
   * stream (`lossy`), so the link's own loss and latency draws stay as they were (0 ends it).
   */
  lossy(ppm: number): void {
    if (!(Number.isInteger(ppm) && ppm >= 0 && ppm <= 1_000_000)) throw new Error(`invalid lossy link: ${ppm} ppm (must be 0..10^6)`);
    this.lossyPpm = ppm;
    this.lossyRng ??= this.stream.fork('lossy');
  }

  /**
   * The `duplicating` fault: each later message also gets a second copy with probability ppm / 10^6, drawn
   * from its own stream (`duplicating`), so the link's other draws stay as they were (0 ends it).
   */
  duplicating(ppm: number): void {
    if (!(Number.isInteger(ppm) && ppm >= 0 && ppm <= 1_000_000)) throw new Error(`invalid duplicating link: ${ppm} ppm (must be 0..10^6)`);
    this.duplicatingPpm = ppm;
    this.duplicatingRng ??= this.stream.fork('duplicating');
  }

  /** True when this message gets a second copy (draws only when duplication is on, then again only when the link is duplicating). */
  duplicates(): boolean {
    if (this.duplicatePpm !== 0 && chancePpm(this.duplicateRng!, this.duplicatePpm)) return true;
    return this.duplicatingPpm !== 0 && chancePpm(this.duplicatingRng!, this.duplicatingPpm);
  }

  /** Ticks from send to arrival: a latency draw, plus a slow link's delay, plus the reordering delay when it strikes. */
  delay(): number {
    const latency = this.sample(this.latencyRng) + this.slowTicks;
    if (this.reorderPpm === 0 || !chancePpm(this.reorderRng!, this.reorderPpm)) return latency;
    return latency + 1 + this.reorderRng!.int(this.reorderTicksMax);
  }
}
