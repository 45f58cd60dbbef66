/** WARS in three sentences, with the scenario's delay distribution for each leg. */
import { useMemo } from 'react';
import type { PbsScenario } from '../scenario';
import { selectLegs } from './select';

export function WarsModel(props: { scenario: Pick<PbsScenario, 'latency' | 'writeMeanMs' | 'arsMeanMs'> }) {
  const { latency, writeMeanMs, arsMeanMs } = props.scenario;
  const legs = useMemo(() => selectLegs({ latency, writeMeanMs, arsMeanMs }), [latency, writeMeanMs, arsMeanMs]);
  return (
    <section className="lab-card pbs-card" aria-labelledby="pbs-wars-title">
      <h2 id="pbs-wars-title">The WARS model</h2>
      <p>
        A write is sent to all N replicas and commits when W of them have acknowledged it; a read is sent to all N
        and returns the newest value among the first R replies. Every message takes a random delay, drawn per
        replica from the four legs below. A read is stale when each of its first R replies left its replica before
        the write got there, which can only happen when R + W ≤ N.
      </p>
      <ol className="pbs-legs">
        {legs.map((l) => (
          <li key={l.leg}>
            <strong className="pbs-leg">{l.leg}</strong> {l.meaning}: <span className="pbs-dist">{l.distribution}</span>
          </li>
        ))}
      </ol>
      <p className="pbs-note">Fit: {fitName[latency]}.</p>
    </section>
  );
}

const fitName: Record<PbsScenario['latency'], string> = {
  'lnkd-ssd': 'LinkedIn Voldemort on SSDs (Bailis et al., VLDB 2012, Table 3)',
  'lnkd-disk': 'LinkedIn Voldemort on 15k RPM disks (Table 3)',
  ymmr: "Yammer Riak (Table 3, with the authors' simulator's W tail α = 3.5)",
  exponential: 'exponential legs with the means set in the parameters',
};
