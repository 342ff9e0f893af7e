import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';

/** The voc/schedule validator's own schemas (see test/fixtures/voc-schedule/README.md). */
const fixtures = join(__dirname, '..', 'fixtures', 'voc-schedule');
const xsd = readFileSync(join(fixtures, 'schedule.xml.xsd'), 'utf8');
const jsonSchema = JSON.parse(readFileSync(join(fixtures, 'schema.json'), 'utf8'));

// The schema is draft-06 and uses keywords of its own ($oneOf, $todo): not strict, every format checked.
const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
ajv.addMetaSchema(draft06);
addFormats(ajv);
ajv.addFormat('color', /^#[0-9a-fA-F]{6}$/);
const validateJson = ajv.compile(jsonSchema);

/** Problems schedule.json has under the published schema; empty when it is valid. */
export function scheduleJsonProblems(document: unknown): string[] {
  if (validateJson(document)) return [];
  return (validateJson.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
}

/** Problems schedule.xml has under the published XSD (xmllint's messages); empty when it is valid. */
export async function scheduleXmlProblems(xml: string): Promise<string[]> {
  const result = await validateXML({ xml: [{ fileName: 'schedule.xml', contents: xml }], schema: [xsd] });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}
