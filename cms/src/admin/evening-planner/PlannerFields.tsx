import { Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';

type TextChange = (event: { target: { value: string } }) => void;

/**
 * A name typed against the list of known ones (a datalist): the hint says whether the name links
 * an existing record or creates a new one.
 */
export function KnownNameField(props: {
  name: string;
  label: string;
  value: string;
  onChange: TextChange;
  list: string;
  disabled: boolean;
  required?: boolean;
  /** The hint when the name is one of the list's; undefined when it is not. */
  knownHint: string | undefined;
  /** The hint for a name the list lacks. */
  newHint: string;
  /** The hint while nothing is typed. */
  emptyHint: string;
}) {
  const hint = props.knownHint ?? (props.value.trim() ? props.newHint : props.emptyHint);
  return (
    <Field.Root name={props.name} required={props.required} hint={hint}>
      <Field.Label>{props.label}</Field.Label>
      <Field.Input
        value={props.value}
        onChange={props.onChange}
        list={props.list}
        autoComplete="off"
        disabled={props.disabled}
      />
      <Field.Hint />
    </Field.Root>
  );
}

/** A web address, checked by the CMS when the evening is saved. */
export function WebAddressField(props: {
  name: string;
  label: string;
  value: string;
  onChange: TextChange;
  disabled: boolean;
}) {
  return (
    <Field.Root name={props.name} hint="Adresse web, vérifiée à l’enregistrement.">
      <Field.Label>{props.label}</Field.Label>
      <Field.Input
        type="url"
        placeholder="https://"
        value={props.value}
        onChange={props.onChange}
        disabled={props.disabled}
      />
      <Field.Hint />
    </Field.Root>
  );
}

/** One of a fixed set of values, each shown by its French label. */
export function ChoiceField<Value extends string>(props: {
  name: string;
  label: string;
  value: Value | '';
  labels: Record<Value, string>;
  onChange: (value: Value) => void;
  disabled: boolean;
  placeholder?: string;
}) {
  return (
    <Field.Root name={props.name}>
      <Field.Label>{props.label}</Field.Label>
      <SingleSelect
        value={props.value}
        placeholder={props.placeholder}
        onChange={(value) => props.onChange(String(value) as Value)}
        disabled={props.disabled}
      >
        {(Object.keys(props.labels) as Value[]).map((value) => (
          <SingleSelectOption key={value} value={value}>
            {props.labels[value]}
          </SingleSelectOption>
        ))}
      </SingleSelect>
    </Field.Root>
  );
}
