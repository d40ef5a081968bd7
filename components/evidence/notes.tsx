import { useEffect, useRef, useState } from 'preact/hooks';
import type { EvidenceMessages } from '../../utils/i18n/evidence-messages';
import type { Lang } from '../../utils/i18n/messages';
import { ConfirmButton } from '../ui/confirm-button';
import './evidence.css';

/** "01:23" (or "1:02:03"): a moment of a page's replay. */
export function replayTime(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** The time of day, with seconds, in the interface language. */
export function clockTime(epochMs: number, lang: Lang): string {
  return new Date(epochMs).toLocaleTimeString(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}

const isSubmitKey = (e: KeyboardEvent) => e.key === 'Enter' && (e.ctrlKey || e.metaKey);

interface ListedNote {
  id: string;
  at: number;
  offset: number;
  text: string;
  pageTitle: string;
  editedAt?: number | undefined;
}

interface Props {
  t: EvidenceMessages;
  lang: Lang;
  notes: ListedNote[];
  onAdd: (text: string) => void;
  onEdit: (id: string, text: string) => void;
  onDelete: (id: string) => void;
}

/** The evaluator's notes: write one (tied to the page and moment by the background), edit, delete. */
export function NoteList({ t, lang, notes, onAdd, onEdit, onDelete }: Props) {
  const [draft, setDraft] = useState('');
  const add = () => {
    const text = draft.trim();
    if (!text) return;
    onAdd(text);
    setDraft('');
  };
  return (
    <section class="evidence-section" aria-labelledby="notes-title">
      <h2 id="notes-title">
        {t.notesTitle} <span class="count">({notes.length})</span>
      </h2>
      <form
        class="note-form"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <label class="field">
          <span>{t.noteLabel}</span>
          <textarea
            data-testid="note-input"
            aria-describedby="note-hint"
            maxLength={5000}
            rows={3}
            value={draft}
            onInput={(e) => setDraft(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (isSubmitKey(e)) {
                e.preventDefault();
                add();
              }
            }}
          />
        </label>
        <p id="note-hint" class="hint">
          {t.noteHint}
        </p>
        <div class="buttons">
          <button type="submit" class="btn btn-primary" data-testid="note-add" disabled={!draft.trim()}>
            {t.addNote}
          </button>
        </div>
      </form>
      {notes.length === 0 ? (
        <p class="empty">{t.noNotes}</p>
      ) : (
        <ul class="evidence-list">
          {[...notes]
            .sort((a, b) => a.at - b.at)
            .map((note) => (
              <NoteItem key={note.id} t={t} lang={lang} note={note} onEdit={onEdit} onDelete={onDelete} />
            ))}
        </ul>
      )}
    </section>
  );
}

function NoteItem({ t, lang, note, onEdit, onDelete }: Omit<Props, 'notes' | 'onAdd'> & { note: ListedNote }) {
  const [editing, setEditing] = useState<string>();
  const field = useRef<HTMLTextAreaElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);

  // Focus follows the mode: into the field when editing starts, back to Edit when it ends.
  useEffect(() => {
    if (editing !== undefined && !wasEditing.current) field.current?.focus();
    if (editing === undefined && wasEditing.current) editButton.current?.focus();
    wasEditing.current = editing !== undefined;
  }, [editing]);

  const save = () => {
    const text = editing?.trim();
    if (!text) return;
    if (text !== note.text) onEdit(note.id, text);
    setEditing(undefined);
  };

  return (
    <li class="evidence-item note" data-testid="note-item" data-note-id={note.id}>
      <p class="item-meta">
        <span class="visually-hidden">{t.offsetLabel} </span>
        <span class="replay-time">{replayTime(note.offset)}</span>
        {' · '}
        <span class="visually-hidden">{t.clockLabel} </span>
        <time dateTime={new Date(note.at).toISOString()}>{clockTime(note.at, lang)}</time>
        {' · '}
        <span class="visually-hidden">{t.pageLabel} </span>
        <span class="item-page">{note.pageTitle || t.untitledPage}</span>
      </p>
      {editing === undefined ? (
        <>
          <p class="item-text" data-testid="note-text">
            {note.text}
            {note.editedAt !== undefined && <span class="count"> ({t.edited})</span>}
          </p>
          <div class="buttons">
            <button type="button" class="btn" ref={editButton} data-testid="note-edit" onClick={() => setEditing(note.text)}>
              {t.edit}
            </button>
            <ConfirmButton
              label={t.delete}
              question={t.confirmDeleteNote}
              confirmLabel={t.confirm}
              cancelLabel={t.cancel}
              testId="note-delete"
              onConfirm={() => onDelete(note.id)}
            />
          </div>
        </>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <label class="field">
            <span class="visually-hidden">{t.editNoteLabel}</span>
            <textarea
              ref={field}
              data-testid="note-edit-input"
              maxLength={5000}
              rows={3}
              value={editing}
              onInput={(e) => setEditing(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (isSubmitKey(e)) {
                  e.preventDefault();
                  save();
                } else if (e.key === 'Escape') {
                  e.preventDefault();
                  setEditing(undefined);
                }
              }}
            />
          </label>
          <div class="buttons">
            <button type="submit" class="btn btn-primary" data-testid="note-save" disabled={!editing.trim()}>
              {t.save}
            </button>
            <button type="button" class="btn" onClick={() => setEditing(undefined)}>
              {t.cancel}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
