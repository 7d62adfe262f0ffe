import type { Catalogue, ProgrammeTargets } from './catalogue';

const targets = (t: Partial<ProgrammeTargets>): ProgrammeTargets => ({
  positiveExitRate: t.positiveExitRate ?? null,
  jobReturnRate: t.jobReturnRate ?? null,
  businessCreationRate: t.businessCreationRate ?? null,
});

/** The "Senior competence" programme as run in 2006-2008 (docs/operations.md). */
export const BUILT_IN_CATALOGUE: Catalogue = {
  exitClasses: {
    EMPLOYMENT: 'POSITIVE',
    SELF_EMPLOYMENT: 'POSITIVE',
    TRAINING: 'POSITIVE',
    // Reasons outside the programme's reach leave the rate's denominator ("sorties dynamiques").
    RETIREMENT: 'NEUTRAL',
    HEALTH: 'NEUTRAL',
    RELOCATION: 'NEUTRAL',
    DROPPED_OUT: 'NEGATIVE',
    END_OF_PROGRAMME: 'NEGATIVE',
    OTHER: 'NEGATIVE',
  },
  cities: [
    {
      code: 'paris',
      name: 'Paris',
      country: 'FR',
      timeZone: 'Europe/Paris',
      positiveExitTarget: 0.6,
      programmes: [
        {
          code: 'paris-gatp',
          name: 'Groupe Action Temps Partagé, Espace cadres Gare de Lyon',
          targets: targets({ positiveExitRate: 0.6 }),
        },
        { code: 'paris-rmi', name: 'Coaching of 100 RMI beneficiaries (DDEE)', targets: targets({ jobReturnRate: 0.5 }) },
        {
          code: 'paris-pionnieres',
          name: 'Incubation of 12 women, Paris Pionnières',
          targets: targets({ businessCreationRate: 0.8 }),
        },
        { code: 'paris-tiers-secteur', name: 'Move to the third sector, with Emmaüs', targets: targets({}) },
      ],
      partners: [
        { code: 'ddee', name: "Direction départementale de l'emploi et de l'économie (DDEE)" },
        { code: 'anpe-gare-de-lyon', name: 'ANPE Espace cadres Gare de Lyon' },
        { code: 'ffge', name: 'Fédération française des groupements d’employeurs (FFGE)' },
        { code: 'cgpme-75', name: 'CGPME Paris' },
        { code: 'cfdt-cadres', name: 'CFDT Cadres' },
        { code: 'carrefours-emploi', name: "Carrefours pour l'emploi" },
        { code: 'paris-pionnieres', name: 'Paris Pionnières' },
        { code: 'astrolabe-conseil', name: 'Astrolabe Conseil' },
        { code: 'emmaus-france', name: 'Emmaüs France' },
      ],
    },
    {
      code: 'frankfurt',
      name: 'Frankfurt am Main',
      country: 'DE',
      timeZone: 'Europe/Berlin',
      positiveExitTarget: 0.6,
      programmes: [
        {
          code: 'frankfurt-test-group',
          name: 'Agentur für Arbeit test group',
          targets: targets({ positiveExitRate: 0.6 }),
        },
        { code: 'frankfurt-kompass', name: 'Self-employment with Kompass', targets: targets({}) },
      ],
      partners: [
        { code: 'agentur-fuer-arbeit', name: 'Agentur für Arbeit Frankfurt' },
        { code: 'kompass', name: 'Kompass – Zentrum für Existenzgründungen' },
        { code: 'ggfb', name: 'Gesellschaft für Bildung und Beschäftigung (GGFB)' },
        { code: 'swa', name: 'SWA' },
        { code: 'zfw', name: 'ZFW' },
      ],
    },
    {
      code: 'stockholm',
      name: 'Stockholm',
      country: 'SE',
      timeZone: 'Europe/Stockholm',
      positiveExitTarget: 0.6,
      programmes: [
        {
          code: 'stockholm-test-group',
          name: "Job centres' group with health programme and IT training",
          targets: targets({ positiveExitRate: 0.6 }),
        },
      ],
      partners: [{ code: 'jobbtorg-stockholm', name: 'Jobbtorg Stockholm' }],
    },
  ],
};
