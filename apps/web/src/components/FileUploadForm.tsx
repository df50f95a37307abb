import { useState, type FormEvent } from 'react';

export interface FileUploadFormProps {
  id: string;
  label: string;
  /** The file types offered by the browser's file chooser (the API checks the content anyway). */
  accept: string;
  buttonLabel: string;
  sending: boolean;
  onSubmit: (file: File) => void;
}

/** A labelled file input and its send button, disabled until a file is chosen and while it is sent. */
export function FileUploadForm({ id, label, accept, buttonLabel, sending, onSubmit }: FileUploadFormProps) {
  const [file, setFile] = useState<File | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file) onSubmit(file);
  };
  return (
    <form onSubmit={submit} className="d-flex flex-wrap align-items-end gap-3">
      <div>
        <label htmlFor={id} className="form-label d-block">
          {label}
        </label>
        <input id={id} type="file" className="form-control" accept={accept} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>
      <button type="submit" className="btn btn-primary" disabled={!file || sending}>
        {sending ? 'Caricamento…' : buttonLabel}
      </button>
    </form>
  );
}
