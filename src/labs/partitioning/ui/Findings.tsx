/** The detector's finding as prose, with the run's headline figures. */
import { memo, useMemo } from 'react';
import { formatInt, formatPercent } from '../../../viz/shared/format';
import type { PartitioningResult } from '../result';
import { formatMs, hotKeySentence, selectFindings, STRATEGY_NAMES } from './select';

export const Findings = memo(function Findings({ result }: { result: PartitioningResult }) {
  const findings = useMemo(() => selectFindings(result), [result]);
  const { totals } = result;
  const failed = totals.sent > 0 ? totals.failed / totals.sent : 0;
  return (
    <section className="lab-card pt-card pt-findings" aria-labelledby="pt-findings-title">
      <h2 id="pt-findings-title">{findings.isHot ? 'Hot partition found' : 'No hot partition'}</h2>
      <p className={findings.isHot ? 'pt-headline pt-hot' : 'pt-headline'}>
        {findings.isHot && <span className="pt-badge">HOT</span>}
        {findings.headline}
      </p>
      {findings.details.length > 0 && (
        <ul className="pt-details">
          {findings.details.map((sentence) => (
            <li key={sentence}>{sentence}</li>
          ))}
          {findings.more > 0 && <li>{`… and ${findings.more} more episodes.`}</li>}
        </ul>
      )}
      <p className="pt-sub">
        {`${formatInt(result.nodeCount)} nodes under ${STRATEGY_NAMES[result.strategy]}, ${formatInt(result.keyCount)} keys, ${formatInt(totals.sent)} requests: `}
        {`p50 ${formatMs(totals.latencyP50Ms)}, p99 ${formatMs(totals.latencyP99Ms)}, ${formatPercent(failed)} failed. `}
        {hotKeySentence(result)}
      </p>
    </section>
  );
});
