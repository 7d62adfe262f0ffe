import { useTranslator } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages/en';
import { FigureValue } from './figure-value';

interface BreakdownTableProps {
  title: MessageKey;
  column: MessageKey;
  /** The message prefix of the categories' names, e.g. 'exitReason'. */
  names: string;
  rows: { key: string; count: number | null }[];
  protectedFigures: boolean;
}

/** Counts by category (exits by reason, jobs by contract), each category named in the viewer's language. */
export function BreakdownTable({ title, column, names, rows, protectedFigures }: BreakdownTableProps) {
  const { t } = useTranslator();
  return (
    <table class="breakdown">
      <caption>{t(title)}</caption>
      <thead>
        <tr>
          <th scope="col">{t(column)}</th>
          <th scope="col">{t('breakdown.count')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={2}>{t('breakdown.none')}</td>
          </tr>
        )}
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{t(`${names}.${row.key}` as MessageKey)}</th>
            <td>
              <FigureValue value={row.count} kind="count" protectedFigures={protectedFigures} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
