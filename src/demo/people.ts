// Invented people for the demo data: names common among people born in the 1940s and 1950s in each
// city's country, addresses on reserved example domains, and adviser notes in the city's language.
import type { PersonalDetails } from '../journey/domain/events';
import type { Gender } from '../journey/domain/vocabulary';
import type { Random } from './prng';

export type DemoCity = 'paris' | 'frankfurt' | 'stockholm';

interface NameBook {
  female: readonly string[];
  male: readonly string[];
  family: readonly string[];
}

const NAMES: Record<DemoCity, NameBook> = {
  paris: {
    female: [
      'Monique', 'Françoise', 'Catherine', 'Nicole', 'Sylvie', 'Martine', 'Christine', 'Isabelle', 'Brigitte',
      'Danielle', 'Chantal', 'Annie', 'Michèle', 'Jacqueline', 'Marie-Claude', 'Dominique', 'Évelyne', 'Josiane',
      'Colette', 'Anne', 'Hélène', 'Élisabeth', 'Odile', 'Geneviève', 'Agnès', 'Marie-France', 'Pascale', 'Fatima',
    ],
    male: [
      'Jean', 'Michel', 'Alain', 'Bernard', 'Patrick', 'Philippe', 'Jacques', 'Gérard', 'Daniel', 'Christian',
      'Pierre', 'Jean-Pierre', 'Jean-Claude', 'Claude', 'Serge', 'Gilles', 'Bruno', 'Didier', 'Thierry', 'Yves',
      'André', 'François', 'Henri', 'Jean-Luc', 'Marc', 'Hervé', 'Joël', 'Mohamed',
    ],
    family: [
      'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon',
      'Laurent', 'Lefebvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel',
      'Girard', 'André', 'Lefèvre', 'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'François', 'Martinez', 'Legrand',
      'Garnier', 'Faure', 'Rousseau', 'Blanc', 'Guérin', 'Muller', 'Henry', 'Roussel', 'Nicolas', 'Perrin',
      'Morin', 'Mathieu', 'Clément', 'Gauthier', 'Dumont', 'Lopez', 'Fontaine', 'Chevalier', 'Robin', 'Benali',
      'Haddad', 'Nguyen', 'Da Silva', 'Le Gall', 'Kervella',
    ],
  },
  frankfurt: {
    female: [
      'Ursula', 'Renate', 'Monika', 'Karin', 'Helga', 'Brigitte', 'Gisela', 'Ingrid', 'Christa', 'Sabine', 'Petra',
      'Elke', 'Gabriele', 'Barbara', 'Heike', 'Marion', 'Angelika', 'Doris', 'Hannelore', 'Jutta', 'Birgit',
      'Rosemarie',
    ],
    male: [
      'Klaus', 'Jürgen', 'Wolfgang', 'Peter', 'Michael', 'Hans', 'Dieter', 'Manfred', 'Uwe', 'Bernd', 'Werner',
      'Rainer', 'Günter', 'Horst', 'Gerhard', 'Thomas', 'Heinz', 'Helmut', 'Karl-Heinz', 'Joachim', 'Frank',
      'Reinhard', 'Detlef',
    ],
    family: [
      'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann',
      'Schäfer', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann',
      'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Schmitt', 'Werner', 'Krause', 'Meier', 'Lehmann',
      'Yilmaz', 'Öztürk', 'Kowalski', 'Vogel', 'Jung', 'Keller', 'Hahn', 'Frank',
    ],
  },
  stockholm: {
    female: [
      'Kerstin', 'Eva', 'Birgitta', 'Margareta', 'Anna', 'Marie', 'Karin', 'Christina', 'Lena', 'Ulla', 'Inger',
      'Gunilla', 'Ann-Marie', 'Elisabeth', 'Agneta', 'Maria', 'Monica', 'Britt', 'Annika', 'Barbro', 'Gun',
    ],
    male: [
      'Lars', 'Anders', 'Per', 'Karl', 'Jan', 'Hans', 'Bengt', 'Lennart', 'Bo', 'Göran', 'Leif', 'Mats', 'Kjell',
      'Sven', 'Olof', 'Gunnar', 'Stefan', 'Ulf', 'Bertil', 'Åke', 'Rolf', 'Tomas',
    ],
    family: [
      'Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson',
      'Gustafsson', 'Pettersson', 'Jonsson', 'Jansson', 'Hansson', 'Bengtsson', 'Jönsson', 'Lindberg',
      'Jakobsson', 'Magnusson', 'Lindström', 'Olofsson', 'Lindqvist', 'Lindgren', 'Berg', 'Axelsson',
      'Bergström', 'Lundberg', 'Lind', 'Lundgren', 'Mattsson', 'Berglund', 'Fredriksson', 'Sandberg',
      'Henriksson', 'Forsberg', 'Sjöberg', 'Wallin', 'Engström', 'Eklund', 'Danielsson', 'Håkansson', 'Lundin',
    ],
  },
};

const MAIL_DOMAINS = ['example.org', 'example.com', 'example.net'] as const;

/** Lower-case ASCII letters of a name, for an address: 'Jean-Luc' → 'jeanluc', 'Åke' → 'ake'. */
export function asciiLetters(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

export function personalDetails(rng: Random, city: DemoCity, gender: Gender): PersonalDetails {
  const book = NAMES[city];
  const firstNames =
    gender === 'FEMALE' ? book.female : gender === 'MALE' ? book.male : rng.chance(0.5) ? book.female : book.male;
  const given = rng.pick(firstNames);
  const family = rng.pick(book.family);
  const fullName = `${given} ${family}`;
  const local = rng.weighted<string>([
    [`${asciiLetters(given)}.${asciiLetters(family)}`, 6],
    [`${asciiLetters(given).slice(0, 1)}${asciiLetters(family)}`, 2],
    [`${asciiLetters(given)}.${asciiLetters(family)}${rng.int(1, 99)}`, 2],
  ]);
  const email = rng.chance(0.85) ? `${local}@${rng.pick(MAIL_DOMAINS)}` : null;
  const phone = rng.chance(0.8) ? phoneNumber(rng, city) : null;
  return { fullName, email, phone };
}

const digits = (rng: Random, n: number): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rng.int(0, 9));
  return s;
};
const pairs = (rng: Random, n: number): string => Array.from({ length: n }, () => digits(rng, 2)).join(' ');

function phoneNumber(rng: Random, city: DemoCity): string {
  switch (city) {
    case 'paris':
      return rng.chance(0.55) ? `01 ${pairs(rng, 4)}` : rng.chance(0.7) ? `06 ${pairs(rng, 4)}` : `+33 6 ${pairs(rng, 4)}`;
    case 'frankfurt':
      return rng.chance(0.55) ? `069 ${digits(rng, 7)}` : `+49 17${rng.int(0, 9)} ${digits(rng, 7)}`;
    case 'stockholm':
      return rng.chance(0.5) ? `08-${digits(rng, 3)} ${digits(rng, 2)} ${digits(rng, 2)}` : `070-${digits(rng, 3)} ${digits(rng, 2)} ${digits(rng, 2)}`;
  }
}

export type NoteKind = 'enrol' | 'coaching' | 'activity' | 'job' | 'selfEmployment' | 'exit' | 'followUp' | 'reEnrol';

const NOTES: Record<DemoCity, Record<NoteKind, readonly string[]>> = {
  paris: {
    enrol: [
      "Entretien d'accueil : parcours et attentes passés en revue.",
      "Orienté par le conseiller de l'ANPE Espace cadres.",
      'Projet professionnel à consolider, bonne motivation.',
      'Souhaite valoriser son expérience de management.',
    ],
    coaching: [
      'Travail sur le CV et la lettre de motivation.',
      "Préparation aux entretiens d'embauche.",
      'Point sur les candidatures en cours.',
      'Atelier réseau : liste de contacts à relancer.',
      'Bilan de compétences : points forts identifiés.',
    ],
    activity: ['Inscription confirmée.', 'Assiduité à suivre.', 'Très bon retour du prestataire.'],
    job: ['Poste trouvé grâce au réseau du groupe.', "Embauche confirmée à l'issue de l'entretien final.", 'Contrat signé.'],
    selfEmployment: ["Immatriculation de l'entreprise effectuée.", "Démarrage de l'activité de conseil.", 'Premiers clients signés.'],
    exit: ['Sortie du dispositif.', "Fin de l'accompagnement.", 'Dossier clôturé avec le participant.'],
    followUp: ['Contact téléphonique, situation stable.', 'Pas de réponse aux relances.', 'Situation confirmée par courriel.'],
    reEnrol: ['Retour dans le dispositif après une interruption.', 'Nouvelle orientation après un échec de reprise.'],
  },
  frankfurt: {
    enrol: [
      'Erstgespräch: berufliche Ziele besprochen.',
      'Vermittelt durch die Agentur für Arbeit.',
      'Interesse an einer Teilzeitstelle oder Selbstständigkeit.',
    ],
    coaching: [
      'Bewerbungsunterlagen überarbeitet.',
      'Vorbereitung auf Vorstellungsgespräche.',
      'Netzwerkstrategie besprochen.',
      'Stand der laufenden Bewerbungen besprochen.',
    ],
    activity: ['Anmeldung bestätigt.', 'Regelmäßige Teilnahme.', 'Gute Rückmeldung des Trägers.'],
    job: ['Arbeitsvertrag unterschrieben.', 'Einstellung nach Probearbeit.', 'Stelle über das Netzwerk gefunden.'],
    selfEmployment: ['Gewerbe angemeldet.', 'Gründungszuschuss bewilligt.', 'Erste Aufträge erhalten.'],
    exit: ['Austritt aus dem Programm.', 'Betreuung beendet.'],
    followUp: ['Telefonisch erreicht, Situation stabil.', 'Keine Rückmeldung.', 'Per E-Mail bestätigt.'],
    reEnrol: ['Wiederaufnahme nach Unterbrechung.', 'Erneute Zuweisung durch die Agentur.'],
  },
  stockholm: {
    enrol: [
      'Inskrivningssamtal: mål och förväntningar genomgångna.',
      'Anvisad av arbetsförmedlingen.',
      'Vill gärna arbeta med IT-stöd eller administration.',
    ],
    coaching: [
      'Genomgång av CV och personligt brev.',
      'Förberedelse inför anställningsintervju.',
      'Uppföljning av sökta tjänster.',
      'Samtal om hälsa och arbetsförmåga.',
    ],
    activity: ['Anmälan bekräftad.', 'Deltar regelbundet.', 'Positiv återkoppling från anordnaren.'],
    job: ['Anställningsavtal undertecknat.', 'Anställd efter praktik.', 'Tjänst via kontaktnätet.'],
    selfEmployment: ['Företaget registrerat.', 'Startat konsultverksamhet.'],
    exit: ['Avslutad i programmet.', 'Ärendet avslutat.'],
    followUp: ['Telefonkontakt, situationen stabil.', 'Ingen kontakt.', 'Bekräftat per e-post.'],
    reEnrol: ['Återinskriven efter uppehåll.', 'Ny anvisning från arbetsförmedlingen.'],
  },
};

/** How often an adviser writes a note on a milestone of each kind. */
const NOTE_RATE: Record<NoteKind, number> = {
  enrol: 0.3,
  coaching: 0.08,
  activity: 0.1,
  job: 0.25,
  selfEmployment: 0.3,
  exit: 0.35,
  followUp: 0.2,
  reEnrol: 0.5,
};

export function maybeNote(rng: Random, city: DemoCity, kind: NoteKind): string | null {
  return rng.chance(NOTE_RATE[kind]) ? rng.pick(NOTES[city][kind]) : null;
}
