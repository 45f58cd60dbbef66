/**
 * Hybrid logical clocks (Kulkarni, Demirbas et al., "Logical Physical Clocks", 2014; muratdem/HLC `hlc.tla`):
 * a timestamp (l, c) where l tracks the largest physical reading the node has heard of and c counts events
 * since l last grew. Then e -> f implies hlc(e) < hlc(f), l never falls behind the node's own physical clock
 * pt, and l - pt is at most the clocks' spread; concurrent events still need a rule (ties by node id).
 *
 *   send or local event at pt:    l' = l; l = max(l', pt); c = (l == l') ? c + 1 : 0
 *   receive (lm, cm) at pt:       l' = l; l = max(l', lm, pt);
 *                                 c = max(c, cm) + 1 if l == l' == lm;  c + 1 if only l == l';
 *                                     cm + 1 if only l == lm;  0 otherwise
 *
 * Pure: every call returns a new timestamp; readings are integers (engine ticks).
 */

export interface Hlc {
  l: number;
  c: number;
}

export const HLC_ZERO: Hlc = Object.freeze({ l: 0, c: 0 });

/** The timestamp of a local or send event at physical reading `pt`. */
export function hlcLocal(h: Hlc, pt: number): Hlc {
  const l = Math.max(h.l, pt);
  return { l, c: l === h.l ? h.c + 1 : 0 };
}

/** The timestamp of receiving a message stamped `m` at physical reading `pt`. */
export function hlcReceive(h: Hlc, m: Hlc, pt: number): Hlc {
  const l = Math.max(h.l, m.l, pt);
  if (l === h.l && l === m.l) return { l, c: Math.max(h.c, m.c) + 1 };
  if (l === h.l) return { l, c: h.c + 1 };
  if (l === m.l) return { l, c: m.c + 1 };
  return { l, c: 0 };
}

/** Order of two timestamps: negative when a is earlier, 0 when equal, positive when later. */
export function hlcCompare(a: Hlc, b: Hlc): number {
  return a.l !== b.l ? a.l - b.l : a.c - b.c;
}
