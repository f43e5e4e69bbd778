using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Kangfu.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kangfu.Web.Modules.Audit;

/// <summary>
/// The database side of one writer per chain, for several app instances on one database. The chain head is read and the
/// new rows inserted in ONE transaction (the caller's, or one opened here and committed when the save ends), and before
/// the head is read that transaction serialises the writers of the chain:
/// <list type="bullet">
/// <item>PostgreSQL: <c>pg_advisory_xact_lock(key of district + chain)</c>, released by the database at commit or rollback
/// (also when the process dies), so a second instance waits instead of reading the same head.</item>
/// <item>SQLite: the transaction is <c>BEGIN IMMEDIATE</c> (Microsoft.Data.Sqlite's default), which takes the file's write
/// lock before the head is read; another process on the same file waits (busy timeout) until the commit.</item>
/// </list>
/// </summary>
internal static class AuditChainAppend
{
    /// <summary>For bulk writers with their own Npgsql command (parameter <c>@key</c> = <see cref="Key"/>).</summary>
    public const string LockSql = "SELECT pg_advisory_xact_lock(@key)";

    /// <summary>
    /// Opens the append's transaction unless the context is already in one (returns the transaction it opened, to be
    /// committed by the caller after the save), then takes the advisory lock of every (district, chain), in order.
    /// </summary>
    public static async Task<IDbContextTransaction?> BeginAsync(DbContext context, IEnumerable<string> districts, int chain, CancellationToken ct)
    {
        var owned = context.Database.CurrentTransaction is null ? await context.Database.BeginTransactionAsync(ct).ConfigureAwait(false) : null;
        try
        {
            if (context is KangfuDbContext { IsPostgres: true })
            {
                foreach (var key in Keys(districts, chain))
                {
                    await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", ct).ConfigureAwait(false);
                }
            }
        }
        catch
        {
            if (owned is not null)
            {
                await owned.DisposeAsync().ConfigureAwait(false);
            }
            throw;
        }
        return owned;
    }

    public static IDbContextTransaction? Begin(DbContext context, IEnumerable<string> districts, int chain)
    {
        var owned = context.Database.CurrentTransaction is null ? context.Database.BeginTransaction() : null;
        try
        {
            if (context is KangfuDbContext { IsPostgres: true })
            {
                foreach (var key in Keys(districts, chain))
                {
                    context.Database.ExecuteSql($"SELECT pg_advisory_xact_lock({key})");
                }
            }
        }
        catch
        {
            owned?.Dispose();
            throw;
        }
        return owned;
    }

    /// <summary>
    /// The advisory-lock key of a district's chain: the first 8 bytes of SHA-256 over a fixed prefix, the district and the
    /// chain (the same in every process; a collision only makes two chains wait for each other).
    /// </summary>
    public static long Key(string district, int chain) => BinaryPrimitives.ReadInt64BigEndian(
        SHA256.HashData(Encoding.UTF8.GetBytes("kangfu audit chain\u001f" + district + "\u001f" + chain.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    /// <summary>Keys in ascending order, so two writers of the same districts never wait for each other in a cycle.</summary>
    private static IEnumerable<long> Keys(IEnumerable<string> districts, int chain) =>
        districts.Distinct(StringComparer.Ordinal).Select(d => Key(d, chain)).Order();
}
