import { useRef, useState, type FormEvent } from 'react';
import { csrfToken } from '../../graphql/client';

interface Verification {
  valid: boolean;
  message: string;
}

/**
 * "Verifica un file": a printed or forwarded copy is checked against the digital originals frozen
 * at approval. The file goes to the service as it is (POST /reports/verifica); the service
 * compares its SHA-256 with the approved reports of the ente and answers in Italian.
 */
export function VerifyFile() {
  const input = useRef<HTMLInputElement>(null);
  const [result, setResult] = useState<Verification | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setResult(null);
    setProblem(null);
    const file = input.current?.files?.[0];
    if (!file) {
      setProblem('Scegliere il file da verificare.');
      input.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const token = csrfToken();
      const res = await fetch('/reports/verifica', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/octet-stream', ...(token ? { 'x-csrf-token': token } : {}) },
        body: file,
      });
      const answer = (await res.json()) as Verification & { message: string };
      if (res.ok) setResult(answer);
      else setProblem(answer.message);
    } catch {
      setProblem('Il servizio non ha risposto: riprovare tra poco.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="verifica-file" className="mt-5">
      <h2 id="verifica-file" className="h4">
        Verifica un file
      </h2>
      <p>
        Controlla se un file è l’originale digitale di un rapporto approvato dal Consiglio (PDF, Excel, HTML o pacchetto zip): il confronto avviene
        sull’impronta SHA-256, quindi una copia modificata anche di un solo carattere non risulta originale.
      </p>
      <form onSubmit={onSubmit} noValidate className="d-flex flex-wrap align-items-end gap-3">
        <div>
          <label htmlFor="verifica-file-input" className="d-block">
            File da verificare
          </label>
          <input id="verifica-file-input" ref={input} type="file" className="form-control" aria-describedby={problem ? 'verifica-problema' : undefined} />
        </div>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Verifica in corso…' : 'Verifica'}
        </button>
      </form>
      <div aria-live="polite" className="mt-3">
        {problem ? (
          <div id="verifica-problema" className="alert alert-danger" role="alert">
            {problem}
          </div>
        ) : null}
        {result ? <div className={`alert ${result.valid ? 'alert-success' : 'alert-warning'}`}>{result.message}</div> : null}
      </div>
    </section>
  );
}
