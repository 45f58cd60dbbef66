import type { BaseScenario, LabSpec } from '../../labs/contract';
import type { Presentation } from './types';

/** The link for `scenario` of `spec`: the location fragment without '#'. Stub: being implemented. */
export function encodeLink(spec: LabSpec, scenario: BaseScenario, presentation?: Partial<Presentation>): string {
  void scenario;
  void presentation;
  return `/${spec.id}?v=1`;
}
