/**
 * The shape of one scripted scenario event, shared by the engine (which schedules faults from it) and the
 * lab contract (which re-exports it): at simulated time `t`, do `type` with the event's own scalar fields.
 * It lives in sim because sim may not import from labs (core <- sim <- labs).
 */

/** A scalar a scenario field can hold. Scenarios are plain JSON: no Maps, no classes, no undefined. */
export type Scalar = number | string | boolean;

export interface ScenarioEvent {
  t: number;
  type: string;
  [field: string]: Scalar;
}
