/** The step's headline: keys moved on the ring vs the ideal and vs hash mod N on the same keys. */
import { BarCompare } from '../../../viz/barCompare';
import { formatInt, formatPercent, type VizStyle } from '../../../viz/shared';
import type { ConsistentHashingResult, RingFrame } from '../result';
import { selectHeadline } from './select';

export function MovedSummary(props: { result: ConsistentHashingResult; frame: RingFrame; style: VizStyle }) {
  const { result, frame, style } = props;
  const headline = selectHeadline(result, frame);
  if (!headline) {
    return (
      <section className="lab-card ch-card" aria-labelledby="ch-moved-title">
        <h2 id="ch-moved-title">Keys moved</h2>
        <p>
          {`Initial ring (step 0). Step forward, or add or remove a node, to see how many of the ${formatInt(result.keyCount)} keys change owner.`}
        </p>
      </section>
    );
  }
  const bars = [
    { label: 'ring', value: headline.movedFraction },
    { label: 'hash mod N', value: headline.modNFraction },
  ];
  return (
    <section className="lab-card ch-card" aria-labelledby="ch-moved-title">
      <h2 id="ch-moved-title">{`Step ${frame.t}: ${headline.change}`}</h2>
      <p className="ch-headline">
        <span>{'keys moved: '}</span>
        <strong>{formatPercent(headline.movedFraction)}</strong>
        <span>{` (ideal ${headline.idealName}: ${formatPercent(headline.idealFraction)})`}</span>
      </p>
      <p className="ch-sub">
        {`${formatInt(headline.movedCount)} keys moved on the ring; hash mod N on the same keys moves ${formatInt(headline.modNCount)} (${formatPercent(headline.modNFraction)}).`}
      </p>
      <BarCompare
        bars={bars}
        ideal={headline.idealFraction}
        idealLabel={`ideal ${headline.idealName}`}
        style={style}
        colors={[style.accent, style.muted]}
        label={`Keys moved: ring ${formatPercent(headline.movedFraction)}, hash mod N ${formatPercent(headline.modNFraction)}, ideal ${formatPercent(headline.idealFraction)}`}
      />
      <p className="ch-key-note">
        <span className="ch-ideal-swatch" aria-hidden="true" />
        {` dashed line: ideal ${headline.idealName} = ${formatPercent(headline.idealFraction)}`}
      </p>
    </section>
  );
}
