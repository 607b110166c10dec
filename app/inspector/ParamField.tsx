import { useEffect, useId, useState } from 'react';
import type { ParamSpec } from '../../engine/graph/types';
import { loc, type Lang } from '../i18n/index';
import { useT } from '../i18n/useT';
import { formatDuration } from '../canvas/summary';
import { bestUnit, formatField, parseField, type DurationUnit } from './fieldModel';
import { CodeField } from './CodeField';

interface Props {
  name: string;
  spec: ParamSpec;
  value: unknown;
  lang: Lang;
  opName: string;
  issue?: string;
  onChange: (v: unknown) => void;
}

/** A text-like field with a local draft: only valid values reach the document. */
function DraftInput({ spec, value, onChange, id, unit, multiline }: { spec: ParamSpec; value: unknown; onChange: (v: unknown) => void; id: string; unit?: DurationUnit; multiline?: boolean }) {
  const t = useT();
  const [draft, setDraft] = useState(formatField(spec, value, unit));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => { setDraft(formatField(spec, value, unit)); setError(null); }, [value, unit, spec]);
  const update = (text: string) => {
    setDraft(text);
    const r = parseField(spec, text, unit);
    if (r.ok) { setError(null); onChange(r.value); } else setError(t(r.errorKey, r.vars));
  };
  const common = { id, value: draft, 'aria-invalid': !!error, 'aria-describedby': error ? `${id}-err` : undefined };
  const numeric = spec.type === 'int' || spec.type === 'number' || spec.type === 'duration';
  return (
    <>
      {multiline
        ? <textarea {...common} rows={spec.type === 'json' ? 5 : 3} spellCheck={false} onChange={(e) => update(e.target.value)} />
        : <input {...common} type={numeric ? 'number' : 'text'} step={spec.type === 'int' ? 1 : 'any'} min={spec.min} max={spec.max}
            placeholder={spec.default !== undefined ? formatField(spec, spec.default, unit) : ''} spellCheck={false}
            onChange={(e) => update(e.target.value)} onBlur={() => { if (error) { setDraft(formatField(spec, value, unit)); setError(null); } }} />}
      {error && <div className="field__error" id={`${id}-err`} role="alert">{error}</div>}
    </>
  );
}

export function ParamField({ name, spec, value, lang, opName, issue, onChange }: Props) {
  const t = useT();
  const id = useId();
  const label = loc(spec.label, lang) || name;
  const [unit, setUnit] = useState<DurationUnit>(bestUnit(value ?? spec.default));
  const effective = value ?? spec.default;

  let control: React.ReactNode;
  switch (spec.type) {
    case 'function':
      control = (
        <>
          <CodeField
            value={typeof value === 'string' ? value : typeof spec.default === 'string' ? spec.default : ''}
            onChange={(v) => onChange(v.trim() === '' && spec.optional ? undefined : v)}
            ariaLabel={t('inspector.codeOf', { param: label, op: opName })}
            runsOn={spec.runsOn ?? 'executor'} opName={opName} placeholder={spec.optional ? t('inspector.optionalFn') : undefined}
            issue={issue}
          />
          {spec.presets && spec.presets.length > 0 && (
            <div className="presets" role="group" aria-label={t('inspector.presets')}>
              {spec.presets.map((p) => (
                <button key={p.value} type="button" className="chip" onClick={() => onChange(p.value)} title={p.value}>{loc(p.label, lang)}</button>
              ))}
            </div>
          )}
        </>
      );
      break;
    case 'boolean':
      control = (
        <label className="switch">
          <input id={id} type="checkbox" checked={!!effective} onChange={(e) => onChange(e.target.checked)} />
          <span>{effective ? t('common.on') : t('common.off')}</span>
        </label>
      );
      break;
    case 'enum':
      control = (
        <select id={id} value={String(effective ?? '')} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}>
          {(spec.optional || effective === undefined) && <option value="">—</option>}
          {(spec.enumValues ?? []).map((v) => <option key={v} value={v}>{v}</option>)}
        </select>
      );
      break;
    case 'duration':
      control = (
        <div className="duration">
          <DraftInput spec={spec} value={value} onChange={onChange} id={id} unit={unit} />
          {/* Changing the unit keeps the duration and rewrites the number in the new unit (2 s ⇄ 2000 ms). */}
          <select aria-label={t('inspector.unit', { param: label })} title={t('inspector.unitHint')} value={unit} onChange={(e) => setUnit(e.target.value === 'ms' ? 'ms' : 's')}>
            <option value="s">s</option>
            <option value="ms">ms</option>
          </select>
          <span className="duration__pretty muted small" data-testid="duration-value">
            {typeof effective === 'number'
              ? <>= {formatDuration(effective)}{formatDuration(effective).endsWith(' ms') ? '' : ` (${effective} ms)`}{value === undefined ? ` (${t('inspector.default')})` : ''}</>
              : t('inspector.durationUnset')}
          </span>
        </div>
      );
      break;
    case 'stringList':
    case 'json':
      control = <DraftInput spec={spec} value={value} onChange={onChange} id={id} multiline />;
      break;
    default:
      control = <DraftInput spec={spec} value={value} onChange={onChange} id={id} />;
  }

  return (
    <div className={`field field--${spec.type}${issue ? ' field--invalid' : ''}`}>
      <div className="field__head">
        {spec.type === 'function' ? <span className="field__label" id={`${id}-label`}>{label}</span> : <label className="field__label" htmlFor={id}>{label}</label>}
        <code className="field__name">{name}</code>
        {spec.optional && <span className="field__optional">{t('inspector.optional')}</span>}
        {spec.type === 'function' && <span className={`field__runs field__runs--${spec.runsOn ?? 'executor'}`} title={t(`inspector.runsOn.${spec.runsOn ?? 'executor'}Hint`)}>{t(`inspector.runsOn.${spec.runsOn ?? 'executor'}`)}</span>}
      </div>
      {control}
      {issue && spec.type !== 'function' && <div className="field__error" role="alert">{issue}</div>}
      <p className="field__help">{loc(spec.help, lang)}</p>
    </div>
  );
}
