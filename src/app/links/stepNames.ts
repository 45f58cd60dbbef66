import type { DecodeStep } from './types';

/** How a failed step is named in messages ("limits: vnodes must be 1..1000, got 5000"). */
export const STEP_NAMES: Readonly<Record<DecodeStep, string>> = {
  length: 'link length',
  route: 'link route',
  lab: 'lab',
  codec: 'codec version',
  params: 'link parameters',
  base64url: 'base64url',
  inflate: 'inflate',
  json: 'JSON',
  migrate: 'schema migration',
  schema: 'strict schema',
  bounds: 'limits',
};
