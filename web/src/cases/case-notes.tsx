import type { CaseNote } from '../api/case-types';
import { useTranslator } from '../i18n/i18n';
import { recordedWhen } from './recorded-when';

/** The advisers' notes on the case, in the order recorded: the day each is about, who wrote it and when, its text (gone once erased). */
export function CaseNotes({ notes }: { notes: CaseNote[] }) {
  const tr = useTranslator();
  const { t } = tr;
  return (
    <section aria-labelledby="case-notes-title">
      <h2 id="case-notes-title">{t('caseFile.notes')}</h2>
      {notes.length === 0 ? (
        <p class="muted">{t('caseFile.noNotes')}</p>
      ) : (
        <ul class="case-notes">
          {notes.map((note) => (
            <li key={note.sequence} data-sequence={note.sequence}>
              <p class="muted">{t('caseFile.noteBy', { date: tr.date(note.writtenOn), who: note.recordedBy, when: recordedWhen(tr, note.recordedAt) })}</p>
              {note.note === null ? <p class="muted">{t('caseFile.textErased')}</p> : <p class="note-text">{note.note}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
