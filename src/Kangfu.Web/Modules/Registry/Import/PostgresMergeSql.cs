namespace Kangfu.Web.Modules.Registry.Import;

/// <summary>The SQL of the PostgreSQL import merge. Column names come from <see cref="PersonFields"/> only, never from input.</summary>
internal static class PostgresMergeSql
{
    private static readonly string DataColumns = string.Join(", ", PersonFields.Data.Select(f => f.Column));

    /// <summary>Locks out other writers of the registry (readers are not blocked) and creates the staging table.</summary>
    public static readonly string LockAndCreateStaging =
        "LOCK TABLE registry_persons IN SHARE ROW EXCLUSIVE MODE; CREATE TEMP TABLE import_staging (id uuid NOT NULL, id_number text NOT NULL, id_number_hash text NOT NULL, "
        + string.Join(", ", PersonFields.Data.Select(f => f.Column + " " + SqlType(f.Kind)))
        + ", version uuid NOT NULL, changes text, event_detail text, audit_id uuid NOT NULL, event_id uuid NOT NULL) ON COMMIT DROP; "
        + "CREATE TEMP TABLE import_audit (audit_id uuid NOT NULL, entity_id text NOT NULL, action text NOT NULL, changes text) ON COMMIT DROP";

    /// <summary>The audit rows the merge produced, in a stable order, to be hash-chained in C#.</summary>
    public const string PendingAudit = "SELECT audit_id, entity_id, action, changes FROM import_audit ORDER BY audit_id";

    public const string AuditHead = "SELECT sequence, hash FROM audit_entries WHERE district_code = @district AND chain = 0 ORDER BY sequence DESC LIMIT 1";

    public const string CopyAudit =
        "COPY audit_entries (district_code, id, sequence, prev_hash, hash, at, user_id, user_name, roles, area_code, ip, action, entity_type, entity_id, changes, result) FROM STDIN (FORMAT BINARY)";

    public static readonly string CopyStaging =
        $"COPY import_staging (id, id_number, id_number_hash, {DataColumns}, version, changes, event_detail, audit_id, event_id) FROM STDIN (FORMAT BINARY)";

    /// <summary>Upsert by (district_code, id_number_hash), the blind index of the encrypted ID number; an existing row keeps its id and is touched only when a present column differs.</summary>
    public static string Merge(IReadOnlyList<PersonField> updatable)
    {
        var set = string.Join(", ", updatable.Select(f => $"{f.Column} = EXCLUDED.{f.Column}"));
        var compared = updatable.Where(f => f.Compared).ToList();
        var current = string.Join(", ", compared.Select(f => "t." + f.Column));
        var incoming = string.Join(", ", compared.Select(f => "EXCLUDED." + f.Column));
        var source = string.Join(", ", PersonFields.Data.Select(f => "s." + f.Column));
        return $"""
            WITH merged AS (
                INSERT INTO registry_persons AS t (district_code, id, id_number, id_number_hash, {DataColumns}, created_at, updated_at, version)
                SELECT @district, s.id, s.id_number, s.id_number_hash, {source}, @now, @now, s.version FROM import_staging s
                ON CONFLICT (district_code, id_number_hash) DO UPDATE
                SET {set}, updated_at = EXCLUDED.updated_at, version = EXCLUDED.version
                WHERE ({current}) IS DISTINCT FROM ({incoming})
                RETURNING t.id, t.id_number_hash, (t.xmax = 0) AS inserted
            ){AuditAndEvents}
            SELECT (count(*) FILTER (WHERE inserted))::int, (count(*) FILTER (WHERE NOT inserted))::int FROM merged
            """;
    }

    /// <summary>The audit and timeline rows of exactly the persons the merge inserted or updated (unchanged ones are not returned).</summary>
    private static readonly string AuditAndEvents = $"""
            , audit AS (
                INSERT INTO import_audit (audit_id, entity_id, action, changes)
                SELECT s.audit_id, m.id::text, CASE WHEN m.inserted THEN 'create' ELSE 'update' END, s.changes
                FROM merged m JOIN import_staging s ON s.id_number_hash = m.id_number_hash
            ), events AS (
                INSERT INTO registry_person_events (district_code, id, person_id, at, kind, title, detail, actor_name)
                SELECT @district, s.event_id, m.id, @now, '{MergeTexts.EventKind}',
                       CASE WHEN m.inserted THEN '{MergeTexts.CreatedTitle}' ELSE '{MergeTexts.UpdatedTitle}' END, s.event_detail, @actor
                FROM merged m JOIN import_staging s ON s.id_number_hash = m.id_number_hash
            )
        """;

    /// <summary>Binary COPY straight into registry_persons, for new persons only (demo data).</summary>
    public static readonly string CopyPersons =
        $"COPY registry_persons (district_code, id, id_number, id_number_hash, {DataColumns}, created_at, updated_at, version) FROM STDIN (FORMAT BINARY)";

    private static string SqlType(FieldKind kind) => kind switch
    {
        FieldKind.Number => "integer",
        FieldKind.Date => "date",
        _ => "text",
    };
}
