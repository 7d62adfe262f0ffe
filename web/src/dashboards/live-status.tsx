import { useTranslator } from '../i18n/i18n';
import { useLiveConnection } from './live-connection';

/**
 * Tells the person, and screen readers, when live updates pause (the socket to the service
 * dropped) and when they resume; says nothing while they flow. The region is always there, so
 * that a change of its text is announced.
 */
export function LiveStatus() {
  const { t } = useTranslator();
  const connection = useLiveConnection();
  return (
    <p class={connection === 'flowing' ? 'live-status visually-hidden' : 'live-status note'} role="status" data-live={connection}>
      {connection === 'paused' ? t('live.paused') : connection === 'resumed' ? t('live.resumed') : ''}
    </p>
  );
}
