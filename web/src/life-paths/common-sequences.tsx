import { query } from '../api/client';
import { LIFE_PATH_SEQUENCES } from '../api/documents';
import type { LifePathFilter, LifePathSequences } from '../api/types';
import { ErrorMessage } from '../common/error-message';
import { useAsync } from '../common/use-async';
import { useTranslator } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages/en';

const SHOWN = 8;
const BAR_WIDTH = 240;

/**
 * A picture of the most common sequences of steps of every released path matching `filter` (bars
 * as wide as their count), and its data as a table. Counted by the API over the whole release:
 * the same whichever page of paths is shown beside it.
 */
export function CommonSequences({ filter }: { filter: LifePathFilter }) {
  const tr = useTranslator();
  const { t } = tr;
  const counted = useAsync(
    () => query<{ lifePathSequences: LifePathSequences }>(LIFE_PATH_SEQUENCES, { filter, first: SHOWN }).then((data) => data.lifePathSequences),
    [filter],
  );
  const label = (kinds: string[]) => kinds.map((kind) => t(`milestone.${kind}` as MessageKey)).join(' → ');
  const answer = counted.value;
  const most = answer?.sequences[0]?.count ?? 1;
  return (
    <section aria-labelledby="sequences-title" aria-busy={answer === undefined && counted.error === undefined}>
      <h2 id="sequences-title">{t('sequences.title')}</h2>
      {counted.error !== undefined && <ErrorMessage error={counted.error} />}
      {answer && (
        <>
          <p data-counted={answer.totalCount}>{t('sequences.note', { count: tr.number(answer.totalCount) })}</p>
          <table class="sequences">
            <caption class="visually-hidden">{t('sequences.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sequences.sequence')}</th>
                <th scope="col">{t('sequences.paths')}</th>
                <th scope="col">{t('sequences.share')}</th>
              </tr>
            </thead>
            <tbody>
              {answer.sequences.map((sequence) => (
                <tr key={sequence.kinds.join(' ')} data-kinds={sequence.kinds.join(' ')} data-count={sequence.count} data-share={sequence.share}>
                  <th scope="row">{label(sequence.kinds)}</th>
                  <td class="bar-cell">
                    <svg class="bar" width={BAR_WIDTH + 48} height="20" aria-hidden="true" focusable="false">
                      <rect x="0" y="3" height="14" width={Math.max(2, (BAR_WIDTH * sequence.count) / most)} />
                    </svg>{' '}
                    {tr.number(sequence.count)}
                  </td>
                  <td>{tr.percent(sequence.share)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
