import type { Language } from '@dialogdag/shared';
import type { RegistrationExtensions } from './registration-extensions';

export interface AnnotationColumn {
  key: string;
  label: string;
}

/**
 * The annotations other libs registered (workshop, table…), as columns with their values for a
 * set of registrations: one source for the participant list, its CSV and JSON, badges and the personal page.
 */
export class AnnotationTable {
  private constructor(
    readonly columns: readonly AnnotationColumn[],
    private readonly values: Map<string, Map<string, string>>,
  ) {}

  static async load(extensions: RegistrationExtensions, conferenceId: string, registrationIds: string[], lang: Language): Promise<AnnotationTable> {
    const columns = extensions.annotations.map((a) => ({ key: a.key, label: a.label[lang] }));
    // An empty id list would mean "everyone" to an annotation; nobody is asked about here.
    const values = columns.length === 0 || registrationIds.length === 0 ? new Map() : await extensions.annotate(conferenceId, registrationIds);
    return new AnnotationTable(columns, values);
  }

  value(registrationId: string, key: string): string | null {
    return this.values.get(key)?.get(registrationId) ?? null;
  }

  /** One cell per column, in column order; empty where there is no value. */
  row(registrationId: string): string[] {
    return this.columns.map((c) => this.value(registrationId, c.key) ?? '');
  }

  /** Keyed by annotation, for JSON: every registered key is present, null without a value. */
  record(registrationId: string): Record<string, string | null> {
    return Object.fromEntries(this.columns.map((c) => [c.key, this.value(registrationId, c.key)]));
  }

  /** Label and value of the annotations this registration has, for the personal page and badges. */
  present(registrationId: string): Array<{ label: string; value: string }> {
    return this.columns.flatMap((c) => {
      const value = this.value(registrationId, c.key);
      return value ? [{ label: c.label, value }] : [];
    });
  }
}
