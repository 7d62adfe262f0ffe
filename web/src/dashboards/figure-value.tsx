import { useTranslator } from '../i18n/i18n';
import type { FigureKind } from './figures';

interface FigureValueProps {
  value: number | null;
  kind: FigureKind;
  /** The viewer's figures are protected (researchers): a count is perturbed, a missing one hidden. */
  protectedFigures: boolean;
}

/**
 * One figure in the viewer's language. A protected count that is null is withheld: shown as
 * hidden, never as 0; a perturbed count is marked ≈, its meaning spelled out for screen readers.
 * A null rate or median is not withheld but undefined (no one to divide by): shown as none.
 */
export function FigureValue({ value, kind, protectedFigures }: FigureValueProps) {
  const tr = useTranslator();
  if (value === null) {
    return protectedFigures && kind === 'count' ? (
      <span class="hidden-figure" title={tr.t('protected.hiddenLabel')}>
        {tr.t('protected.hidden')}
      </span>
    ) : (
      <span title={tr.t('figure.none')}>
        –<span class="visually-hidden">{tr.t('figure.none')}</span>
      </span>
    );
  }
  const text = kind === 'rate' ? tr.percent(value) : kind === 'days' ? tr.t('figure.days', { days: value }) : tr.number(value);
  if (!protectedFigures || kind !== 'count') return <span>{text}</span>;
  return (
    <span class="perturbed" title={tr.t('protected.perturbedLabel')}>
      <span aria-hidden="true">{tr.t('protected.perturbed')} </span>
      <span class="visually-hidden">{tr.t('protected.perturbedLabel')} </span>
      {text}
    </span>
  );
}
