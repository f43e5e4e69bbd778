using System.Globalization;
using System.Reflection;
using Kangfu.Web.Modules.Access;
using Kangfu.Web.Modules.Audit;
using Kangfu.Web.Modules.Audit.PurgeAudit;

namespace Kangfu.UnitTests.Audit;

public sealed class AuditRetentionTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc);
    private static readonly SecurityOptions Defaults = new();

    [Theory]
    [InlineData(AuditActions.Reveal, true, 1096)]
    [InlineData(AuditActions.Export, true, 1096)]
    [InlineData(AuditActions.Print, true, 1096)]
    [InlineData(AuditActions.Search, true, 1096)]
    [InlineData(AuditActions.Create, false, 180)]
    [InlineData(AuditActions.Update, false, 180)]
    [InlineData(AuditActions.Delete, false, 180)]
    [InlineData(AuditActions.Import, false, 180)]
    [InlineData(AuditActions.Login, false, 180)]
    [InlineData(AuditActions.LoginFailed, false, 180)]
    [InlineData(AuditActions.LockedOut, false, 180)]
    [InlineData(AuditActions.MfaFailed, false, 180)]
    [InlineData(AuditActions.Logout, false, 180)]
    [InlineData(AuditActions.PasswordChanged, false, 180)]
    [InlineData(AuditActions.MfaEnrolled, false, 180)]
    [InlineData(AuditActions.AuditPurged, false, 180)]
    [InlineData("some-new-action", true, 1096)]
    public void Actions_are_sensitive_or_ordinary(string action, bool sensitive, int days)
    {
        Assert.Equal(sensitive, AuditRetention.IsSensitive(action));
        Assert.Equal(days, AuditRetention.RetentionDays(action, Defaults));
    }

    /// <summary>Every action the application writes is on exactly one of the two lists.</summary>
    [Fact]
    public void Every_audit_action_is_classified_once()
    {
        var actions = typeof(AuditActions).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.All(actions, a => Assert.True(AuditRetention.SensitiveActions.Contains(a) ^ AuditRetention.OrdinaryActions.Contains(a), a));
        Assert.Equal(actions.Count, AuditRetention.SensitiveActions.Count + AuditRetention.OrdinaryActions.Count);
    }

    [Theory]
    [InlineData(AuditActions.Login, 180.01, true)]
    [InlineData(AuditActions.Login, 180, false)]
    [InlineData(AuditActions.Login, 179.99, false)]
    [InlineData(AuditActions.Reveal, 200, false)]
    [InlineData(AuditActions.Reveal, 1095.99, false)]
    [InlineData(AuditActions.Reveal, 1096, false)]
    [InlineData(AuditActions.Reveal, 1096.01, true)]
    [InlineData(AuditActions.Export, 3000, true)]
    public void Rows_expire_strictly_after_their_retention(string action, double daysAgo, bool expired) =>
        Assert.Equal(expired, AuditRetention.IsExpired(action, Now.AddDays(-daysAgo), Now, Defaults));

    [Fact]
    public void Candidates_start_at_the_shorter_retention_whichever_it_is()
    {
        Assert.Equal(Now.AddDays(-180), AuditRetention.CandidateCutoff(Now, Defaults));
        Assert.Equal(Now.AddDays(-1096), AuditRetention.CandidateCutoff(Now, new SecurityOptions { AuditRetentionDays = 2000 }));
    }

    /// <summary>
    /// Rows as "chain.sequence:action:days-ago" in (chain, sequence) order, the chain heads being the highest sequence of each
    /// chain given; the runs as "chain.first-last/sensitive".
    /// </summary>
    [Theory]
    [InlineData("1.1:login:200 1.2:login:190 1.3:login:10", "1.1-2/0")]
    [InlineData("1.1:login:200 1.2:reveal:200 1.3:login:200 1.4:login:1", "1.1/0 1.3/0")]
    [InlineData("1.1:login:200 1.2:login:200", "1.1/0")]
    [InlineData("1.1:login:200", "")]
    [InlineData("1.1:reveal:1100 1.2:export:1000 1.3:print:1097 1.4:login:0", "1.1/1 1.3/1")]
    [InlineData("1.1:reveal:1100 1.2:login:1100 1.3:print:1097 1.4:login:0", "1.1-3/2")]
    [InlineData("1.1:login:200 1.3:login:200 1.4:login:200 1.5:login:1", "1.1/0 1.3-4/0")]
    [InlineData("1.1:login:200 1.2:login:200 2.1:login:200 2.2:login:200", "1.1/0 2.1/0")]
    [InlineData("1.1:login:200 2.2:login:200 2.3:login:1", "2.2/0")]
    [InlineData("0.1:import:400 0.2:create:400 0.3:update:400 0.4:import:10", "0.1-3/0")]
    [InlineData("1.1:some-new-action:400 1.2:login:400 1.3:login:1", "1.2/0")]
    public void Runs_are_consecutive_expired_rows_and_the_head_stays(string rows, string expected)
    {
        var candidates = rows.Split(' ').Select(Parse).ToList();
        var heads = candidates.GroupBy(c => (c.DistrictCode, c.Chain)).ToDictionary(g => g.Key, g => g.Max(c => c.Sequence));
        var plan = new AuditPurgePlan(heads, Now, Defaults);
        candidates.ForEach(plan.Add);
        Assert.Equal(expected, string.Join(' ', plan.Runs.Select(r => string.Create(CultureInfo.InvariantCulture,
            $"{r.Chain}.{(r.First == r.Last ? r.First.ToString(CultureInfo.InvariantCulture) : $"{r.First}-{r.Last}")}/{r.Sensitive}"))));
        Assert.All(plan.Runs, r =>
        {
            Assert.Equal("h" + r.First.ToString(CultureInfo.InvariantCulture) + "-prev", r.PrevHash);
            Assert.Equal("h" + r.Last.ToString(CultureInfo.InvariantCulture), r.LastHash);
        });
    }

    private static PurgeCandidate Parse(string row)
    {
        var parts = row.Split(':');
        var position = parts[0].Split('.');
        var sequence = long.Parse(position[1], CultureInfo.InvariantCulture);
        return new PurgeCandidate("120116", int.Parse(position[0], CultureInfo.InvariantCulture), sequence,
            Now.AddDays(-int.Parse(parts[2], CultureInfo.InvariantCulture)), parts[1],
            "h" + sequence.ToString(CultureInfo.InvariantCulture) + "-prev", "h" + sequence.ToString(CultureInfo.InvariantCulture));
    }
}
