import type { TFunction } from 'i18next';

/** The name of a directory entry's field (as the API names it) in the reader's language. */
export function fieldLabel(field: string, t: TFunction): string {
  return t(`directory.fields.${field}`, { defaultValue: field });
}

/** A CSEC training's name: the well-known ones translated, a county's own key as it is. */
export function trainingLabel(key: string, t: TFunction): string {
  return t(`directory.trainings.${key}`, { defaultValue: key.replace(/_/g, ' ') });
}
