import type { EveningForm } from './plan-form';

/** Merges the changed fields into the form as React holds it when it applies the change. */
export type FormChange = (patch: Partial<EveningForm>) => void;

/** The form's fields that hold free text (an input's value as typed). */
type TextField = { [K in keyof EveningForm]: string extends EveningForm[K] ? K : never }[keyof EveningForm];

/** An input's onChange that writes what is typed into `field`. */
export const textInto = (change: FormChange, field: TextField) => (event: { target: { value: string } }) =>
  change({ [field]: event.target.value });
