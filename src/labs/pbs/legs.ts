/**
 * The scenario's WARS legs (data only: the Panel reads them to describe the fit, the program samples them).
 * Yammer uses the fit of the authors' simulator (W Pareto alpha 3.5, not Table 3's 3.35): it is the one the
 * paper's published Yammer numbers come from (see core/pbs/paper.test.ts).
 */
import type { LegSpec, WarsLegs } from '../../core/pbs/legs';
import { exponentialLegs, LNKD_DISK, LNKD_SSD, YMMR_SIMULATOR } from '../../core/pbs/productionFits';
import type { PbsScenario } from './scenario';

export function legsOf(s: Pick<PbsScenario, 'latency' | 'writeMeanMs' | 'arsMeanMs'>): WarsLegs {
  switch (s.latency) {
    case 'lnkd-ssd':
      return LNKD_SSD;
    case 'lnkd-disk':
      return LNKD_DISK;
    case 'ymmr':
      return YMMR_SIMULATOR;
    case 'exponential':
      return exponentialLegs(1 / s.writeMeanMs, 1 / s.arsMeanMs);
  }
}

const ms = (x: number) => `${Number(x.toPrecision(3))} ms`;

/** A leg's distribution in words: "38% Pareto (min 1.05 ms, α 1.51) + 62% exponential (mean 5.46 ms)". */
export function describeLeg(leg: LegSpec): string {
  switch (leg.kind) {
    case 'constant':
      return `always ${ms(leg.ms)}`;
    case 'uniform':
      return `uniform ${ms(leg.minMs)} to ${ms(leg.maxMs)}`;
    case 'exponential':
      return `exponential (mean ${ms(1 / leg.lambda + (leg.offsetMs ?? 0))})`;
    case 'pareto':
      return `Pareto (min ${ms(leg.xmMs)}, α ${leg.alpha})`;
    case 'empirical':
      return `${leg.samplesMs.length} measured delays`;
    case 'mixture':
      return leg.parts.map((p) => `${Number((p.weight * 100).toPrecision(4))}% ${describeLeg(p.leg)}`).join(' + ');
  }
}
