import type { LifePath } from '../api/types';
import { useTranslator } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages/en';

const SHOWN = 8;
const BAR_WIDTH = 240;
/** Whole journeys are each unique: what they share is how they begin. */
const STEPS = 5;

/** A path's first kinds of step, a kind repeated in a row (coaching after coaching) counted once. */
const opening = (path: LifePath): string[] =>
  path.steps
    .map((step) => step.kind)
    .filter((kind, i, kinds) => kind !== kinds[i - 1])
    .slice(0, STEPS);

/** The openings of journeys most paths share, most shared first. */
export function commonSequences(paths: LifePath[]): { kinds: string[]; count: number }[] {
  const counts = new Map<string, number>();
  for (const path of paths) {
    const key = opening(path).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .slice(0, SHOWN)
    .map(([key, count]) => ({ kinds: key.split(' ').filter(Boolean), count }));
}

/** A picture of the most common sequences of steps (bars as wide as their share), and its data as a table. */
export function CommonSequences({ paths }: { paths: LifePath[] }) {
  const tr = useTranslator();
  const { t } = tr;
  const sequences = commonSequences(paths);
  const most = sequences[0]?.count ?? 1;
  const label = (kinds: string[]) => kinds.map((kind) => t(`milestone.${kind}` as MessageKey)).join(' → ');
  return (
    <section aria-labelledby="sequences-title">
      <h2 id="sequences-title">{t('lifePaths.sequences')}</h2>
      <p>{t('lifePaths.sequencesNote', { count: tr.number(paths.length) })}</p>
      <table class="sequences">
        <caption class="visually-hidden">{t('lifePaths.sequences')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('lifePaths.sequence')}</th>
            <th scope="col">{t('lifePaths.paths')}</th>
          </tr>
        </thead>
        <tbody>
          {sequences.map((sequence) => (
            <tr key={sequence.kinds.join(' ')}>
              <th scope="row">{label(sequence.kinds)}</th>
              <td class="bar-cell">
                <svg class="bar" width={BAR_WIDTH + 48} height="20" aria-hidden="true" focusable="false">
                  <rect x="0" y="3" height="14" width={Math.max(2, (BAR_WIDTH * sequence.count) / most)} />
                </svg>{' '}
                {tr.number(sequence.count)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
