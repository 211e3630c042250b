/** One field or dynamic-field pattern of a Solr schema, as VuFind's schema.xml declares it. */
export interface SchemaFieldData {
  /** Field name, or a dynamic pattern with one `*` at the start or end (`*_str_mv`). */
  readonly name: string;
  /** Solr field type name (`string`, `text`, `long`, `date`, ...). */
  readonly type: string;
  readonly indexed: boolean;
  readonly stored: boolean;
  readonly multiValued: boolean;
}

export interface CopyFieldData {
  readonly source: string;
  readonly dest: string;
}

export interface FieldTypeData {
  readonly name: string;
  readonly solrClass: string;
}

export interface BiblioSchemaData {
  readonly uniqueKey: string;
  readonly fields: readonly SchemaFieldData[];
  readonly dynamicFields: readonly SchemaFieldData[];
  readonly copyFields: readonly CopyFieldData[];
  readonly fieldTypes: readonly FieldTypeData[];
}
