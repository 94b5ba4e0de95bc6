/**
 * Client segmentation, pure: ABC (Pareto) classes, RFM scores, user-defined rule segments, the
 * key-account readiness assessment, and the client updates that write the results.
 *
 * Typical use: `computeClientFacts` once over the snapshot's tables, then `classifyAbc`,
 * `scoreRfm` and `assignRuleSegments` over the facts, `segmentationAssignments` to gather their
 * results, and `planSegmentChanges` for the updates and the preview shown before writing.
 */

/** Reads opportunities, offers and activities once into per-client facts for a window and a day. */
export { computeClientFacts } from './client-facts';
export type { ClientFacts, ClientFactsInput } from './client-facts';

/** ABC classes by won value: A up to 80% of the total, B up to 95%, C the rest. */
export { classifyAbc, ABC_CLASSES, DEFAULT_ABC_THRESHOLDS } from './abc';
export type { AbcClass, AbcClassSummary, AbcResult, AbcRow, AbcThresholds } from './abc';

/** RFM scores 1–5 by quintile among the clients with data, as the `"545"` text of `rfmScore`. */
export { scoreRfm } from './rfm';
export type { RfmResult, RfmRow, RfmScore } from './rfm';

/** Rule segments: read/check a rule's JSON, write it back, and select or assign clients by rules. */
export {
  parseSegmentRule,
  checkSegmentRule,
  serializeSegmentRule,
  compileSegmentRule,
  selectSegmentClients,
  assignRuleSegments,
  SEGMENT_OPERATORS,
  MAX_RULE_DEPTH,
} from './rule-segments';
export type {
  ClientPredicate,
  NamedSegmentRule,
  ParsedSegmentRule,
  SegmentCondition,
  SegmentGroup,
  SegmentNode,
  SegmentOperator,
  SegmentRule,
  SegmentRuleIssue,
  SegmentScalar,
} from './rule-segments';

/** The fields a rule may use (client columns and computed fields), for a rule editor. */
export { segmentFields } from './segment-fields';
export type { SegmentField, SegmentFieldKind, SegmentFieldSources } from './segment-fields';

/** The key-account readiness assessment and the cooperation variant it proposes. */
export {
  assessKeyAccountReadiness,
  READINESS_FACTORS,
  IMPORTANCE_CRITERION,
  READINESS_RULE,
} from './key-account-readiness';
export type {
  CooperationVariant,
  ReadinessAssessment,
  ReadinessFactor,
  ReadinessIssue,
  ReadinessProposal,
  ReadinessScores,
} from './key-account-readiness';

/** Client updates for changed clients only, with a from→to preview of what moves. */
export {
  hasAbcData,
  planSegmentChanges,
  segmentationAssignments,
  SEGMENTATION_FIELDS,
} from './segment-changes';
export type {
  AssignmentAt,
  ClientAssignment,
  SegmentChangePlan,
  SegmentChangePreview,
  SegmentTransition,
  SegmentationField,
} from './segment-changes';

/** The audit of a segmentation write, the writes it lists, and the plan that undoes one. */
export { planSegmentationUndo, segmentationAuditDetails, segmentationWrites } from './segmentation-undo';
export type {
  SegmentationAuditDetails,
  SegmentationUndoDetails,
  SegmentationUndoPlan,
  SegmentationWrite,
} from './segmentation-undo';

export type { ClientUpdate, DateWindow, SegmentationClient, SegmentationRow } from './segmentation-input';
