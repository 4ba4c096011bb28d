interface Props<T extends string> {
  /** the radio group's name, unique on the page; also the test ids' prefix */
  name: string;
  label: string;
  value: T | null;
  options: readonly { value: T; label: string }[];
  onChange(value: T): void;
}

/** one of a few choices as a row of joined buttons: radio inputs underneath, for keyboards and readers */
export function Choice<T extends string>({ name, label, value, options, onChange }: Props<T>) {
  return (
    <fieldset className="stats-choice">
      <legend className="visually-hidden">{label}</legend>
      {options.map((o) => (
        <label
          key={o.value}
          className={o.value === value ? 'stats-choice-on' : undefined}
          data-testid={`${name}-${o.value}`}
        >
          <input
            type="radio"
            name={name}
            value={o.value}
            checked={o.value === value}
            onChange={() => onChange(o.value)}
          />
          <span>{o.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
