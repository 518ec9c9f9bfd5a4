/** Small form controls of the settings view: a row, a switch and a segmented choice. */
import { useId, type ReactNode } from 'react';

export function SettingRow({ label, help, control, labelFor, id }: { label: string; help?: ReactNode; control: ReactNode; labelFor?: string; id?: string }) {
  return (
    <div className="setting-row">
      <div className="setting-text">
        {labelFor ? (
          <label className="setting-label" htmlFor={labelFor} id={id}>
            {label}
          </label>
        ) : (
          <span className="setting-label" id={id}>
            {label}
          </span>
        )}
        {help && <span className="setting-help">{help}</span>}
      </div>
      <div className="setting-control">{control}</div>
    </div>
  );
}

/** A switch; `disabled` with a `describedBy` that says why it cannot be used here. */
export function Switch({
  checked,
  onChange,
  labelledBy,
  disabled = false,
  describedBy,
}: {
  checked: boolean;
  onChange: (value: boolean) => void;
  labelledBy: string;
  disabled?: boolean;
  describedBy?: string;
}) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      className="switch"
      disabled={disabled}
      onClick={() => onChange(!checked)}
    >
      <span className="switch-thumb" />
    </button>
  );
}

export function Segmented<T extends string>({ value, options, onChange, labelledBy }: { value: T; options: Array<{ value: T; label: string }>; onChange: (value: T) => void; labelledBy: string }) {
  const name = useId();
  return (
    <div className="segmented" role="radiogroup" aria-labelledby={labelledBy}>
      {options.map((option) => (
        <label key={option.value} className={option.value === value ? 'segment is-selected' : 'segment'}>
          <input type="radio" name={name} value={option.value} checked={option.value === value} onChange={() => onChange(option.value)} />
          <span>{option.label}</span>
        </label>
      ))}
    </div>
  );
}
