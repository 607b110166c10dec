import { useState } from 'react';
import { useT } from '../i18n/useT';
import { formatDuration } from '../canvas/summary';
import type { WrittenDir } from './resultsModel';

/**
 * What a saveAsTextFiles / saveAsObjectFiles sink wrote: one directory per batch (`prefix-<ms>[.suffix]`) with its
 * `part-NNNNN` files and `_SUCCESS`, as Spark leaves them; a file opens to its first lines (from outputWritten).
 */
export function WrittenFiles({ dirs }: { dirs: WrittenDir[] }) {
  const t = useT();
  const [open, setOpen] = useState<{ path: string; name: string } | null>(null);
  if (!dirs.length) return <p className="results__empty muted">{t('results.waitingFiles')}</p>;
  const dir = dirs.find((d) => d.path === open?.path);
  const file = dir?.files.find((f) => f.name === open?.name);
  return (
    <div className="written">
      <ul className="written__dirs" aria-label={t('results.directories')}>
        {dirs.map((d) => (
          <li key={d.path}>
            <span className="written__dir"><code>{d.path}/</code>{d.batchTime !== undefined && <span className="muted small"> · {t('results.batch', { time: formatDuration(d.batchTime), n: d.files.reduce((n, f) => n + (f.name.startsWith('part-') ? f.lines : 0), 0) })}</span>}</span>
            <ul className="written__files">
              {d.files.map((f) => (
                <li key={f.name}>
                  <button type="button" className={`btn btn--small btn--ghost${open?.path === d.path && open.name === f.name ? ' is-on' : ''}`}
                    aria-pressed={open?.path === d.path && open.name === f.name} onClick={() => setOpen({ path: d.path, name: f.name })}>
                    {f.name}
                  </button>
                  <span className="muted small">{t('results.fileSize', { bytes: f.bytes, lines: f.lines })}</span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {file && dir && (
        <figure className="written__file">
          <figcaption className="small"><code>{dir.path}/{file.name}</code></figcaption>
          <pre aria-label={`${dir.path}/${file.name}`}>{file.head || t('results.emptyFile')}</pre>
          {file.truncated && <p className="muted small">{t('results.fileTruncated', { lines: file.lines })}</p>}
        </figure>
      )}
    </div>
  );
}
