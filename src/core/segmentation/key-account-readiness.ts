import type { Bilingual } from '../i18n';
import { READINESS_TEXTS } from './segmentation-texts';

/** The client's readiness criteria of the key-account paper (its section 4), each scored 1–5. */
export const READINESS_FACTORS = [
  {
    key: 'capitalTransfer',
    label: {
      pl: 'Transfer kapitału (głównie intelektualnego)',
      en: 'Transfer of (mainly intellectual) capital',
    },
    question: {
      pl: 'Czy klient jest gotów dzielić się swoimi danymi, informacjami i wiedzą (np. wynikami sprzedaży, planem rocznym)?',
      en: 'Is the client ready to share its data, information and knowledge (e.g. sales results, annual plan)?',
    },
  },
  {
    key: 'change',
    label: { pl: 'Wprowadzanie zmian', en: 'Making changes' },
    question: {
      pl: 'Czy klient jest gotów zmieniać swoje procesy i plany w wyniku wspólnych ustaleń?',
      en: 'Is the client ready to change its processes and plans as a result of joint decisions?',
    },
  },
  {
    key: 'interdisciplinaryTeams',
    label: { pl: 'Tworzenie interdyscyplinarnych zespołów', en: 'Forming interdisciplinary teams' },
    question: {
      pl: 'Czy klient wyznaczy specjalistów z różnych działów do wspólnego zespołu?',
      en: 'Will the client name specialists from several departments to a joint team?',
    },
  },
  {
    key: 'investment',
    label: { pl: 'Inwestycje', en: 'Investing' },
    question: {
      pl: 'Czy klient jest gotów inwestować (czas, ludzi, środki) we wspólne przedsięwzięcia?',
      en: 'Is the client ready to invest (time, people, money) in joint undertakings?',
    },
  },
  {
    key: 'knowledgeExchange',
    label: {
      pl: 'Wymiana wiedzy, doświadczeń i umiejętności pracowników',
      en: "Exchange of staff's knowledge, experience and skills",
    },
    question: {
      pl: 'Czy pracownicy klienta będą wymieniać się z nami wiedzą i doświadczeniem?',
      en: "Will the client's staff exchange knowledge and experience with ours?",
    },
  },
] as const satisfies readonly { key: string; label: Bilingual; question: Bilingual }[];

export type ReadinessFactor = (typeof READINESS_FACTORS)[number]['key'];

export const IMPORTANCE_CRITERION = {
  key: 'importance',
  label: { pl: 'Znaczenie klienta dla firmy', en: "The client's importance to us" },
  question: {
    pl: 'Jak ważny jest klient dla firmy (udział w przychodach i zysku, pozycja na rynku, potencjał)?',
    en: 'How important is the client to us (share of revenue and profit, market position, potential)?',
  },
} as const;

export type ReadinessScores = Record<ReadinessFactor | 'importance', number>;

export type CooperationVariant = 'negotiation' | 'cooperation' | 'integration';

/** The thresholds of the variant rule, on the 1–5 scale. */
export const READINESS_RULE = {
  /** Below this importance, key-account cooperation is not proposed at all. */
  keyAccountImportance: 4,
  /** Every criterion at least this: the readiness conditions are met (cooperation). */
  cooperationMinimum: 3,
  /** Every criterion at least this, and importance 5: integration. */
  integrationMinimum: 4,
  integrationImportance: 5,
} as const;

export interface ReadinessIssue {
  criterion: string;
  message: Bilingual;
}

export interface ReadinessProposal {
  /** Whether the client should be treated as a key account. */
  keyAccount: boolean;
  /** The cooperation variant proposed; null when key-account cooperation is not proposed. */
  cooperationVariant: CooperationVariant | null;
  /** Mean of the five readiness criteria (importance not included). */
  readinessAverage: number;
  /** The criteria that keep the client from the next deeper variant. */
  holdingBack: ReadinessFactor[];
  reason: Bilingual;
}

export type ReadinessAssessment =
  { ok: true; proposal: ReadinessProposal } | { ok: false; issues: ReadinessIssue[] };

const CRITERIA = [...READINESS_FACTORS, IMPORTANCE_CRITERION];

/**
 * Proposes the cooperation variant from a readiness assessment. The paper makes readiness a
 * conjunction ("the condition is the readiness to … transfer capital, change, form teams, invest,
 * exchange knowledge"), so the weakest criterion decides, not the mean:
 * - importance below 4: not a key account, no variant (the key-account process is for the few
 *   clients that matter most — the Pareto 20%);
 * - otherwise every criterion ≥ 4 and importance 5: integration (one joint team from data
 *   gathering on asks the most of both sides);
 * - every criterion ≥ 3: cooperation (the readiness conditions are met; the client joins at the
 *   strategic plan);
 * - else negotiation (the client stays outside the process; we work "beside the client").
 * Every score must be a whole number 1–5; each bad or missing one is reported.
 */
export function assessKeyAccountReadiness(scores: Readonly<Record<string, unknown>>): ReadinessAssessment {
  const issues: ReadinessIssue[] = [];
  const known = new Set<string>(CRITERIA.map((criterion) => criterion.key));
  for (const key of Object.keys(scores)) {
    if (!known.has(key)) issues.push({ criterion: key, message: READINESS_TEXTS.unknownFactor(key) });
  }
  for (const criterion of CRITERIA) {
    const value = scores[criterion.key];
    if (value === undefined || value === null || value === '') {
      issues.push({ criterion: criterion.key, message: READINESS_TEXTS.missingScore(criterion.label) });
    } else if (!isScore(value)) {
      issues.push({
        criterion: criterion.key,
        message: READINESS_TEXTS.scoreOutOfRange(criterion.label, String(value)),
      });
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, proposal: proposeVariant(scores as ReadinessScores) };
}

const isScore = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;

function proposeVariant(scores: ReadinessScores): ReadinessProposal {
  const factors = READINESS_FACTORS.map((factor) => factor.key);
  const readinessAverage = factors.reduce((sum, key) => sum + scores[key], 0) / factors.length;
  const below = (minimum: number) => factors.filter((key) => scores[key] < minimum);
  const rule = READINESS_RULE;
  if (scores.importance < rule.keyAccountImportance) {
    return {
      keyAccount: false,
      cooperationVariant: null,
      readinessAverage,
      holdingBack: [],
      reason: READINESS_TEXTS.notImportant(scores.importance, rule.keyAccountImportance),
    };
  }
  const short = below(rule.cooperationMinimum);
  if (short.length > 0) {
    const labels = READINESS_FACTORS.filter((factor) => short.includes(factor.key)).map(
      (factor) => factor.label,
    );
    return {
      keyAccount: true,
      cooperationVariant: 'negotiation',
      readinessAverage,
      holdingBack: short,
      reason: READINESS_TEXTS.negotiation(labels),
    };
  }
  const notYetIntegrated = below(rule.integrationMinimum);
  if (notYetIntegrated.length === 0 && scores.importance >= rule.integrationImportance) {
    return {
      keyAccount: true,
      cooperationVariant: 'integration',
      readinessAverage,
      holdingBack: [],
      reason: READINESS_TEXTS.integration(),
    };
  }
  return {
    keyAccount: true,
    cooperationVariant: 'cooperation',
    readinessAverage,
    holdingBack: notYetIntegrated,
    reason: READINESS_TEXTS.cooperation(),
  };
}
