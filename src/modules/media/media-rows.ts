import { createHash } from 'node:crypto';
import type { EntityMetadata, ValueTransformer } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import type { Media } from './media.entity.js';

type Row = Record<string, unknown>;

const selectList = (columns: ColumnMetadata[]) =>
  columns
    .map((column) => `"${column.databaseName}" AS "${column.propertyName}"`)
    .join(', ');

/**
 * Reads and inserts `media` rows with `Sql` as `Media` objects, without TypeORM's query building and
 * hydration: statements name every column under its property name, and the few columns with a
 * value transformer (bigints) are converted as TypeORM would. Built from the entity's metadata
 * once, so they cannot drift from the entity.
 */
export class MediaRows {
  /** `"content_type" AS "contentType", …` for every column of the entity. */
  readonly columns: string;
  /** Columns an insert gives values for: all but the sequence and the timestamps. */
  private readonly insertable: ColumnMetadata[];
  /** What the database fills in on insert, with the id to match rows to items. */
  private readonly generated: string;
  private readonly transformers = new Map<string, ValueTransformer>();
  /** Insert statements by row count; a count is at most MediaService's rows per INSERT (50). */
  private readonly inserts = new Map<number, string>();
  /** Update statements by the properties they set (a handful: one per kind of change). */
  private readonly updates = new Map<string, { name: string; text: string }>();

  private readonly byProperty: Map<string, ColumnMetadata>;

  constructor(metadata: EntityMetadata) {
    this.columns = selectList(metadata.columns);
    this.byProperty = new Map(
      metadata.columns.map((column) => [column.propertyName, column]),
    );
    this.insertable = metadata.columns.filter(
      (column) =>
        !column.isGenerated && !column.isCreateDate && !column.isUpdateDate,
    );
    this.generated = selectList(
      metadata.columns.filter(
        (column) =>
          column.isPrimary ||
          column.isGenerated ||
          column.isCreateDate ||
          column.isUpdateDate,
      ),
    );
    for (const { propertyName, transformer } of metadata.columns) {
      if (transformer && !Array.isArray(transformer)) {
        this.transformers.set(propertyName, transformer);
      }
    }
  }

  /** `"content_type" AS "contentType", …` for the named properties only. */
  columnsOf(properties: ReadonlyArray<keyof Media>): string {
    return selectList(properties.map((property) => this.column(property)));
  }

  /** A row of these columns (all, `columnsOf` some, or those `insertStatement` returns) as `Media`. */
  toMedia<Item extends Partial<Media> = Media>(row: Row): Item {
    for (const [property, transformer] of this.transformers) {
      if (property in row) {
        row[property] = transformer.from(row[property]);
      }
    }
    return row as unknown as Item;
  }

  /** A multi-row INSERT of `count` items, returning what the database generates for each. */
  insertStatement(count: number): string {
    let statement = this.inserts.get(count);
    if (statement === undefined) {
      statement = this.buildInsert(count);
      this.inserts.set(count, statement);
    }
    return statement;
  }

  private buildInsert(count: number): string {
    const width = this.insertable.length;
    const rows = Array.from(
      { length: count },
      (_, row) =>
        `(${this.insertable.map((_column, index) => `$${row * width + index + 1}`).join(', ')})`,
    );
    const names = this.insertable
      .map((column) => `"${column.databaseName}"`)
      .join(', ');
    return `INSERT INTO "media" (${names}) VALUES ${rows.join(', ')} RETURNING ${this.generated}`;
  }

  /** The parameters of `insertStatement(items.length)`; a missing value is NULL, as in TypeORM. */
  insertValues(items: Media[]): unknown[] {
    return items.flatMap((item) =>
      this.insertable.map((column) =>
        this.parameter(column, (item as unknown as Row)[column.propertyName]),
      ),
    );
  }

  /**
   * One item's UPDATE by id (`$1`) setting the properties `changes` defines (undefined ones are
   * left alone, as TypeORM does) and `updated_at` to now, returning it as `updatedAt`: a named
   * statement per set of properties, and its parameters.
   */
  updateStatement(
    id: string,
    changes: Partial<Media>,
  ): { name: string; text: string; values: unknown[] } {
    const set = Object.entries(changes).filter(
      ([property, value]) => value !== undefined && property !== 'updatedAt',
    );
    const properties = set.map(([property]) => property).join(',');
    let statement = this.updates.get(properties);
    if (statement === undefined) {
      const assignments = set.map(
        ([property], index) =>
          `"${this.column(property).databaseName}" = $${index + 2}`,
      );
      statement = {
        // Named after what it sets, so two instances on one pool cannot give a name two texts.
        name: `media_update_${createHash('sha256').update(properties).digest('hex').slice(0, 16)}`,
        text: `UPDATE "media" SET ${[...assignments, '"updated_at" = now()'].join(', ')}
               WHERE "id" = $1 RETURNING "updated_at" AS "updatedAt"`,
      };
      this.updates.set(properties, statement);
    }
    return {
      ...statement,
      values: [
        id,
        ...set.map(([property, value]) =>
          this.parameter(this.column(property), value),
        ),
      ],
    };
  }

  private column(property: string): ColumnMetadata {
    const column = this.byProperty.get(property);
    if (!column) throw new Error(`media has no column for ${property}`);
    return column;
  }

  /** A property's value as `pg` must send it: through its transformer, JSON for jsonb. */
  private parameter(column: ColumnMetadata, raw: unknown): unknown {
    const transformer = this.transformers.get(column.propertyName);
    const value: unknown = transformer ? transformer.to(raw) : raw;
    // pg would send a JS array as a PostgreSQL array, not as JSON.
    return column.type === 'jsonb' && value != null
      ? JSON.stringify(value)
      : (value ?? null);
  }

  /** Copies what the database generated (`seq`, timestamps) onto the inserted items. */
  applyGenerated(items: Media[], rows: Row[]): void {
    const byId = new Map(rows.map((row) => [row.id, this.toMedia(row)]));
    for (const item of items) {
      Object.assign(item, byId.get(item.id));
    }
  }
}
