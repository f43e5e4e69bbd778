using Kangfu.Web.Modules.Access;

namespace Kangfu.Web.Modules.Audit.PurgeAudit;

/// <summary>A row old enough to be looked at (only the columns the plan needs).</summary>
public sealed record PurgeCandidate(string DistrictCode, int Chain, long Sequence, DateTime At, string Action, string PrevHash, string Hash);

/// <summary>Consecutive sequences of one chain that go: what one signed checkpoint records.</summary>
public sealed record PurgeRun(string DistrictCode, int Chain, long First, long Last, string PrevHash, string LastHash, long Sensitive)
{
    public long Count => Last - First + 1;

    public long Ordinary => Count - Sensitive;
}

/// <summary>
/// Which rows a purge removes, as runs of consecutive sequences per chain: every row past its retention
/// (<see cref="AuditRetention"/>) except the chain's head, the last row, which stays so that the next row appended links to
/// it. A kept row (sensitive, newer, or the head) and an earlier gap both end a run, so a checkpoint never spans a row that
/// is still there or a range another checkpoint covers. Feed the candidates in (district, chain, sequence) order.
/// </summary>
public sealed class AuditPurgePlan(IReadOnlyDictionary<(string District, int Chain), long> heads, DateTime now, SecurityOptions options)
{
    private readonly List<PurgeRun> runs = [];
    private PurgeRun? open;

    public IReadOnlyList<PurgeRun> Runs
    {
        get
        {
            Close();
            return runs;
        }
    }

    public void Add(PurgeCandidate row)
    {
        var head = heads.TryGetValue((row.DistrictCode, row.Chain), out var h) ? h : row.Sequence;
        if (row.Sequence >= head || !AuditRetention.IsExpired(row.Action, row.At, now, options))
        {
            Close();
            return;
        }
        var sensitive = AuditRetention.IsSensitive(row.Action) ? 1 : 0;
        if (open is not null && open.DistrictCode == row.DistrictCode && open.Chain == row.Chain && row.Sequence == open.Last + 1)
        {
            open = open with { Last = row.Sequence, LastHash = row.Hash, Sensitive = open.Sensitive + sensitive };
            return;
        }
        Close();
        open = new PurgeRun(row.DistrictCode, row.Chain, row.Sequence, row.Sequence, row.PrevHash, row.Hash, sensitive);
    }

    private void Close()
    {
        if (open is not null)
        {
            runs.Add(open);
            open = null;
        }
    }
}
