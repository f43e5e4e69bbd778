namespace Kangfu.Web.Modules.Registry.Import;

/// <summary>The SQL of the PostgreSQL import. Column names come from <see cref="PersonFields"/> only, never from input.</summary>
internal static class PostgresMergeSql
{
    private static readonly string DataColumns = string.Join(", ", PersonFields.Data.Select(f => f.Column));

    /// <summary>Locks out other writers of the registry (readers are not blocked) for the import transaction.</summary>
    public const string Lock = "LOCK TABLE registry_persons IN SHARE ROW EXCLUSIVE MODE";

    /// <summary>The stored persons the rows were compared with, and the versions they had then.</summary>
    public const string CreateCheck = "CREATE TEMP TABLE import_check (id uuid NOT NULL, version uuid NOT NULL) ON COMMIT DROP";

    public const string CopyCheck = "COPY import_check (id, version) FROM STDIN (FORMAT BINARY)";

    /// <summary>How many of them are gone or have another version now.</summary>
    public const string StaleChecks =
        "SELECT count(*) FROM import_check c LEFT JOIN registry_persons t ON t.district_code = @district AND t.id = c.id AND t.version = c.version WHERE t.id IS NULL";

    /// <summary>Binary COPY straight into registry_persons: new persons (imports, demo data).</summary>
    public static readonly string CopyPersons =
        $"COPY registry_persons (district_code, id, id_number, id_number_hash, {DataColumns}, created_at, updated_at, version) FROM STDIN (FORMAT BINARY)";

    /// <summary>The changed persons, staged for one set-based UPDATE.</summary>
    public static readonly string CreateChanged =
        "CREATE TEMP TABLE import_changed (id uuid NOT NULL, id_number text NOT NULL, id_number_hash text NOT NULL, "
        + string.Join(", ", PersonFields.Data.Select(f => f.Column + " " + SqlType(f.Kind))) + ", version uuid NOT NULL) ON COMMIT DROP";

    public static readonly string CopyChanged =
        $"COPY import_changed (id, id_number, id_number_hash, {DataColumns}, version) FROM STDIN (FORMAT BINARY)";

    /// <summary>Sets the columns present in the file (an absent column keeps its stored value); the id and created_at stay.</summary>
    public static string UpdateChanged(IReadOnlyList<PersonField> updatable) =>
        $"UPDATE registry_persons t SET {string.Join(", ", updatable.Select(f => $"{f.Column} = s.{f.Column}"))}, updated_at = @now, version = s.version "
        + "FROM import_changed s WHERE t.district_code = @district AND t.id = s.id";

    public const string CopyEvents =
        "COPY registry_person_events (district_code, id, person_id, at, kind, title, detail, actor_name) FROM STDIN (FORMAT BINARY)";

    public const string AuditHead = "SELECT sequence, hash FROM audit_entries WHERE district_code = @district AND chain = 0 ORDER BY sequence DESC LIMIT 1";

    public const string CopyAudit =
        "COPY audit_entries (district_code, id, sequence, prev_hash, hash, at, user_id, user_name, roles, area_code, ip, action, entity_type, entity_id, changes, result) FROM STDIN (FORMAT BINARY)";

    private static string SqlType(FieldKind kind) => kind switch
    {
        FieldKind.Number => "integer",
        FieldKind.Date => "date",
        _ => "text",
    };
}
