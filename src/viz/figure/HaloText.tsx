/**
 * Text that reads over marks: a halo in the background colour painted under the glyphs (SVG paint-order),
 * for labels that sit on lines, bars or rims (thresholds, markers, highlights, the mean, node names).
 */
import type { SVGProps } from 'react';
import type { VizStyle } from '../shared/palette';

export type HaloTextProps = Omit<SVGProps<SVGTextElement>, 'style'> & { style: VizStyle };

export function HaloText({ style, fontSize = 11, ...text }: HaloTextProps) {
  return <text fontSize={fontSize} fill={style.foreground} {...text} paintOrder="stroke" stroke={style.background} strokeWidth={3} />;
}
